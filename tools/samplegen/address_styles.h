// The ways people (and OCR) write one address: upper case, no tone marks,
// abbreviated unit words, no commas, decomposed Unicode, the old tone-mark
// placement, OCR's mark confusions. For testing the address checker on
// what real forms hold.
#pragma once

#include <string>
#include <vector>

#include "people.h"

namespace samplegen {

enum class AddressStyle {
  kAsIs,
  kLower,
  kUpper,
  kNoMarks,
  kAbbreviated,
  kNoCommas,
  kDecomposed,
  kOldTonePlacement,
  kOcrMarks
};

const std::vector<AddressStyle>& AllAddressStyles();
const char* AddressStyleName(AddressStyle style);

// `text` written in `style`; kOcrMarks changes one or two marks, chosen by `rng`.
std::string Restyle(const std::string& text, AddressStyle style, Rng& rng);

}  // namespace samplegen

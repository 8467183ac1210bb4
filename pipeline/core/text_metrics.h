// Text accuracy metrics shared by the tests and tools/evaluate: character
// error rate and word recall over Unicode code points, after a documented
// normalisation (dotted leaders dropped, white space folded, NFC assumed).
#pragma once

#include <string>
#include <string_view>

namespace hoso {

std::u32string Utf8ToU32(std::string_view s);
std::string U32ToUtf8(const std::u32string& s);

// Drops runs of three or more '.' or '…' (form leaders, whose count varies),
// folds every run of white space into one space, trims.
std::string NormalizeForScoring(std::string_view text);

// Levenshtein distance between code-point strings.
size_t EditDistance(const std::u32string& a, const std::u32string& b);

// Edit distance / truth length, after normalisation (0 = perfect; may
// exceed 1 when the hypothesis is mostly noise). Empty truth: 0 if the
// hypothesis is empty too, else 1.
double CharacterErrorRate(std::string_view truth, std::string_view hypothesis);

// Fraction of the truth's words (as a multiset) found in the hypothesis.
double WordRecall(std::string_view truth, std::string_view hypothesis);

}  // namespace hoso

// Reading a form page by what its labels mean (extract/labels.h): every
// "label: value" on it is understood or kept; the applicant's fields go
// under their own keys, other people's under theirs (father_name,
// household_head_id_number...). Whose a label is comes from the label
// ("Họ tên chủ hộ"), or from the person last named or announced by a
// heading ("Thông tin về mẹ:", "... khai sinh cho người dưới đây:"); the
// page starts with the applicant.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ocr_page.h"
#include "extract/learnt.h"
#include "extract/reader.h"
#include "extract/templates.h"

namespace hoso {

struct MeaningField {
  FieldType type = FieldType::kText;
  RawField raw;
  std::string label;  // as printed
};

struct PageByMeaning {
  std::map<std::string, MeaningField> fields;  // by record key
  std::vector<LabelledValue> unused;           // not understood, or a second value for a key
  std::vector<Box> understood;                 // where the understood ones stand (label and value)
};

// `learnt` (optional): labels learnt from corrections, by their bare words
// one space apart, → record key; consulted for labels not understood.
PageByMeaning ReadByMeaning(const std::vector<LineView>& lines, int page_index,
                            const std::map<std::string, std::string>* learnt = nullptr);

// The name written under the signature ("(Ký, ghi rõ họ tên)" and the
// signer's title, when that title is the applicant's: NGƯỜI KÊ KHAI, NGƯỜI
// ĐỀ NGHỊ...); nullopt when there is none or the signer is someone else.
std::optional<RawField> SignedName(const std::vector<LineView>& lines, int page_index);

}  // namespace hoso

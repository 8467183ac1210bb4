// Learning a form's layout from a reviewer's correction: when the value a
// reviewer gives a field stood on the page under a label hoso did not
// understand (the record's `other` list), that label is the field's from
// now on (kept in the registry; extraction uses it for the next dossiers).
#pragma once

#include <optional>
#include <string>

#include "core/record.h"
#include "registry/registry.h"

namespace hoso {

// What setting `key` to `value` on `record` teaches (all but who learnt
// it): the label of the one entry of `other` whose value is that value (as
// the key's type reads it: the same date, digits, gender, or the same
// letters but for an OCR slip in one in five), and whose label extraction
// does not understand.
std::optional<Registry::LearntLabel> LabelToLearn(const DossierRecord& record, const std::string& key,
                                                  const std::string& value);

}  // namespace hoso

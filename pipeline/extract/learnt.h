// Labels learnt from reviewers' corrections: a printed label hoso's reader
// did not understand, and the record key a reviewer filled with its value
// (review/learning.h learns them; the registry keeps them). Keyed by the
// label's bare words; kept as files too (models/doctypes/local/*.json, as
// `hoso learnt export` writes them).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "extract/templates.h"

namespace hoso {

// A label's bare words, one space apart: how learnt labels are keyed.
std::string LabelKey(const std::vector<std::string>& tokens);

// The learnt label a label's words name, as OCR read them this time.
std::map<std::string, std::string>::const_iterator FindLearnt(const std::map<std::string, std::string>& learnt,
                                                              const std::vector<std::string>& tokens);

// The files of a folder: {"learnt_labels": [{"label", "field"}]}, by label
// key; an absent folder is no labels.
Result<std::map<std::string, std::string>> LoadLearntLabels(const std::string& dir);
// Such a file's text for (label as printed, field) pairs.
std::string LearntLabelsJson(const std::vector<std::pair<std::string, std::string>>& labels);

// The type of a record key's value (full_name, father_name: a name;
// *date_of_birth: a date; *_address: an address; ...).
FieldType TypeOfKey(const std::string& key);

}  // namespace hoso

// Document templates as data (models/doctypes/*.json): per document type,
// its title patterns, its labelled fields (every label variant, the value's
// type, whether it is required) and the labels of lines that end a value;
// for the forms the legal texts print, the form's lines and their source.
// A new form is a new JSON file, no C++.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace hoso {

enum class FieldType { kText, kName, kDate, kGender, kIdNumber, kAddress, kPhone, kNumber };
const char* FieldTypeName(FieldType t);

struct FieldSpec {
  std::string key;  // canonical: full_name, date_of_birth, gender, id_number, permanent_address, phone, ...
  FieldType type = FieldType::kText;
  bool required = false;
  std::vector<std::string> labels;  // as printed, most specific first
};

struct DocTemplate {
  std::string type;  // land_registration, ..., citizen_id
  std::vector<std::string> titles;
  std::vector<FieldSpec> fields;
  std::vector<std::string> stop_labels;  // labels of other lines: a value ends there
  bool id_card = false;                  // a card photocopy, not a form
  // Keys of the groups it uses that the form does not print ("optional").
  std::vector<std::string> optional;
  // The legal text the form is printed from (its "form" section's source;
  // samplegen draws the form from that section).
  std::string source;
};

struct Templates {
  std::vector<DocTemplate> docs;
  // Loads every *.json of `dir`; groups ("group": "person") are merged into
  // the templates that name them in "uses".
  static Result<std::shared_ptr<const Templates>> Load(const std::string& dir);
  // $HOSO_MODELS/doctypes if set, else the source tree's models/doctypes.
  static std::string DefaultDir();
  const DocTemplate* Find(const std::string& type) const;
};

}  // namespace hoso

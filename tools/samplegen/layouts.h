// Label wordings and layouts for forms drawn the way offices and citizens
// print them beyond the five fixed forms (samplegen --layouts FILE): the
// applicant's labels, other people on the same page (household head,
// parents, a representative) under their own labels, and extra lines
// (ethnicity, another address...). See layouts/dev.json; layouts/heldout.json
// is kept apart for measurement.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace samplegen {

struct LayoutList {
  // Core field key (full_name, date_of_birth, gender, id_number,
  // permanent_address, phone) → label wordings.
  std::map<std::string, std::vector<std::string>> applicant;
  struct PersonBlock {
    std::string role;                                        // household_head | father | mother | representative
    std::vector<std::string> headings;                       // a line before the block ("" : none)
    std::map<std::string, std::vector<std::string>> labels;  // name, date_of_birth, id_number, ...
  };
  std::vector<PersonBlock> people;
  struct Extra {
    std::vector<std::string> labels;
    std::vector<std::string> values;  // "@address", "@email", "@province": drawn
  };
  std::vector<Extra> extras;

  static std::optional<LayoutList> Load(const std::string& path, std::string* error);
};

}  // namespace samplegen

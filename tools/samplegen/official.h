// The forms as the legal texts print them (samplegen --official-rate P):
// read from the "form" section of the document templates in
// models/doctypes/*.json, where each form names its source (the circular or
// decree and its annex). The templates the pipeline reads and the pages
// samplegen draws are one description of the form.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace samplegen {

struct OfficialForm {
  std::string type;       // residence_change, birth_registration, ...
  std::string name;       // "Mẫu CT01: Tờ khai thay đổi thông tin cư trú"
  std::string source;     // the legal text
  std::string addressee;  // "Kính gửi(1): Công an {ward}"
  std::vector<std::string> title;
  struct Item {
    std::string label;                // as printed, with its number and footnote mark
    std::string key;                  // the record's key for the value
    std::string text;                 // a line of text with no value (a heading)
    std::vector<std::string> before;  // words written before the value
    std::string after;                // "issue": the ID's date of issue after it
    bool boxes = false;               // digits written one to a printed box
  };
  std::vector<std::vector<Item>> lines;  // the printed lines, top to bottom
  std::vector<std::string> members;      // the household table's columns
  std::string closing;                   // the declaration
  std::string date_line;                 // "{place}, ngày {day} tháng {month} năm {year}"
  std::vector<std::string> signers;      // signature columns, left to right
  std::string sign_note;                 // "(Ký, ghi rõ họ tên)"
};

// Every template of `dir` with a "form" section, by document type; empty
// (and `error` set) when none can be read.
std::map<std::string, OfficialForm> LoadOfficialForms(const std::string& dir, std::string* error);

}  // namespace samplegen

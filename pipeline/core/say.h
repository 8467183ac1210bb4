// The words hoso says to people in flag and verdict messages: Vietnamese,
// the language of the ward's staff, or English on request (--english).
// Codes and keys never change with the language.
#pragma once

#include <string>

namespace hoso {

struct Say {
  bool english = false;
  std::string operator()(const std::string& en, const std::string& vi) const { return english ? en : vi; }
  // A record key as a person calls the field: "ngày sinh" / "date of birth";
  // another person's ("father_name"): "họ tên (cha)". Unknown keys as they are.
  std::string Field(const std::string& key) const;
};

}  // namespace hoso

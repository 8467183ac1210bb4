// Comma-separated values as spreadsheets write them: quoted cells with
// commas, doubled quotes and line breaks inside.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace hoso {

// The next record of `in`, or nullopt at the end.
std::optional<std::vector<std::string>> ReadCsvRecord(std::istream& in);

}  // namespace hoso

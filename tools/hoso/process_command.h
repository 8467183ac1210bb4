// `hoso process`: parse its options, run the batch, print and write records.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunProcess(const std::vector<std::string>& args);
extern const std::string kProcessHelp;

}  // namespace hoso::cli

// `hoso address`: the merger-aware verdict on addresses given on the
// command line or one per line on standard input.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunAddress(const std::vector<std::string>& args);

}  // namespace hoso::cli

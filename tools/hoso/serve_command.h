// `hoso serve` (the review station) and `hoso user` (its accounts).
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunServe(const std::vector<std::string>& args);
int RunUser(const std::vector<std::string>& args);

}  // namespace hoso::cli

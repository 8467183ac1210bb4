// `hoso watch`: a scanner's output folder, processed as files arrive.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunWatchCommand(const std::vector<std::string>& args);

}  // namespace hoso::cli

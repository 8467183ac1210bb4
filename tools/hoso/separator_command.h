// `hoso separator-sheet`: the sheet staff put between dossiers in a stack.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunSeparatorSheet(const std::vector<std::string>& args);

}  // namespace hoso::cli

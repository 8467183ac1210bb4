// `hoso export`: registered dossiers out of the registry, as JSON Lines or CSV.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunExport(const std::vector<std::string>& args);

}  // namespace hoso::cli

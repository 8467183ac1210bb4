// `hoso enqueue`, `hoso worker`, `hoso status`: one batch shared by many
// machines through a job queue in the registry's database.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunEnqueue(const std::vector<std::string>& args);
int RunWorkerCommand(const std::vector<std::string>& args);
int RunStatus(const std::vector<std::string>& args);

}  // namespace hoso::cli

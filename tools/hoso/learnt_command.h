// `hoso learnt`: the labels learnt from reviewers' corrections.
#pragma once

#include <string>
#include <vector>

namespace hoso::cli {

int RunLearnt(const std::vector<std::string>& args);

}  // namespace hoso::cli

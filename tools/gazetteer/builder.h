// Builds hoso's gazetteer model (models/gazetteer/*.tsv) from the official
// tables in ../shared/data/admin-units/ and the project's overrides file.
// The output is deterministic: the same inputs give byte-identical files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace hoso::gazetteer {

struct BuildReport {
  int provinces = 0, districts = 0, communes = 0, links = 0;
  int overrides_applied = 0;
  std::vector<std::string> notes;  // what the builder corrected or skipped, and why
};

// The model's files, by name ("provinces.tsv" -> content).
using ModelFiles = std::map<std::string, std::string>;

// Reads the sources in `source_dir` and the overrides at `overrides_path`;
// any row the builder cannot account for is an error naming it.
Result<ModelFiles> Build(const std::string& source_dir, const std::string& overrides_path, BuildReport* report);

}  // namespace hoso::gazetteer

// gazetteer: rebuilds models/gazetteer/ from the official tables.
//   gazetteer --sources ../shared/data/admin-units --out models/gazetteer [--check]
// The overrides file is read from the output folder (overrides.tsv).
// --check writes nothing and fails if the committed files differ from a build.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "builder.h"
#include "cli/args.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  hoso::cli::Args args(std::vector<std::string>(argv + 1, argv + argc), {"--sources", "--out"},
                       {"--check", "--help", "-h"});
  if (auto exit =
          hoso::cli::HelpOrUsageError(args, "gazetteer", "usage: gazetteer [--sources DIR] [--out DIR] [--check]\n"))
    return *exit;
  if (!args.positional().empty()) return hoso::cli::UsageError("gazetteer", "unexpected argument");
  const std::string sources = args.Value("--sources").value_or("../shared/data/admin-units");
  const std::string out = args.Value("--out").value_or("models/gazetteer");
  const bool check = args.Flag("--check");
  hoso::gazetteer::BuildReport report;
  auto files = hoso::gazetteer::Build(sources, (fs::path(out) / "overrides.tsv").string(), &report);
  if (!files.ok()) {
    std::cerr << "gazetteer: " << files.status().ToString() << "\n";
    return 3;
  }
  int differ = 0;
  for (const auto& [name, content] : *files) {
    const fs::path path = fs::path(out) / name;
    if (check) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (ss.str() != content) {
        std::cerr << "gazetteer: " << path.string() << " differs from a fresh build\n";
        ++differ;
      }
      continue;
    }
    std::ofstream o(path, std::ios::binary);
    o << content;
    if (!o) {
      std::cerr << "gazetteer: cannot write " << path.string() << "\n";
      return 3;
    }
  }
  for (const auto& n : report.notes) std::cerr << "  " << n << "\n";
  std::cerr << "gazetteer: " << report.provinces << " provinces, " << report.districts << " districts, "
            << report.communes << " communes, " << report.links << " links; " << report.overrides_applied
            << " override(s)" << (check ? (differ ? "; DIFFERS" : "; model up to date") : "") << "\n";
  return differ ? 1 : 0;
}

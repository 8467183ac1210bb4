#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "builder.h"
#include "support/test_support.h"

namespace hoso::gazetteer {
namespace {

std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// models/gazetteer is what the tool builds from the official tables: run
// `build/tools/gazetteer/gazetteer` after changing either.
TEST(GazetteerBuild, CommittedModelMatchesAFreshBuild) {
  const auto models = test::SourceDir() / "models" / "gazetteer";
  BuildReport report;
  auto files = Build(HOSO_ADMIN_UNITS_DIR, (models / "overrides.tsv").string(), &report);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(files->size(), 5u);  // provinces, districts, communes, links, clauses
  for (const auto& [name, content] : *files) EXPECT_TRUE(Read(models / name) == content) << name << " is stale";
  EXPECT_EQ(report.provinces, 63 + 34 + 1);
  EXPECT_EQ(report.overrides_applied, 10);
  EXPECT_GE(report.links, 10500);
}

TEST(GazetteerBuild, AnOverrideThatMatchesNothingIsAnError) {
  const auto path = std::filesystem::temp_directory_path() / "hoso-overrides-test.tsv";
  {
    std::ofstream o(path);
    o << Read(test::SourceDir() / "models" / "gazetteer" / "overrides.tsv")
      << "99999\tXã Không Có\told_code\t1\tno such row\n";
  }
  BuildReport report;
  auto files = Build(HOSO_ADMIN_UNITS_DIR, path.string(), &report);
  ASSERT_FALSE(files.ok());
  EXPECT_NE(files.status().message().find("99999"), std::string::npos) << files.status().ToString();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace hoso::gazetteer

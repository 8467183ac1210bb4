// No full name or ID number in hoso's logs, at the most verbose level.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <fstream>

#include "cli/hoso_run.h"
#include "support/test_support.h"

namespace hoso {
namespace {

TEST(Privacy, NoFullNameOrIdNumberInTheLogs) {
  test::ScratchDir dir;
  // Logs only (standard error, every level): --quiet, and the records go to a file.
  const auto run = test::Hoso("process --verbose --quiet --as-of 2026-01-01 --db " + (dir / "r.db").string() +
                              " --json " + (dir / "out.jsonl").string() + " " + test::SamplesDir().string() + "");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_FALSE(run.out.empty()) << "--verbose logs something";
  std::ifstream truth((test::SamplesDir() / "truth.jsonl").string());
  int checked = 0;
  for (std::string line; std::getline(truth, line);) {
    auto fields = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>()->getObject("fields");
    for (const char* key : {"full_name", "id_number", "phone"}) {
      if (!fields->has(key)) continue;
      const std::string value = fields->getValue<std::string>(key);
      EXPECT_EQ(run.out.find(value), std::string::npos) << key << " " << value.substr(0, 3) << "… in the logs";
      ++checked;
    }
  }
  EXPECT_GE(checked, 20);
  // The records themselves do carry them (the test would pass on empty output otherwise).
  EXPECT_NE(test::ReadFile(dir / "out.jsonl").find("\"id_number\""), std::string::npos);
}

}  // namespace
}  // namespace hoso

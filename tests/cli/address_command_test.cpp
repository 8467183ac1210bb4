// `hoso address` end to end: one verdict per address, from the command line
// or standard input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/record_json.h"
#include "hoso_run.h"
#include "support/test_support.h"

namespace hoso {
namespace {

using test::Hoso;

TEST(AddressCommand, OneAddress) {
  const auto run =
      Hoso("address --as-of 2026-11-28 'Số 18, ngõ 42 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội'", false);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  auto v = AddressVerdictFromJson(run.out);
  ASSERT_TRUE(v.ok()) << run.out;
  EXPECT_EQ(v->status, "outdated");
  EXPECT_EQ(v->suggested_text, "Số 18, ngõ 42 phố Phúc Xá, phường Hồng Hà, thành phố Hà Nội");
}

TEST(AddressCommand, OneLinePerAddressFromStandardInput) {
  const test::ScratchDir dir;
  const auto input = dir / "in.txt";
  {
    std::ofstream o(input);
    o << "phường Phúc Xá, quận Ba Đình, Hà Nội\r\n"
         "phường Hồng Hà, thành phố Hà Nội\n"
         "xã Hồng Hà, huyện Đan Phượng, Hà Nội\n"
         "\n"
         "không phải địa chỉ\n";
  }
  const auto run = Hoso("address --as-of 2026-11-28 --stats - < " + input.string(), false);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::istringstream lines(run.out);
  std::vector<std::string> statuses;
  for (std::string line; std::getline(lines, line);) {
    if (line == "{}") {
      statuses.push_back("(empty)");
      continue;
    }
    auto v = AddressVerdictFromJson(line);
    ASSERT_TRUE(v.ok()) << line;
    statuses.push_back(v->status);
  }
  EXPECT_EQ(statuses, (std::vector<std::string>{"outdated", "current", "ambiguous", "(empty)", "unknown"}));
}

TEST(AddressCommand, BadOptionsAndMissingModels) {
  EXPECT_EQ(Hoso("address --as-of yesterday 'phường Hồng Hà, Hà Nội'").exit_code, 2);
  EXPECT_EQ(Hoso("address").exit_code, 2);
  const auto run = Hoso("address --models /nonexistent 'phường Hồng Hà, Hà Nội'");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.out.find("gazetteer"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace hoso

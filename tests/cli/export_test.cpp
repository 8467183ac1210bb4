#include <gtest/gtest.h>

#include <sstream>

#include "cli/hoso_run.h"
#include "support/test_support.h"

namespace hoso {
namespace {

int Lines(const std::string& s) {
  std::istringstream in(s);
  int n = 0;
  for (std::string line; std::getline(in, line);) n += !line.empty();
  return n;
}

TEST(HosoExport, CsvAndJsonLinesOfTheRegisteredDossiers) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string();
  ASSERT_EQ(test::Hoso("process --quiet --db " + db + " --as-of 2026-01-01 " + test::SamplesDir().string()).exit_code,
            0);
  const auto csv = test::Hoso("export --db " + db + " --format csv", false);
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(Lines(csv.out), 9) << csv.out;  // header + 8 dossiers
  EXPECT_EQ(csv.out.rfind("dossier_id,source,sha256,status,doc_type,doc_date,full_name,", 0), 0u) << csv.out;
  // Addresses hold commas: quoted; the first sample's, as the registry has it.
  EXPECT_NE(csv.out.find(",\"thôn 7, xã Dị Nậu, huyện Tam Nông, tỉnh Phú Thọ\","), std::string::npos) << csv.out;
  const auto all = test::Hoso("export --db " + db, false);
  const auto review = test::Hoso("export --db " + db + " --status needs_review", false);
  const auto registered = test::Hoso("export --db " + db + " --status registered", false);
  EXPECT_EQ(Lines(all.out), 8);
  EXPECT_EQ(Lines(review.out) + Lines(registered.out), 8);
  EXPECT_NE(review.out.find("\"status\":\"needs_review\""), std::string::npos);
  EXPECT_EQ(review.out.find("\"status\":\"registered\""), std::string::npos);
  EXPECT_EQ(Lines(test::Hoso("export --db " + db + " --since 2999-01-01", false).out), 0);
  EXPECT_EQ(test::Hoso("export --db " + db + " --format xml").exit_code, 2);
  // Masked: the first sample's name and ID number are not in it, its initials are.
  const auto masked = test::Hoso("export --db " + db + " --format csv --mask", false);
  EXPECT_EQ(Lines(masked.out), 9);
  EXPECT_EQ(masked.out.find("Đỗ Công Hiếu"), std::string::npos);
  EXPECT_EQ(masked.out.find("024097336917"), std::string::npos);
  EXPECT_NE(csv.out.find("024097336917"), std::string::npos) << "unmasked, it is there";
  EXPECT_NE(masked.out.find("0240"), std::string::npos);
  const auto masked_json = test::Hoso("export --db " + db + " --mask", false);
  EXPECT_EQ(masked_json.out.find("Đỗ Công Hiếu"), std::string::npos) << "nor in the page text";
}

}  // namespace
}  // namespace hoso

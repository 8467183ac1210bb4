// What the clerk at the scanner sees: a line per dossier saying what it is,
// whose (not in full), what its address needs and why it waits for review;
// the files already registered counted apart; an ID number met before.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/hoso_run.h"
#include "support/test_support.h"

namespace hoso {
namespace {

std::string LineOf(const std::string& out, const std::string& file) {
  std::istringstream in(out);
  std::string line, found;
  while (std::getline(in, line)) {
    if (!found.empty() && line.rfind("              ", 0) == 0) {
      found += "\n" + line;  // its continuation lines
      continue;
    }
    if (!found.empty()) break;
    if (line.find(file) != std::string::npos) found = line;
  }
  return found;
}

TEST(ClerksLine, TypeApplicantMaskedIdVerdictAndWhy) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string();
  const auto run = test::Hoso("process --jobs 2 --station http://192.168.1.20:8080/ --as-of 2026-01-01 --db " + db +
                              " " + test::SamplesDir().string());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  // The first sample: Đỗ Công Hiếu, 024097336917, a residence form.
  const std::string first = LineOf(run.out, "dossier-0001.jpg");
  ASSERT_FALSE(first.empty()) << run.out;
  EXPECT_NE(first.find("residence_change"), std::string::npos) << first;
  EXPECT_NE(first.find("Đỗ C. H."), std::string::npos) << first;
  EXPECT_NE(first.find("CCCD 0240"), std::string::npos) << first;
  EXPECT_EQ(run.out.find("Đỗ Công Hiếu"), std::string::npos) << "no name in full";
  EXPECT_EQ(run.out.find("024097336917"), std::string::npos) << "no ID number in full";
  EXPECT_EQ(run.out.find("“"), std::string::npos) << "no first words of the page (the national motto)";
  // Every dossier that waits says why, in Vietnamese (a fresh machine's
  // locale, C.UTF-8).
  std::istringstream in(run.out);
  int waiting = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("chờ duyệt", 0) != 0) continue;
    ++waiting;
    std::string next;
    std::getline(in, next);
    EXPECT_EQ(next.rfind("              lý do: ", 0), 0u) << line << "\n" << next;
  }
  EXPECT_GT(waiting, 0) << run.out;
  EXPECT_NE(run.out.find(std::to_string(waiting) + " hồ sơ chờ duyệt tại http://192.168.1.20:8080/"), std::string::npos)
      << run.out;
  // Again: every file is already known, counted apart, none registered again.
  const auto again = test::Hoso("process --as-of 2026-01-01 --db " + db + " " + test::SamplesDir().string());
  EXPECT_NE(again.out.find("0 đã đăng ký, 0 chờ duyệt, 0 từ chối, 8 đã có từ trước"), std::string::npos) << again.out;
  EXPECT_EQ(LineOf(again.out, "dossier-0001.jpg").rfind("đã có", 0), 0u) << again.out;
  // In an English locale (or with --english), the same lines in English.
  const auto english =
      test::Hoso("process --as-of 2026-01-01 --db " + db + " " + test::SamplesDir().string(), true, "en_US.UTF-8");
  EXPECT_NE(english.out.find("0 registered, 0 needs review, 0 rejected, 8 already known"), std::string::npos)
      << english.out;
  EXPECT_EQ(LineOf(english.out, "dossier-0001.jpg").rfind("already known", 0), 0u) << english.out;
  const auto flag = test::Hoso("process --english --as-of 2026-01-01 --db " + db + " " + test::SamplesDir().string());
  EXPECT_NE(flag.out.find("8 already known"), std::string::npos) << flag.out;
}

// The same person's card in a new file (other bytes): registered, with the
// dossier it was seen in named.
TEST(ClerksLine, AnIdNumberMetBeforeIsNamed) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string();
  const auto src = test::SamplesDir() / "dossier-0001.jpg";
  ASSERT_EQ(test::Hoso("process --json - --quiet --as-of 2026-01-01 --db " + db + " " + src.string(), false).exit_code,
            0);
  // A JPEG with a byte after its end: the same picture, another file.
  const auto copy = dir / "copy.jpg";
  std::filesystem::copy_file(src, copy);
  std::ofstream(copy, std::ios::app | std::ios::binary) << '\0';
  const auto run = test::Hoso("process --as-of 2026-01-01 --db " + db + " " + copy.string());
  const std::string line = LineOf(run.out, "copy.jpg");
  EXPECT_NE(line.find("số định danh này đã có trong hồ sơ 1"), std::string::npos) << run.out;
  const auto json = test::Hoso("export --db " + db, false);
  EXPECT_NE(json.out.find("ID_SEEN_BEFORE"), std::string::npos);
  EXPECT_NE(json.out.find("\"severity\":\"info\""), std::string::npos);
}

}  // namespace
}  // namespace hoso

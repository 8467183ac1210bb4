// End to end: the hoso binary on the bundled samples, checked against the
// ground truth written beside them.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "core/record_json.h"
#include "core/text_metrics.h"
#include "hoso_run.h"
#include "support/test_support.h"

namespace hoso {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Object;

using test::Hoso;
using test::HosoRun;

std::vector<DossierRecord> ReadJsonLines(const fs::path& p) {
  std::vector<DossierRecord> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);) {
    auto r = RecordFromJson(line);
    EXPECT_TRUE(r.ok()) << line;
    if (r.ok()) out.push_back(std::move(r).value());
  }
  return out;
}

std::map<std::string, Object::Ptr> Truths() {
  std::map<std::string, Object::Ptr> out;
  std::ifstream in(test::SamplesDir() / "truth.jsonl");
  for (std::string line; std::getline(in, line);) {
    Poco::JSON::Parser parser;
    auto t = parser.parse(line).extract<Object::Ptr>();
    out[t->getValue<std::string>("file")] = t;
  }
  return out;
}

TEST(HosoProcess, RegistersTheSamplesWithTheRightText) {
  test::ScratchDir dir;
  const auto db = dir / "hoso.db", json = dir / "out.jsonl";
  const HosoRun run =
      Hoso("process --jobs 2 --db " + db.string() + " --json " + json.string() + " " + test::SamplesDir().string());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("8 hồ sơ"), std::string::npos) << run.out;
  const auto records = ReadJsonLines(json);
  const auto truths = Truths();
  ASSERT_EQ(records.size(), truths.size());
  double cer_sum = 0;
  int pages = 0, dates_found = 0, dated = 0;
  for (const auto& r : records) {
    const std::string file = fs::path(r.source).filename().string();
    SCOPED_TRACE(file);
    const auto& truth = truths.at(file);
    EXPECT_NE(r.status, DossierStatus::kRejected);
    EXPECT_GT(r.dossier_id, 0);
    EXPECT_EQ(r.sha256.size(), 64u);
    // A date is never wrong; it may be missing where a stamp covers it.
    if (truth->isNull("doc_date")) {
      EXPECT_FALSE(r.doc_date.has_value()) << "an ID card alone has no document date";
    } else {
      ++dated;
      if (r.doc_date) { EXPECT_EQ(*r.doc_date, truth->getValue<std::string>("doc_date")); }
      dates_found += r.doc_date.has_value();
    }
    auto tpages = truth->getArray("pages");
    ASSERT_EQ(r.pages.size(), tpages->size());
    for (size_t i = 0; i < r.pages.size(); ++i) {
      auto tp = tpages->getObject(i);
      const auto& p = r.pages[i];
      EXPECT_EQ(p.index, static_cast<int>(i));
      EXPECT_EQ(p.blank, tp->getValue<bool>("blank")) << "page " << i;
      if (p.blank) continue;
      EXPECT_EQ(p.dpi, 200) << "200 dpi scans of 13-14 pt text are read as they are (their letters are tall enough)";
      EXPECT_NEAR(p.skew_deg, tp->getValue<double>("skew_deg"), 0.3) << "page " << i;
      std::string expected;
      auto lines = tp->getArray("lines");
      for (size_t k = 0; k < lines->size(); ++k) expected += lines->getElement<std::string>(k) + "\n";
      const double cer = CharacterErrorRate(expected, p.text);
      // A red stamp over the signer block costs one page ~10%; none worse.
      EXPECT_LT(cer, 0.15) << "page " << i << ":\n" << p.text;
      cer_sum += cer;
      ++pages;
    }
  }
  EXPECT_GE(dates_found * 5, dated * 4) << "dates found on at least 80% of the dated samples";
  ASSERT_GT(pages, 0);
  EXPECT_LT(cer_sum / pages, 0.05) << "mean page CER over the samples";

  // The second run registers nothing new: every record is a DUPLICATE of
  // the first run's, with the same id.
  const auto json2 = dir / "again.jsonl";
  const HosoRun again =
      Hoso("process --db " + db.string() + " --json " + json2.string() + " " + test::SamplesDir().string());
  ASSERT_EQ(again.exit_code, 0) << again.out;
  const auto second = ReadJsonLines(json2);
  ASSERT_EQ(second.size(), records.size());
  std::map<std::string, std::int64_t> ids;
  for (const auto& r : records) ids[r.sha256] = r.dossier_id;
  for (const auto& r : second) {
    EXPECT_TRUE(r.HasFlag("DUPLICATE")) << r.source;
    EXPECT_EQ(r.dossier_id, ids.at(r.sha256));
    EXPECT_FALSE(r.pages.empty()) << "the existing record is reported, pages included";
  }
}

// The real Kodak letter's header, as an archive register records it: the
// truth written beside the scan (../shared/data/real-scans). Every value
// is right, or — the number and the day, written in by hand — flagged for a
// person to key; never a wrong value nobody is asked to look at.
TEST(HosoProcess, ReadsARealLettersHeaderAsTheArchiveRecordsIt) {
  const auto file = test::RealScansDir() / "letter-2019-kodak-200dpi.pdf";
  const auto truth_file = test::RealScansDir() / "letter-2019-kodak-200dpi.truth.json";
  if (!fs::exists(file) || !fs::exists(truth_file)) GTEST_SKIP() << "no " << file;
  test::ScratchDir dir;
  const auto json = dir / "out.jsonl";
  const HosoRun run =
      Hoso("process --quiet --db " + (dir / "hoso.db").string() + " --json " + json.string() + " " + file.string());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto records = ReadJsonLines(json);
  ASSERT_EQ(records.size(), 1u);
  const DossierRecord& r = records[0];
  Poco::JSON::Parser parser;
  const auto truth = parser.parse(test::ReadFile(truth_file)).extract<Object::Ptr>();
  EXPECT_EQ(r.doc_type, "official_letter");
  auto value = [&](const std::string& key) { return r.fields.count(key) ? r.fields.at(key).value : std::string(); };
  auto flagged = [&](const std::string& key, const std::string& code) {
    return std::any_of(r.flags.begin(), r.flags.end(), [&](const Flag& f) { return f.field == key && f.code == code; });
  };
  EXPECT_EQ(value("doc_kind"), truth->getValue<std::string>("doc_kind"));
  EXPECT_EQ(value("issuer"), truth->getValue<std::string>("issuer"));
  EXPECT_EQ(value("issuer_parent"), truth->getValue<std::string>("issuer_parent"));
  EXPECT_EQ(value("doc_symbol"), truth->getValue<std::string>("symbol"));
  EXPECT_EQ(value("issue_place"), truth->getValue<std::string>("place"));
  EXPECT_LT(CharacterErrorRate(truth->getValue<std::string>("subject"), value("subject")), 0.05) << value("subject");
  // Handwritten: right, or flagged.
  if (value("doc_number") != truth->getValue<std::string>("number")) {
    EXPECT_TRUE(flagged("doc_number", "HANDWRITTEN")) << value("doc_number");
  }
  if (r.doc_date != truth->getValue<std::string>("date")) {
    EXPECT_FALSE(r.doc_date.has_value()) << "a wrong date is never registered: " << *r.doc_date;
    EXPECT_TRUE(flagged("doc_date", "HANDWRITTEN"));
  }
  // The signer, on the second page, as its text truth has it.
  const std::string text_truth =
      test::ReadFile(test::SourceDir() / "tests/data/real-scans/letter-2019-kodak-200dpi.gt.txt");
  ASSERT_FALSE(value("signer_name").empty());
  EXPECT_NE(text_truth.find("\n" + value("signer_name") + "\n"), std::string::npos) << value("signer_name");
  EXPECT_EQ(r.fields.at("signer_name").page, 1);
  EXPECT_EQ(r.status, DossierStatus::kNeedsReview);
  EXPECT_FALSE(r.HasFlag("DOC_TYPE_UNKNOWN"));
}

TEST(HosoProcess, RejectedInputsGiveExitCodeOneAndARecord) {
  test::ScratchDir dir;
  test::WriteFile(dir / "empty.tif", "");
  const HosoRun run = Hoso("process --db " + (dir / "r.db").string() + " --json - " + (dir / "empty.tif").string());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("\"status\":\"rejected\""), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"code\":\"INPUT_EMPTY\""), std::string::npos) << run.out;
}

TEST(HosoProcess, WritesSearchablePdfHocrAndAlto) {
  test::ScratchDir dir;
  const HosoRun run = Hoso("process --quiet --db " + (dir / "r.db").string() + " --out " + (dir / "out").string() +
                           " " + (test::SamplesDir() / "dossier-0005.pdf").string());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  for (const char* ext : {".pdf", ".hocr", ".xml"}) {
    const auto p = dir / "out" / (std::string("dossier-0005") + ext);
    ASSERT_TRUE(fs::exists(p)) << p;
    EXPECT_GT(fs::file_size(p), 500u) << p;
  }
  EXPECT_NE(test::ReadFile(dir / "out" / "dossier-0005.hocr").find("CỘNG"), std::string::npos);
}

TEST(HosoProcess, UsageErrorsGiveExitCodeTwo) {
  EXPECT_EQ(Hoso("process").exit_code, 2);
  EXPECT_EQ(Hoso("process --jobs zero x.pdf").exit_code, 2);
  EXPECT_EQ(Hoso("process --as-of 2025-13-40 x.pdf").exit_code, 2);
  EXPECT_EQ(Hoso("process --no-such-option x.pdf").exit_code, 2);
  EXPECT_EQ(Hoso("frobnicate").exit_code, 2);
}

TEST(HosoProcess, AnUnopenableRegistryIsFatal) {
  const HosoRun run =
      Hoso("process --db /nonexistent-dir/x/y.db " + (test::SamplesDir() / "dossier-0001.jpg").string());
  EXPECT_EQ(run.exit_code, 3) << run.out;
}

TEST(HosoHelp, ExplainsCommandsAndExitCodes) {
  const HosoRun top = Hoso("--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("process"), std::string::npos);
  const HosoRun help = Hoso("process --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* opt : {"--db", "--jobs", "--json", "--out", "--as-of", "Exit codes"})
    EXPECT_NE(help.out.find(opt), std::string::npos) << opt;
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

TEST(HosoProcess, DebugImagesShowEveryCleanupStep) {
  test::ScratchDir dir;
  const HosoRun run = Hoso("process --quiet --db " + (dir / "r.db").string() + " --debug-images " +
                           (dir / "dbg").string() + " " + (test::SamplesDir() / "dossier-0001.jpg").string());
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir / "dbg")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  ASSERT_GE(names.size(), 3u);
  EXPECT_EQ(names.front(), "dossier-0001-p1-1-scan.png");
  EXPECT_NE(std::find(names.begin(), names.end(), "dossier-0001-p1-" + std::to_string(names.size()) + "-for-ocr.png"),
            names.end());
}

// The models are found where --models says (an installed copy, a test
// set), whatever the environment; a folder without them is a clear error.
TEST(HosoProcess, TheModelsComeFromWhereTheOptionSays) {
  test::ScratchDir dir;
  const std::string sample = (test::SamplesDir() / "dossier-0001.jpg").string();
  const auto ok = test::Hoso("process --quiet --models " + (test::SourceDir() / "models").string() + " --db " +
                             (dir / "a.db").string() + " " + sample);
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  const auto missing = test::Hoso("process --quiet --models " + (dir / "none").string() + " --db " +
                                  (dir / "b.db").string() + " " + sample);
  EXPECT_EQ(missing.exit_code, 3) << missing.out;
  EXPECT_NE(missing.out.find((dir / "none").string() + "/gazetteer"), std::string::npos) << missing.out;
}

// Under systemd, standard error is the journal (JOURNAL_STREAM names it):
// each log line starts with its syslog priority, which journald keeps as
// the entry's level. Elsewhere the lines are as they were.
TEST(HosoProcess, LogLinesCarryTheirLevelForTheJournal) {
  test::ScratchDir dir;
  const std::string err = (dir / "stderr.txt").string(), sample = (test::SamplesDir() / "dossier-0001.jpg").string();
  auto run = [&](bool journal) {
    std::ofstream(err, std::ios::trunc).close();
    const std::string env = journal ? "JOURNAL_STREAM=$(stat -c %d:%i " + err + ") " : "";
    const std::string cmd = env + HOSO_BINARY + std::string(" process --verbose --quiet --db ") +
                            (dir / "r.db").string() + " --reprocess " + sample + " 2>>" + err;
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(err);
    std::string first;
    std::getline(in, first);
    return first;
  };
  EXPECT_EQ(run(true).rfind("<6>hoso: info: ", 0), 0u);
  EXPECT_EQ(run(false).rfind("hoso: info: ", 0), 0u);
}

}  // namespace
}  // namespace hoso

#include "ocr/engine.h"

#include <gtest/gtest.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include "cleanup/cleanup.h"
#include "core/text_metrics.h"
#include "ingest/ingest.h"
#include "ocr/line_images.h"
#include "support/sample_pages.h"
#include "support/test_support.h"

namespace hoso {
namespace {

using test::DataDir;

OcrEngine& Engine() {
  static std::unique_ptr<OcrEngine> engine = [] {
    auto e = OcrEngine::Create(OcrOptions{});
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(e).value() : nullptr;
  }();
  return *engine;
}

cv::Mat ReadGray(const std::filesystem::path& p) { return cv::imread(p.string(), cv::IMREAD_GRAYSCALE); }

// The real Kodak letter (200 dpi, bi-level): a typed note in small print
// begins 1.5 mm to the right of the subject. Through cleanup and OCR, the
// subject's three lines come together, then the note's items, then
// "Kính gửi:" under them; no line holds both.
TEST(ReadingOrder, ARealLettersNoteBesideItsSubjectIsReadAfterIt) {
  const auto file = test::RealScansDir() / "letter-2019-kodak-200dpi.pdf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no " << file;
  auto doc = OpenDocument(test::ReadFile(file), {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto scan = (*doc)->LoadPage(0);
  ASSERT_TRUE(scan.ok());
  auto clean = Clean(*scan, {});
  ASSERT_TRUE(clean.ok());
  auto page = Engine().ReadPage(clean->gray, clean->dpi);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const std::string& t = page->text;
  const size_t subject = t.find("TTATGT"), subject_end = t.find("quốc gia"), note = t.find("Cô Hương"),
               note_end = t.find("theo dõi"), recipients = t.find("Kính gửi");
  for (size_t at : {subject, subject_end, note, note_end, recipients}) ASSERT_NE(at, std::string::npos) << t;
  EXPECT_LT(subject, subject_end);
  EXPECT_LT(subject_end, note) << t;
  EXPECT_LT(note, note_end);
  EXPECT_LT(note_end, recipients) << t;
  for (const OcrBlock& block : page->blocks)
    for (const OcrLine& line : block.lines) {
      const std::string text = line.Text();
      EXPECT_FALSE(text.find("TTATGT") != std::string::npos && text.find("Hương") != std::string::npos) << text;
    }
}

// Tesseract's own reference page. Its test suite expects the text exactly;
// 2% allows for a different model build reading one or two characters
// differently, and still fails on any lost line (a line is ~15%).
TEST(OcrEngine, ReadsTesseractsPhototest) {
  const auto dir = DataDir() / "ocr-reference" / "tesseract";
  const long plain_before = PlainLineImagesWritten();
  auto page = Engine().ReadPage(ReadGray(dir / "phototest.tif"), 200);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  // Tesseract kept each line's image uncompressed (ocr/line_images.h): its
  // calls to Leptonica came to hoso's pixWriteMem.
  EXPECT_GE(PlainLineImagesWritten() - plain_before, 8);
  const std::string truth = test::ReadFile(dir / "phototest.txt");
  EXPECT_LT(CharacterErrorRate(truth, page->text), 0.02) << page->text;
  EXPECT_GT(page->mean_confidence, 0.8);
  // Words come with boxes inside the page and confidences.
  ASSERT_GE(page->word_count(), 50);
  const OcrWord& first = page->blocks.at(0).lines.at(0).words.at(0);
  EXPECT_EQ(first.text, "This");
  EXPECT_GT(first.box.w, 10);
  EXPECT_LT(first.box.x + first.box.w, page->width);
  EXPECT_GT(first.confidence, 0.5);
}

// A signature scrawled below the text: Tesseract reads its strokes as a
// line of dashes and brackets, which hoso drops from the page's lines and
// its text; every line of real text stays.
TEST(OcrEngine, ASignaturesStrokesAreNotText) {
  const auto dir = DataDir() / "ocr-reference" / "tesseract";
  cv::Mat page = ReadGray(dir / "phototest.tif");
  const std::vector<cv::Point> stroke = {{300, 420}, {340, 395}, {370, 440}, {410, 400},
                                         {440, 435}, {480, 415}, {510, 425}, {590, 410}};
  cv::polylines(page, stroke, false, cv::Scalar(0), 3, cv::LINE_AA);
  cv::line(page, {290, 455}, {600, 450}, cv::Scalar(0), 2, cv::LINE_AA);
  auto read = Engine().ReadPage(page, 200);
  ASSERT_TRUE(read.ok());
  const std::string truth = test::ReadFile(dir / "phototest.txt");
  EXPECT_LT(CharacterErrorRate(truth, read->text), 0.02) << read->text;
  // No line of the text is made of the strokes.
  std::stringstream lines(read->text);
  for (std::string line; std::getline(lines, line);)
    EXPECT_EQ(line.find_first_of("-_~<>=`"), std::string::npos) << line;
}

TEST(OcrEngine, ReadsAVietnameseWordWithItsTones) {
  auto page = Engine().ReadPage(ReadGray(DataDir() / "ocr-reference" / "tesseract" / "viet.tif"), 300);
  ASSERT_TRUE(page.ok());
  EXPECT_NE(page->text.find("tiếng"), std::string::npos) << page->text;
}

TEST(OcrEngine, ReadsAGeneratedVietnameseFormWithDiacritics) {
  // samples/dossier-0001.jpg: a 200 dpi grey scan of a residence form.
  const auto samples = test::SamplesDir();
  Poco::JSON::Parser parser;
  auto truth = parser.parse(test::ReadFile(samples / "dossier-0001.truth.json")).extract<Poco::JSON::Object::Ptr>();
  auto lines = truth->getArray("pages")->getObject(0)->getArray("lines");
  std::string expected;
  for (size_t i = 0; i < lines->size(); ++i) expected += lines->getElement<std::string>(i) + "\n";

  cv::Mat image = cv::imread((samples / "dossier-0001.jpg").string(), cv::IMREAD_UNCHANGED);
  auto clean = Clean(SourcePage{0, image, 200, true}, CleanupOptions{});
  ASSERT_TRUE(clean.ok());
  auto page = Engine().ReadPage(clean->gray, clean->dpi);
  ASSERT_TRUE(page.ok());
  EXPECT_LT(CharacterErrorRate(expected, page->text), 0.05) << page->text;
  EXPECT_NE(page->text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << page->text;
  // The words that carry tone marks or Vietnamese letters are read with them.
  std::string marked;
  std::istringstream words(NormalizeForScoring(expected));
  int count = 0;
  for (std::string w; words >> w;) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      marked += w + " ";
      ++count;
    }
  }
  ASSERT_GT(count, 40);
  EXPECT_GT(WordRecall(marked, page->text), 0.85) << marked;
}

TEST(OcrEngine, BlankPagesAreNotRead) {
  cv::Mat white(1000, 800, CV_8UC1, cv::Scalar(255));
  auto page = Engine().ReadPage(white, 300, /*blank=*/true);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->text.empty());
  EXPECT_EQ(page->word_count(), 0);
  EXPECT_EQ(page->width, 800);
}

TEST(OcrEngine, TheSameEngineReadsPageAfterPageAlike) {
  const cv::Mat img = ReadGray(DataDir() / "ocr-reference" / "tesseract" / "phototest.tif");
  auto a = Engine().ReadPage(img, 200);
  auto b = Engine().ReadPage(ReadGray(DataDir() / "ocr-reference" / "tesseract" / "viet.tif"), 300);
  auto c = Engine().ReadPage(img, 200);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->text, c->text);
}

TEST(OcrEngine, RefusesWhatIsNotGrey) {
  cv::Mat colour(100, 100, CV_8UC3, cv::Scalar(255, 255, 255));
  EXPECT_FALSE(Engine().ReadPage(colour, 300).ok());
}

// Words are taken in the order Tesseract stores them, the reading order of
// scripts written left to right only: others are refused, clearly.
TEST(OcrEngine, ScriptsWrittenRightToLeftAreRefused) {
  OcrOptions o;
  for (const std::string languages : {"ara", "vie+heb", "script/Arabic"}) {
    o.languages = languages;
    const Status s = o.Validate();
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << languages;
    EXPECT_NE(s.message().find("right to left"), std::string::npos) << languages;
    EXPECT_FALSE(OcrEngine::Create(o).ok()) << languages;
  }
  for (const std::string languages : {"vie", "vie+eng", "eng"}) {
    o.languages = languages;
    EXPECT_TRUE(o.Validate().ok()) << languages;
  }
}

TEST(OcrEngine, MissingLanguageIsAClearError) {
  OcrOptions o;
  o.languages = "xyz_no_such_language";
  auto e = OcrEngine::Create(o);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::kOcrFailed);
}

TEST(OcrOutputs, SearchablePdfHocrAndAlto) {
  test::ScratchDir dir;
  const std::string base = (dir / "doc").string();
  auto outputs = Engine().BeginOutputs(base, "doc", OcrOutputs{});
  ASSERT_TRUE(outputs.ok() && *outputs);
  const auto ref = DataDir() / "ocr-reference" / "tesseract";
  // Two engines on two threads, the second page read first: the files keep
  // the document's order.
  std::thread second([&] {
    auto other = OcrEngine::Create({});
    ASSERT_TRUE(other.ok());
    EXPECT_TRUE((*other)
                    ->ReadPage(cv::Mat(600, 400, CV_8UC1, cv::Scalar(255)), 200, /*blank=*/true, 0, {outputs->get(), 1})
                    .ok());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the second page waits for the first
  ASSERT_TRUE(Engine().ReadPage(ReadGray(ref / "phototest.tif"), 200, false, 0, {outputs->get(), 0}).ok());
  second.join();
  ASSERT_TRUE((*outputs)->End().ok());

  const std::string hocr = test::ReadFile(base + ".hocr");
  EXPECT_NE(hocr.find("ocrx_word"), std::string::npos);
  EXPECT_NE(hocr.find(">quick<"), std::string::npos);
  const std::string alto = test::ReadFile(base + ".xml");
  EXPECT_NE(alto.find("<alto"), std::string::npos);
  EXPECT_NE(alto.find("CONTENT=\"quick\""), std::string::npos);

  // The PDF keeps both pages, and its text layer is searchable.
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(base + ".pdf"));
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->pages(), 2);
  std::unique_ptr<poppler::page> first(pdf->create_page(0));
  const auto text = first->text().to_utf8();
  EXPECT_NE(std::string(text.begin(), text.end()).find("quick brown dog"), std::string::npos);
  std::unique_ptr<poppler::page> last(pdf->create_page(1));
  const auto blank = last->text().to_utf8();
  EXPECT_EQ(std::string(blank.begin(), blank.end()).find("quick"), std::string::npos) << "the blank page is second";
}

TEST(OcrOutputs, AbandonedOutputsReleaseThePagesWaitingForTheirTurn) {
  test::ScratchDir dir;
  auto outputs = Engine().BeginOutputs((dir / "doc").string(), "doc", OcrOutputs{});
  ASSERT_TRUE(outputs.ok() && *outputs);
  // Page 1 waits for page 0, which is never read (it failed): abandoning the
  // outputs lets page 1 return.
  std::thread waiting([&] {
    EXPECT_TRUE(Engine().ReadPage(cv::Mat(600, 400, CV_8UC1, cv::Scalar(255)), 200, true, 0, {outputs->get(), 1}).ok());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  (*outputs)->Abandon();
  waiting.join();
  EXPECT_FALSE((*outputs)->End().ok());
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

// Tesseract's OSD as cleanup's judge: the clockwise turn back to upright.
TEST(OcrOrientation, JudgesTheRotatedPhototests) {
  const auto dir = DataDir() / "ocr-reference" / "tesseract";
  const std::pair<const char*, int> cases[] = {{"phototest.tif", 0},
                                               {"phototest-rotated-L.png", 90},
                                               {"phototest-rotated-180.png", 180},
                                               {"phototest-rotated-R.png", 270}};
  for (const auto& [file, expected] : cases) {
    auto est = Engine().JudgeOrientation(ReadGray(dir / file), 200);
    ASSERT_TRUE(est.has_value()) << file;
    EXPECT_EQ(est->rotation, expected) << file;
    EXPECT_GT(est->confidence, 0.3) << file;
  }
}

// Counts the questions put to the engine's judge.
class CountingJudge : public OrientationJudge {
 public:
  std::optional<OrientationEstimate> JudgeOrientation(const cv::Mat& gray, int dpi) override {
    ++calls;
    return Engine().JudgeOrientation(gray, dpi);
  }
  int calls = 0;
};

TEST(OcrOrientation, CleanWithTheJudgeTurnsEverySamplePageUpright) {
  CleanupOptions options;
  options.orientation.enabled = true;
  CountingJudge judge;
  int pages = 0;
  for (const auto& [file, page] : test::SamplePages()) {
    for (int turn : {0, 90, 180, 270}) {
      SourcePage turned = page;
      turned.image = RotateClockwise(page.image, (360 - turn) % 360);
      auto clean = Clean(turned, options, &judge);
      ASSERT_TRUE(clean.ok());
      if (clean->blank) continue;
      EXPECT_EQ(clean->rotation, turn) << file << " page " << page.index;
      ++pages;
    }
  }
  EXPECT_GE(pages, 40);
  // The judge costs a third of a page's OCR: it is asked only about pages
  // whose ink leaves the way up unclear, a minority.
  EXPECT_LT(judge.calls, pages / 4) << judge.calls << " of " << pages;
}

TEST(OcrOrientation, JudgeAskedAboutEveryPageWhenTheInkIsNeverTrusted) {
  CleanupOptions options;
  options.orientation.judge_below = 1.01;
  CountingJudge judge;
  const cv::Mat page = ReadGray(DataDir() / "ocr-reference" / "tesseract" / "phototest-rotated-180.png");
  auto clean = Clean(SourcePage{0, page, 200, false}, options, &judge);
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(judge.calls, 1);
  EXPECT_EQ(clean->rotation, 180);
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

// Real scanned bi-level pages from Tesseract's test set: hoso's cleanup
// must not cost them anything against reading the scan as it is. They are
// English journal pages, read as a user would (--lang eng).
TEST(ReferenceScans, BiLevelScansReadAtLeastAsWellAfterCleanup) {
  OcrOptions english;
  english.languages = "eng";
  auto engine = OcrEngine::Create(english);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  OcrEngine& eng = **engine;
  const auto dir = DataDir() / "ocr-reference" / "tesseract";
  for (const char* name : {"8071_093.3B", "8087_054.3B"}) {
    const cv::Mat scan = ReadGray(dir / (std::string(name) + ".tif"));
    const std::string truth = test::ReadFile(dir / (std::string(name) + ".txt"));
    auto raw = eng.ReadPage(scan, 300);
    ASSERT_TRUE(raw.ok());
    // 300 dpi scans, read at it (as ReadPage above reads the raw scan).
    auto clean = Clean(SourcePage{0, scan, 300, true}, {}, &eng);
    ASSERT_TRUE(clean.ok());
    auto cleaned = eng.ReadPage(clean->gray, clean->dpi);
    ASSERT_TRUE(cleaned.ok());
    const double raw_cer = CharacterErrorRate(truth, raw->text), cer = CharacterErrorRate(truth, cleaned->text);
    EXPECT_LE(cer, raw_cer + 0.005) << name << ": " << cer << " after cleanup, " << raw_cer << " as scanned";
    EXPECT_LT(cer, 0.08) << name;
    EXPECT_EQ(clean->rotation, 0) << name;
  }
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

// A page the cleanup left upside down reads poorly; read again turned over
// it reads well, and the surer reading is kept.
TEST(OcrUpsideDown, APoorReadingIsTriedTurnedOver) {
  const auto dir = DataDir() / "ocr-reference" / "tesseract";
  const cv::Mat upright = ReadGray(dir / "phototest.tif");
  const std::string truth = test::ReadFile(dir / "phototest.txt");
  auto as_given = Engine().ReadPage(RotateClockwise(upright, 180), 200, false, 0.0);
  ASSERT_TRUE(as_given.ok());
  EXPECT_LT(as_given->mean_confidence, 0.8) << "upside down, Tesseract is unsure";
  auto checked = Engine().ReadPage(RotateClockwise(upright, 180), 200, false, 0.8);
  ASSERT_TRUE(checked.ok());
  EXPECT_TRUE(checked->turned_over);
  EXPECT_LT(CharacterErrorRate(truth, checked->text), 0.02);
  auto fine = Engine().ReadPage(upright, 200, false, 0.8);
  ASSERT_TRUE(fine.ok());
  EXPECT_FALSE(fine->turned_over);
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

// A page Tesseract would chew on for long (dense noise) is given up at the
// per-page limit, with its own error; the engine reads the next page as usual.
TEST(OcrEngine, APageOverTheTimeLimitIsGivenUp) {
  OcrOptions o;
  o.page_seconds = 1;
  auto e = OcrEngine::Create(o);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  cv::Mat noise(3500, 2500, CV_8UC1);
  cv::randu(noise, 0, 256);
  cv::threshold(noise, noise, 127, 255, cv::THRESH_BINARY);
  const auto started = std::chrono::steady_clock::now();
  auto page = (*e)->ReadPage(noise, 300, false);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_FALSE(page.ok()) << "read in " << seconds << " s";
  EXPECT_EQ(page.status().code(), ErrorCode::kOcrTimeout) << page.status().ToString();
  auto text = (*e)->ReadPage(test::TextPage(1800, 400, 1, 40), 300);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_FALSE(text->text.empty());
}

}  // namespace
}  // namespace hoso

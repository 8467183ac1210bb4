#include "ocr/layout.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "generator.h"
#include "ingest/ingest.h"
#include "ocr/engine.h"
#include "support/test_support.h"

namespace hoso {
namespace {

cv::Mat ReadGray(const std::filesystem::path& p) { return cv::imread(p.string(), cv::IMREAD_GRAYSCALE); }

// Two columns of text lines side by side, 10 mm apart, on an A4 page.
TEST(FindColumns, TwoColumnsOfLinesAreColumns) {
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(255));
  const cv::Mat column = test::TextPage(1000, 2800, 40, 40);
  column.copyTo(page(cv::Rect(200, 300, 1000, 2800)));
  column.copyTo(page(cv::Rect(1318, 300, 1000, 2800)));
  const ColumnEvidence e = FindColumns(page, 300);
  EXPECT_TRUE(e.columns()) << e.gutter_rows << " of " << e.text_rows;
  // Where the second column's text begins (inside its margin).
  EXPECT_GT(e.gutter_x, 1318 / 2480.0);
  EXPECT_LT(e.gutter_x, 1518 / 2480.0);
  // One of them alone is one column.
  cv::Mat single(3508, 2480, CV_8UC1, cv::Scalar(255));
  column.copyTo(single(cv::Rect(200, 300, 1000, 2800)));
  EXPECT_FALSE(FindColumns(single, 300).columns());
}

// Tesseract's own bi-level test scans are journal pages in two columns.
TEST(FindColumns, TheBiLevelJournalScansAreInColumns) {
  const auto dir = test::DataDir() / "ocr-reference" / "tesseract";
  for (const char* name : {"8071_093.3B.tif", "8087_054.3B.tif"}) {
    const ColumnEvidence e = FindColumns(ReadGray(dir / name), 300);
    EXPECT_TRUE(e.columns()) << name << ": " << e.gutter_rows << " of " << e.text_rows;
  }
}

// Every generated form and ID copy is one column, numbered items and the
// signature block beside nothing included; so is Tesseract's phototest.
TEST(FindColumns, FormsIdCopiesAndLettersAreOneColumn) {
  std::string error;
  auto renderer = samplegen::FormRenderer::Create(&error);
  ASSERT_TRUE(renderer) << error;
  const auto units = samplegen::UnitTable::Load((test::DataDir() / "admin-units" / "nso-mini.csv").string());
  samplegen::GeneratorOptions options;
  options.profile = "none";
  int pages = 0;
  for (int i = 0; i < 12; ++i) {
    const auto d = samplegen::Generate(i, 4242 + i, units, *renderer, options);
    for (const auto& page : d.pages) {
      if (page.kind == "blank") continue;
      cv::Mat gray;
      cv::cvtColor(page.clean, gray, cv::COLOR_BGR2GRAY);
      const ColumnEvidence e = FindColumns(gray, 300);
      EXPECT_FALSE(e.columns()) << "dossier " << i << " " << page.kind << ": " << e.gutter_rows << " of "
                                << e.text_rows;
      ++pages;
    }
  }
  EXPECT_GE(pages, 12);
  const ColumnEvidence photo =
      FindColumns(ReadGray(test::DataDir() / "ocr-reference" / "tesseract" / "phototest.png"), 200);
  EXPECT_FALSE(photo.columns()) << photo.gutter_rows << " of " << photo.text_rows;
}

// A letter's header: two columns of short lines side by side, 12 mm apart,
// then the body across the page. The header is read column by column, the
// body after it.
TEST(ReadingBlocks, HeaderColumnsBeforeTheBody) {
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(255));
  test::TextPage(800, 160, 2, 40).copyTo(page(cv::Rect(200, 250, 800, 160)));
  test::TextPage(1000, 160, 2, 40).copyTo(page(cv::Rect(1140, 250, 1000, 160)));
  test::TextPage(2000, 800, 10, 40).copyTo(page(cv::Rect(200, 600, 2000, 800)));
  const auto blocks = ReadingBlocks(page, 300);
  ASSERT_GE(blocks.size(), 3u);
  // The first blocks are the left column's, then the right's, then the body's.
  EXPECT_LT(blocks.front().box.x + blocks.front().box.width, 1100);
  size_t k = 0;
  while (k < blocks.size() && blocks[k].box.x + blocks[k].box.width < 1100) ++k;
  ASSERT_LT(k, blocks.size());
  EXPECT_GT(blocks[k].box.x, 1050) << "then the right column";
  EXPECT_NE(blocks[k].column, blocks.front().column);
  EXPECT_GT(blocks.back().box.y, 550) << "the body last";
  int widest = 0;
  for (size_t i = k; i < blocks.size(); ++i)
    if (blocks[i].box.y > 550) {
      widest = std::max(widest, blocks[i].box.width);
      EXPECT_EQ(blocks[i].column, blocks.back().column) << "the body is one column";
    }
  EXPECT_GT(widest, 1200) << "its lines across the gutter";
  // A page of text lines across it is one column of pieces, top to bottom.
  cv::Mat body(3508, 2480, CV_8UC1, cv::Scalar(255));
  test::TextPage(2000, 2400, 30, 40).copyTo(body(cv::Rect(200, 400, 2000, 2400)));
  const auto lines = ReadingBlocks(body, 300);
  ASSERT_FALSE(lines.empty());
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].column, lines[0].column);
    EXPECT_GE(lines[i].box.y, lines[i - 1].box.y + lines[i - 1].box.height - 4);
  }
}

// A form's row of digits written one to a box, the boxes erased: marks at
// an even pitch with gaps of ~4 mm, under a line whose two items leave a
// wide space. The gaps line up, yet they are no gutter: the row runs on
// across them, and the page stays one column of lines.
TEST(ReadingBlocks, ARowOfSpacedDigitsIsNoGutter) {
  cv::Mat page(1200, 2480, CV_8UC1, cv::Scalar(255));
  for (int x = 200; x < 700; x += 80) cv::rectangle(page, cv::Rect(x, 300, 60, 40), cv::Scalar(0), cv::FILLED);
  for (int x = 1200; x < 1700; x += 80) cv::rectangle(page, cv::Rect(x, 300, 60, 40), cv::Scalar(0), cv::FILLED);
  for (int x = 200; x < 700; x += 80) cv::rectangle(page, cv::Rect(x, 380, 60, 40), cv::Scalar(0), cv::FILLED);
  for (int i = 0; i < 12; ++i) cv::rectangle(page, cv::Rect(720 + i * 75, 380, 25, 40), cv::Scalar(0), cv::FILLED);
  const auto blocks = ReadingBlocks(page, 300);
  ASSERT_FALSE(blocks.empty());
  for (const TextBlock& b : blocks) EXPECT_EQ(b.column, blocks.front().column) << b.box;
  bool row_whole = false;
  for (const TextBlock& b : blocks) row_whole = row_whole || (b.box.x <= 720 && b.box.x + b.box.width >= 1540);
  EXPECT_TRUE(row_whole) << "the digits' row is one piece";
}

OcrWord Word(std::string text, int x, int y) { return OcrWord{std::move(text), Box{x, y, 80, 30}, 0.95}; }

// Tesseract's line across the gutter is split there; the page's text is
// written again column by column. A page already in order is left alone.
TEST(OrderByBlocks, LinesAcrossAGutterAreSplitIntoTheirColumns) {
  OcrPage page;
  page.text = "as Tesseract wrote it";
  OcrBlock block;
  OcrLine l1, l2, l3;
  l1.words = {Word("UBND", 100, 100), Word("TỈNH", 200, 100), Word("CỘNG", 700, 100), Word("HÒA", 800, 100)};
  l2.words = {Word("SỞ", 100, 150), Word("TƯ", 200, 150), Word("PHÁP", 300, 150), Word("Độc", 700, 150),
              Word("lập", 800, 150)};
  l3.words = {Word("Thực", 100, 300), Word("hiện", 200, 300), Word("văn", 700, 300)};
  block.lines = {l1, l2, l3};
  page.blocks = {block};
  const std::vector<TextBlock> blocks = {
      {cv::Rect(90, 90, 400, 100), 1}, {cv::Rect(690, 90, 400, 100), 2}, {cv::Rect(90, 290, 1000, 50), 0}};
  OcrPage unchanged = page;
  unchanged.blocks[0].lines.pop_back();
  unchanged.blocks[0].lines[0].words.resize(2);
  unchanged.blocks[0].lines[1].words.resize(3);
  EXPECT_FALSE(OrderByBlocks(unchanged, blocks)) << "one column's lines, in order";
  EXPECT_EQ(unchanged.text, "as Tesseract wrote it");

  ASSERT_TRUE(OrderByBlocks(page, blocks));
  EXPECT_EQ(page.text, "UBND TỈNH\nSỞ TƯ PHÁP\n\nCỘNG HÒA\nĐộc lập\n\nThực hiện văn\n\n");
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[1].lines.size(), 2u);
  EXPECT_EQ(page.blocks[1].lines[0].box.x, 700);
  EXPECT_EQ(page.word_count(), 12);
}

// A column of prices beside the items (a till receipt, a fee table) is read
// with its rows: a person reads an item with its price. A column of words
// beside it is still read on its own.
TEST(OrderByBlocks, AColumnOfFiguresIsReadWithItsRows) {
  OcrPage page;
  OcrBlock block;
  OcrLine l1, l2, l3, l4;
  l1.words = {Word("PHOTO", 100, 100), Word("A4", 200, 100)};
  l2.words = {Word("4", 120, 150), Word("X", 160, 150), Word("1.000", 200, 150), Word("4.000", 700, 150)};
  l3.words = {Word("KẸP", 100, 200), Word("GIẤY", 200, 200)};
  l4.words = {Word("7", 120, 250), Word("X", 160, 250), Word("2.000", 200, 250), Word("14.000", 700, 250)};
  block.lines = {l1, l2, l3, l4};
  page.blocks = {block};
  // The cut finds the prices' column: a gap of 4 cm, two lines on each side.
  const std::vector<TextBlock> blocks = {{cv::Rect(90, 90, 400, 200), 1}, {cv::Rect(690, 140, 100, 150), 2}};
  OcrPage with_prices = page;
  EXPECT_FALSE(OrderByBlocks(with_prices, blocks)) << "each line kept whole, as read";
  EXPECT_EQ(with_prices.blocks[0].lines[1].words.size(), 4u);

  // The same layout with words in the right column: two columns.
  page.blocks[0].lines[1].words[3].text = "Ghi chú";
  page.blocks[0].lines[3].words[3].text = "kèm theo";
  ASSERT_TRUE(OrderByBlocks(page, blocks));
  EXPECT_EQ(page.text, "PHOTO A4\n4 X 1.000\nKẸP GIẤY\n7 X 2.000\n\nGhi chú\nkèm theo\n\n");
}

OcrLine Line(std::vector<OcrWord> words) {
  OcrLine line;
  line.words = std::move(words);
  for (const OcrWord& w : line.words) line.box = Union(line.box, w.box);
  return line;
}

OcrPage OneBlock(std::vector<OcrLine> lines) {
  OcrPage page;
  page.text = "as Tesseract wrote it";
  page.blocks.resize(1);
  page.blocks[0].lines = std::move(lines);
  return page;
}

// A till receipt's rows cut into blocks of their own: each quantity line
// ("5 X 30.000") is a block of figures, as is the amount beside it. The
// line is a row of figures alone, and is read whole in its first block,
// not its amount after all the items.
TEST(OrderByBlocks, ALineOfFiguresAloneIsReadWhole) {
  OcrPage page = OneBlock({
      Line({Word("ẢNH", 30, 570), Word("THẺ", 130, 570)}),
      Line({Word("5", 80, 620), Word("X", 120, 620), Word("30.000", 160, 620), Word("150.000", 780, 620)}),
      Line({Word("BÌA", 30, 660), Word("HỒ", 110, 660), Word("SƠ", 190, 660)}),
      Line({Word("11", 80, 710), Word("X", 140, 710), Word("3.000", 180, 710), Word("33.000", 800, 710)}),
  });
  const std::vector<TextBlock> blocks = {{cv::Rect(27, 565, 260, 30), 1},  {cv::Rect(78, 615, 200, 30), 1},
                                         {cv::Rect(30, 655, 200, 30), 1},  {cv::Rect(80, 705, 200, 30), 1},
                                         {cv::Rect(780, 615, 135, 30), 2}, {cv::Rect(795, 705, 120, 30), 2}};
  EXPECT_FALSE(OrderByBlocks(page, blocks)) << "each line kept whole, as read";
  EXPECT_EQ(page.blocks[0].lines[1].words.size(), 4u);
  EXPECT_EQ(page.blocks[0].lines[3].words.size(), 4u);
}

// A real letter's layout (200 dpi): a typed note in small print beside the
// subject, 1.5 mm from it, its items' numbers one under another. Mode 4
// read each subject line and the note's line beside it as one line.
TEST(SplitAtLeftEdges, AColumnBesideTheSubjectIsReadAfterIt) {
  OcrPage page = OneBlock({
      Line({Word("V/v", 250, 350), Word("bảo", 340, 350), Word("đảm", 430, 350), Word("SV", 520, 350),
            Word("1.", 742, 348), Word("Cô", 830, 348)}),
      Line({Word("trong", 270, 390), Word("THPT", 360, 390), Word("2.", 741, 392), Word("Phòng", 830, 392)}),
      Line({Word("quốc", 370, 430), Word("2019", 460, 430), Word("3.", 743, 430), Word("Công", 830, 430)}),
      Line({Word("4.", 741, 460), Word("Đoàn", 830, 460)}),
      Line({Word("5.", 742, 517), Word("Phòng", 830, 517)}),
      Line({Word("Kính", 324, 552), Word("gửi:", 410, 552)}),
  });
  ASSERT_TRUE(SplitAtLeftEdges(page, 200));
  EXPECT_EQ(page.text,
            "V/v bảo đảm SV\ntrong THPT\nquốc 2019\n\n1. Cô\n2. Phòng\n3. Công\n4. Đoàn\n5. Phòng\n\nKính gửi:\n\n");
  ASSERT_EQ(page.blocks.size(), 3u);
  EXPECT_EQ(page.blocks[1].box.x, 741);
  EXPECT_EQ(page.blocks[1].lines[0].box.x, 742);
  EXPECT_EQ(page.word_count(), 20);
}

// A form's values set at a tab, an address going on under its value; a
// list's items beside their numbers: each line is read as it is.
TEST(SplitAtLeftEdges, FormsAndListsStayLineByLine) {
  OcrPage form = OneBlock({
      Line({Word("Họ", 100, 100), Word("tên:", 190, 100), Word("NGUYỄN", 600, 100), Word("AN", 690, 100)}),
      Line({Word("Địa", 100, 150), Word("chỉ:", 190, 150), Word("Số", 600, 150), Word("5", 690, 150)}),
      Line({Word("ngõ", 600, 200), Word("12", 690, 200)}),
      Line({Word("phường", 601, 250)}),
      Line({Word("Điện", 100, 300), Word("thoại:", 190, 300), Word("0912", 598, 300)}),
  });
  const OcrPage form_before = form;
  EXPECT_FALSE(SplitAtLeftEdges(form, 200));
  EXPECT_EQ(form.text, form_before.text);
  ASSERT_EQ(form.blocks.size(), 1u);
  EXPECT_EQ(form.blocks[0].lines.size(), 5u);
  EXPECT_EQ(form.word_count(), form_before.word_count());

  OcrPage list = OneBlock({
      Line({Word("1.", 100, 100), Word("Cô", 200, 100), Word("Hương", 290, 100)}),
      Line({Word("văn", 200, 150), Word("bản", 290, 150)}),
      Line({Word("2.", 100, 200), Word("Phòng", 200, 200)}),
      Line({Word("CTSV", 201, 250)}),
  });
  EXPECT_FALSE(SplitAtLeftEdges(list, 200)) << "a number is no text of its own";
  EXPECT_EQ(list.word_count(), 8);
}

// Blocks with nothing read in them, of a text's size, are read again;
// specks and the page's own text are not.
TEST(UnreadBlocks, BlocksWithInkButNoWordsOfATextsSize) {
  OcrPage page;
  page.width = 2480;
  page.height = 3508;
  page.blocks.resize(1);
  page.blocks[0].lines.resize(1);
  page.blocks[0].lines[0].words = {Word("Nơi", 300, 1000), Word("—", 1400, 2000)};
  const std::vector<TextBlock> blocks = {{cv::Rect(280, 990, 600, 60), 1},       // read
                                         {cv::Rect(1300, 980, 900, 400), 2},     // a rank beside a stamp
                                         {cv::Rect(1390, 1990, 200, 60), 2},     // only a dash read
                                         {cv::Rect(100, 3300, 12, 12), 0},       // a speck
                                         {cv::Rect(200, 1500, 2100, 1800), 0}};  // more than a quarter down
  EXPECT_EQ(UnreadBlocks(page, blocks, 300), (std::vector<size_t>{1, 2}));
}

// The real letter from a Kodak scanner (bi-level, 200 dpi): its header is
// agency | national motto, number | place and date; its second page has the
// "Nơi nhận" list beside the signer. Read, neither is interleaved.
TEST(ReadingOrder, ARealLettersHeaderAndRecipientsAreReadBlockByBlock) {
  const auto file = test::RealScansDir() / "letter-2019-kodak-200dpi.pdf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no real scans at " << file;
  auto doc = OpenDocument(test::ReadFile(file), {});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto engine = OcrEngine::Create({});
  ASSERT_TRUE(engine.ok());
  std::vector<std::string> texts;
  for (int i = 0; i < 2; ++i) {
    auto page = (*doc)->LoadPage(i);
    ASSERT_TRUE(page.ok());
    auto clean = Clean(*page, {}, engine->get());
    ASSERT_TRUE(clean.ok());
    auto read = (*engine)->ReadPage(clean->gray, clean->dpi, clean->blank);
    ASSERT_TRUE(read.ok());
    texts.push_back(read->text);
  }
  auto line_with = [](const std::string& text, const std::string& what) {
    const size_t at = text.find(what);
    if (at == std::string::npos) return std::string();
    const size_t from = text.rfind('\n', at), to = text.find('\n', at);
    return text.substr(from == std::string::npos ? 0 : from + 1,
                       to == std::string::npos ? std::string::npos : to - from - 1);
  };
  const std::string& p1 = texts[0];
  const size_t agency = p1.find("SỞ GIÁO DỤC"), motto = p1.find("CỘNG HOÀ"), body = p1.find("Thực hiện");
  ASSERT_NE(agency, std::string::npos) << p1;
  ASSERT_NE(motto, std::string::npos) << p1;
  EXPECT_LT(agency, motto) << "the agency's column, then the motto's\n" << p1;
  EXPECT_LT(motto, body) << p1;
  EXPECT_EQ(line_with(p1, "CỘNG HOÀ").find("NẴNG"), std::string::npos) << line_with(p1, "CỘNG HOÀ");
  EXPECT_EQ(line_with(p1, "Độc lập").find("GIÁO"), std::string::npos) << line_with(p1, "Độc lập");
  const std::string& p2 = texts[1];
  const std::string recipients = line_with(p2, "Như trên");
  ASSERT_FALSE(recipients.empty()) << p2;
  EXPECT_EQ(recipients.find("GIÁM"), std::string::npos) << recipients;
  EXPECT_LT(p2.find("Lưu: VT"), p2.find("Trần Nguyễn Minh Thành")) << "the list, then the signer\n" << p2;
  // The signer's rank beside the stamp, which the page layout set aside.
  EXPECT_NE(p2.find("KT. GIÁM"), std::string::npos) << p2;
  EXPECT_LT(p2.find("KT. GIÁM"), p2.find("Trần Nguyễn Minh Thành")) << p2;
}

}  // namespace
}  // namespace hoso

#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ingest/pdf_document.h"
#include "ingest/pdf_scan_image.h"
#include "support/test_support.h"
#include "writers.h"

namespace hoso {
namespace {

using test::ReadFile;
using test::ScratchDir;
using test::TextPage;

// Writes pages in a format with samplegen's writers and reads the bytes back.
std::string Make(const ScratchDir& dir, const std::string& format, const std::vector<cv::Mat>& pages, int dpi,
                 const std::string& name = "in") {
  std::vector<samplegen::OutPage> out;
  for (const auto& p : pages) out.push_back({p, dpi});
  const auto path = dir / (name + "." + format);
  EXPECT_TRUE(samplegen::WritePages(path.string(), format, out, 90)) << format;
  return ReadFile(path);
}

Result<std::unique_ptr<Document>> Open(std::string bytes, IngestOptions options = {}) {
  return OpenDocument(std::move(bytes), options);
}

ErrorCode CodeOf(std::string bytes, IngestOptions options = {}) {
  auto doc = Open(std::move(bytes), options);
  return doc.ok() ? ErrorCode::kOk : doc.status().code();
}

TEST(Sniff, RecognisesFormatsByContent) {
  EXPECT_EQ(SniffFormat("%PDF-1.7\n"), InputFormat::kPdf);
  EXPECT_EQ(SniffFormat(std::string("II*\0", 4)), InputFormat::kTiff);
  EXPECT_EQ(SniffFormat(std::string("MM\0*", 4)), InputFormat::kTiff);
  EXPECT_EQ(SniffFormat("\xFF\xD8\xFF\xE0"), InputFormat::kJpeg);
  EXPECT_EQ(SniffFormat("\x89PNG\r\n\x1a\n"), InputFormat::kPng);
  EXPECT_EQ(SniffFormat("GIF89a"), InputFormat::kUnknown);
  EXPECT_EQ(SniffFormat(""), InputFormat::kUnknown);
}

TEST(Sha256, MatchesTheStandardVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Extensions, DirectoryFilter) {
  EXPECT_TRUE(HasSupportedExtension("a/b.PDF"));
  EXPECT_TRUE(HasSupportedExtension("x.tiff"));
  EXPECT_TRUE(HasSupportedExtension("x.JPeg"));
  EXPECT_FALSE(HasSupportedExtension("x.truth.json"));
  EXPECT_FALSE(HasSupportedExtension("README"));
}

TEST(Ingest, PngWithItsResolution) {
  ScratchDir dir;
  auto doc = Open(Make(dir, "png", {TextPage(1700, 2200, 5)}, 200));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)->format(), InputFormat::kPng);
  ASSERT_EQ((*doc)->page_count(), 1);
  auto page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->image.cols, 1700);
  EXPECT_EQ(page->image.rows, 2200);
  EXPECT_EQ(page->dpi, 200);
  EXPECT_TRUE(page->dpi_from_file);
  EXPECT_EQ(page->image.type(), CV_8UC1);
}

TEST(Ingest, ColourJpegKeepsColour) {
  ScratchDir dir;
  cv::Mat page(600, 400, CV_8UC3, cv::Scalar(255, 255, 255));
  page(cv::Rect(100, 100, 100, 100)).setTo(cv::Scalar(30, 30, 220));  // red square (BGR)
  auto doc = Open(Make(dir, "jpeg", {page}, 300));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto p = (*doc)->LoadPage(0);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->image.type(), CV_8UC3);
  const cv::Vec3b red = p->image.at<cv::Vec3b>(150, 150);
  EXPECT_GT(red[2], 180);
  EXPECT_LT(red[0], 80);
  EXPECT_EQ(p->dpi, 300);
}

TEST(Ingest, MultiPageTiffPageByPage) {
  ScratchDir dir;
  auto doc = Open(Make(dir, "tiff", {TextPage(800, 1000, 3), TextPage(900, 1100, 4), TextPage(700, 900, 2)}, 300));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)->format(), InputFormat::kTiff);
  ASSERT_EQ((*doc)->page_count(), 3);
  auto second = (*doc)->LoadPage(1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->image.cols, 900);
  EXPECT_EQ(second->image.rows, 1100);
  EXPECT_EQ(second->index, 1);
  EXPECT_EQ(second->dpi, 300);
  EXPECT_FALSE((*doc)->LoadPage(3).ok());
}

TEST(Ingest, PdfRenderedAtTheResolutionOfItsScans) {
  ScratchDir dir;
  // A4 at 200 dpi: the PDF page is 595 x 842 pt, the image 1654 x 2339 px.
  auto doc = Open(Make(dir, "pdf", {TextPage(1654, 2339, 6), TextPage(1654, 2339, 3)}, 200));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ((*doc)->format(), InputFormat::kPdf);
  ASSERT_EQ((*doc)->page_count(), 2);
  auto page = (*doc)->LoadPage(1);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->dpi, 200);
  EXPECT_NEAR(page->image.cols, 1654, 2);
  EXPECT_NEAR(page->image.rows, 2339, 2);
}

TEST(Ingest, FindsImageSizesInPdfBytes) {
  const std::string pdf =
      "1 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceRGB >>\nstream";
  auto images = FindPdfImages(pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 2480);
  EXPECT_EQ(images[0].height, 3508);
  EXPECT_FALSE(images[0].grey);
}

TEST(Ingest, FindsImageSizesBesideNestedDictionaries) {
  // As a Kodak scanner writes a bi-level page: the Subtype after a nested
  // DecodeParms dictionary (the page was rendered at 300 instead of 200 dpi).
  const std::string pdf =
      "18 0 obj\r\n<</ColorSpace/DeviceGray/BitsPerComponent 1/Length 44473/Width 1660/Height 2342"
      "/Filter/CCITTFaxDecode/DecodeParms<</K -1/Columns 1660>>/Subtype/Image/Type/XObject>>stream\r\n";
  auto images = FindPdfImages(pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 1660);
  EXPECT_EQ(images[0].height, 2342);
  EXPECT_TRUE(images[0].grey) << "bi-level: rendered grey";
}

TEST(Ingest, RealBilevelScannerPdfAtItsOwnResolution) {
  const auto file = test::RealScansDir() / "letter-2019-kodak-200dpi.pdf";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no " << file;
  auto doc = Open(ReadFile(file));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->dpi, 200);
  // Bi-level, grey, its pixels one for one.
  EXPECT_EQ(page->image.channels(), 1);
  EXPECT_EQ(page->image.cols, 1660);
  EXPECT_EQ(page->image.rows, 2342);
  // Its first page carries a typed note over the scan (drawn over the
  // scan's own pixels: the note's letters are smoothed); the second is the
  // scanner's image alone, taken as stored: black and white only.
  auto levels = [](const cv::Mat& grey) {
    cv::Mat hist;
    const int channels[] = {0}, size[] = {256};
    const float range[] = {0, 256};
    const float* ranges[] = {range};
    cv::calcHist(&grey, 1, channels, cv::Mat(), hist, 1, size, ranges);
    return cv::countNonZero(hist);
  };
  EXPECT_GT(levels(page->image), 2);
  auto second = (*doc)->LoadPage(1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->dpi, 200);
  EXPECT_EQ(levels(second->image), 2);
}

// A PDF of one page: a grey image (uncompressed) drawn over the whole page,
// then `over` (content drawn on top of it; Helvetica is /F1). With `one_bit`
// the image is stored bi-level, eight pixels to a byte (1: white), or, with
// `inverted`, 1 for black under /Decode [1 0].
std::string OneImagePdf(const cv::Mat& grey, int dpi, const std::string& over = "", bool one_bit = false,
                        bool inverted = false) {
  std::vector<std::string> objects;
  const double w = grey.cols * 72.0 / dpi, h = grey.rows * 72.0 / dpi;
  const std::string content = "q " + std::to_string(w) + " 0 0 " + std::to_string(h) + " 0 0 cm /Im0 Do Q " + over;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
  objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(w) + " " + std::to_string(h) +
                    "] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> /Font << /F1 6 0 R >> >> >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  std::string samples;
  if (one_bit) {
    for (int y = 0; y < grey.rows; ++y)
      for (int x = 0; x < grey.cols; x += 8) {
        unsigned char byte = 0;
        for (int k = 0; k < 8 && x + k < grey.cols; ++k)
          if ((grey.at<uchar>(y, x + k) >= 128) != inverted) byte |= static_cast<unsigned char>(0x80 >> k);
        samples += static_cast<char>(byte);
      }
  } else {
    const cv::Mat pixels = grey.isContinuous() ? grey : grey.clone();
    samples.assign(reinterpret_cast<const char*>(pixels.data), pixels.total());
  }
  objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(grey.cols) + " /Height " +
                    std::to_string(grey.rows) + " /ColorSpace /DeviceGray /BitsPerComponent " + (one_bit ? "1" : "8") +
                    (inverted ? " /Decode [1 0]" : "") + " /Length " + std::to_string(samples.size()) +
                    " >>\nstream\n" + samples + "\nendstream");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// A scanner's page is its image, pixel for pixel (drawn, a bi-level scan's
// edges come out grey and a pixel bolder), whether it is stored as a
// 1-bit image (CCITT G4, as document scanners write it) or stencil (as
// Leptonica writes it), as a grey image, or as JPEG.
TEST(Ingest, ScannedPdfPagesAreTheirImagesPixelForPixel) {
  ScratchDir dir;
  cv::Mat bits;
  cv::threshold(TextPage(1654, 2339, 6), bits, 128, 255, cv::THRESH_BINARY);
  std::vector<samplegen::OutPage> fax{{bits, 200, true}};
  for (auto how : {samplegen::BilevelPdf::kScannerImage, samplegen::BilevelPdf::kImageMask}) {
    const char* what = how == samplegen::BilevelPdf::kScannerImage ? "a scanner's 1-bit image" : "a stencil";
    ASSERT_TRUE(samplegen::WritePages((dir / "fax.pdf").string(), "pdf", fax, 90, how));
    const std::string bytes = ReadFile(dir / "fax.pdf");
    EXPECT_EQ(bytes.find("/ImageMask true") != std::string::npos, how == samplegen::BilevelPdf::kImageMask) << what;
    auto doc = Open(bytes);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    auto page = (*doc)->LoadPage(0);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->dpi, 200) << what;
    ASSERT_EQ(page->image.size(), bits.size()) << what;
    EXPECT_EQ(cv::countNonZero(page->image != bits), 0) << what << "'s pixels as stored";
  }

  // Grey, drawn with the page's usual extras under it: an OCR layer's
  // invisible text (render mode 3), drawn before the image.
  cv::Mat grey = TextPage(1240, 1754, 5);
  cv::GaussianBlur(grey, grey, cv::Size(3, 3), 0);
  auto doc = Open(OneImagePdf(grey, 150, "BT 3 Tr /F1 12 Tf 72 500 Td (invisible) Tj ET"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->dpi, 150);
  ASSERT_EQ(page->image.size(), grey.size());
  EXPECT_EQ(cv::norm(page->image, grey, cv::NORM_INF), 0) << "the grey image's pixels as stored";

  // Bi-level samples, eight to a byte, in rows that end within a byte
  // (1237 pixels), read as stored; and the same with /Decode [1 0].
  cv::Mat two_level;
  cv::threshold(TextPage(1237, 1750, 5), two_level, 128, 255, cv::THRESH_BINARY);
  for (const bool inverted : {false, true}) {
    doc = Open(OneImagePdf(two_level, 150, "", true, inverted));
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    page = (*doc)->LoadPage(0);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_EQ(page->image.size(), two_level.size());
    EXPECT_EQ(cv::countNonZero(page->image != two_level), 0) << "1-bit samples as stored, inverted: " << inverted;
  }

  // JPEG: as libjpeg decodes it.
  const cv::Mat photo = TextPage(1654, 2339, 4);
  doc = Open(Make(dir, "pdf", {photo}, 200, "jpeg"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  std::vector<uchar> jpeg;
  cv::imencode(".jpg", photo, jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
  const cv::Mat decoded = cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE);
  ASSERT_EQ(page->image.size(), decoded.size());
  EXPECT_LE(cv::norm(page->image, decoded, cv::NORM_INF), 2);
}

// An image is measured before it is decoded: one the caller does not want
// (too large, an odd resolution) is never decoded, and the page is drawn.
TEST(Ingest, AScanImageIsRefusedBeforeItIsDecoded) {
  const cv::Mat grey = TextPage(1240, 1754, 3);
  const std::string pdf = OneImagePdf(grey, 150);
  PdfScanImages scans(pdf);
  std::pair<int, int> asked;
  EXPECT_FALSE(scans.PageImage(0, true, [&](int w, int h) {
    asked = {w, h};
    return false;
  }));
  EXPECT_EQ(asked, std::make_pair(1240, 1754));
  auto image = scans.PageImage(0, true, [](int, int) { return true; });
  ASSERT_TRUE(image);
  EXPECT_EQ(cv::norm(*image, grey, cv::NORM_INF), 0);
  EXPECT_FALSE(scans.PageImage(1, true, [](int, int) { return true; })) << "no second page";
}

// Dark text typed over the scan (a note) is laid over the scan's own
// pixels; a light box over it, which hides the scan beneath, has the page
// drawn whole; text off the page does not show.
TEST(Ingest, MarksOverAPdfScanAreKept) {
  cv::Mat grey = TextPage(1240, 1754, 5);
  cv::GaussianBlur(grey, grey, cv::Size(3, 3), 0);
  auto doc = Open(OneImagePdf(grey, 150, "BT /F1 24 Tf 72 100 Td (Typed over the scan) Tj ET"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->dpi, 150);
  ASSERT_EQ(page->image.size(), grey.size());
  EXPECT_GT(cv::countNonZero(page->image < grey), 500) << "the typed text is on the page";
  const cv::Rect above(0, 0, grey.cols, grey.rows / 2);  // the note is near the foot
  EXPECT_EQ(cv::norm(page->image(above), grey(above), cv::NORM_INF), 0) << "elsewhere, the scan's own pixels";

  // A white box over the page's top left, 50..350 pt from its left and top.
  const double top = grey.rows * 72.0 / 150;
  doc = Open(OneImagePdf(grey, 150, "1 g 50 " + std::to_string(top - 350) + " 300 300 re f"));
  ASSERT_TRUE(doc.ok());
  page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok());
  const int from = 60 * 150 / 72, side = 280 * 150 / 72;
  const cv::Rect box(from, from, side, side);
  ASSERT_LT(cv::mean(grey(box))[0], 254) << "the scan has ink under the box";
  EXPECT_EQ(cv::countNonZero(page->image(box) != 255), 0) << "the box hides the scan";

  const cv::Mat white(1754, 1240, CV_8UC1, cv::Scalar(255));
  doc = Open(OneImagePdf(white, 150, "BT /F1 9 Tf 0 -20 Td (1) Tj ET"));
  ASSERT_TRUE(doc.ok());
  page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(cv::countNonZero(page->image != 255), 0);
}

TEST(Ingest, SamplePdfFromTheRepository) {
  auto doc = Open(ReadFile(test::SamplesDir() / "dossier-0005.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  auto page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->dpi, 200);
}

TEST(IngestErrors, EmptyFile) {
  ScratchDir dir;
  test::WriteFile(dir / "empty.pdf", "");
  auto bytes = ReadInputFile((dir / "empty.pdf").string(), {});
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), ErrorCode::kInputEmpty);
  EXPECT_EQ(CodeOf(""), ErrorCode::kInputEmpty);
}

TEST(IngestErrors, MissingFile) {
  auto bytes = ReadInputFile("/nonexistent/hoso/scan.pdf", {});
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), ErrorCode::kInputNotFound);
  EXPECT_STREQ(bytes.status().code_name(), "INPUT_NOT_FOUND");
}

TEST(IngestErrors, FileLargerThanTheLimit) {
  ScratchDir dir;
  test::WriteFile(dir / "big.jpg", std::string(5000, 'x'));
  IngestOptions options;
  options.max_file_bytes = 4096;
  auto bytes = ReadInputFile((dir / "big.jpg").string(), options);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), ErrorCode::kInputTooLarge);
}

TEST(IngestErrors, RandomBytesAreUnsupported) {
  std::string junk(4096, '\0');
  for (size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919 + 13) % 251);
  EXPECT_EQ(CodeOf(junk), ErrorCode::kInputUnsupported);
}

TEST(IngestErrors, TruncatedFilesOfEveryFormat) {
  ScratchDir dir;
  for (const std::string format : {"jpeg", "png", "pdf"}) {
    std::string bytes = Make(dir, format, {TextPage(800, 1000, 5)}, 300, "t" + format);
    bytes.resize(bytes.size() / 2);
    EXPECT_EQ(CodeOf(bytes), ErrorCode::kInputTruncated) << format;
  }
  // A TIFF cut short loses the strips its directory points to.
  std::string tiff = Make(dir, "tiff", {TextPage(800, 1000, 5), TextPage(800, 1000, 5)}, 300);
  tiff.resize(tiff.size() / 3);
  auto doc = Open(tiff);
  bool rejected = !doc.ok();
  if (doc.ok())
    for (int i = 0; i < (*doc)->page_count(); ++i) rejected = rejected || !(*doc)->LoadPage(i).ok();
  EXPECT_TRUE(rejected) << "a truncated TIFF must not decode whole";
}

// A PNG whose header claims width x height, with valid chunk CRCs.
std::string PngHeader(uint32_t width, uint32_t height) {
  auto be32 = [](uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  std::string ihdr = "IHDR" + be32(width) + be32(height) + std::string("\x08\x00\x00\x00\x00", 5);
  const uint32_t crc = crc32(0, reinterpret_cast<const Bytef*>(ihdr.data()), static_cast<uInt>(ihdr.size()));
  std::string iend = "IEND";
  const uint32_t crc2 = crc32(0, reinterpret_cast<const Bytef*>(iend.data()), 4);
  return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + ihdr + be32(crc) + be32(0) + iend + be32(crc2);
}

TEST(IngestErrors, AbsurdPixelCountsAreRefusedBeforeDecoding) {
  auto doc = Open(PngHeader(100000, 100000));
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kInputTooLarge);
  EXPECT_NE(doc.status().message().find("100000 x 100000"), std::string::npos) << doc.status().message();
}

TEST(IngestErrors, TooManyPages) {
  ScratchDir dir;
  IngestOptions options;
  options.max_pages = 2;
  const std::vector<cv::Mat> three = {TextPage(300, 400, 1), TextPage(300, 400, 1), TextPage(300, 400, 1)};
  EXPECT_EQ(CodeOf(Make(dir, "tiff", three, 300), options), ErrorCode::kInputTooManyPages);
  EXPECT_EQ(CodeOf(Make(dir, "pdf", three, 300), options), ErrorCode::kInputTooManyPages);
}

TEST(IngestErrors, PdfWithoutPages) {
  const std::string pdf =
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Count 0 /Kids [] "
      ">>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  const ErrorCode code = CodeOf(pdf);
  EXPECT_TRUE(code == ErrorCode::kInputUnreadable) << ErrorCodeName(code);
}

TEST(IngestErrors, WrongExtensionIsReadByContent) {
  ScratchDir dir;
  const std::string png = Make(dir, "png", {TextPage(300, 400, 2)}, 300);
  test::WriteFile(dir / "scan.pdf", png);
  auto bytes = ReadInputFile((dir / "scan.pdf").string(), {});
  ASSERT_TRUE(bytes.ok());
  auto doc = Open(*bytes);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)->format(), InputFormat::kPng);
}

TEST(IngestOptions, ValidateRefusesNonsense) {
  IngestOptions o;
  EXPECT_TRUE(o.Validate().ok());
  o.max_pages = 0;
  EXPECT_FALSE(o.Validate().ok());
}

}  // namespace
}  // namespace hoso

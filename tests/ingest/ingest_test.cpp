#include "ingest/ingest.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <opencv2/imgcodecs.hpp>

#include "ingest/pdf_document.h"
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
  // Bi-level: rendered grey, its pixels one for one.
  EXPECT_EQ(page->image.channels(), 1);
  EXPECT_EQ(page->image.cols, 1660);
  EXPECT_EQ(page->image.rows, 2342);
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

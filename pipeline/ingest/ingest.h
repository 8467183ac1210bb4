// Ingest: one input file is one dossier. This stage reads a file's bytes,
// hashes them, recognises the format by content (not by extension), checks
// the documented limits before decoding anything large, and decodes pages
// one at a time on demand so a long dossier is never held in memory whole.
//
// Limits (IngestOptions, all documented in the README):
//   max_file_bytes   512 MiB   larger files are INPUT_TOO_LARGE
//   max_pages        1000      more pages: INPUT_TOO_MANY_PAGES
//   max_page_pixels  150 MP    one page above it (e.g. 100,000 x 100,000) is
//                              INPUT_TOO_LARGE; A3 at 600 dpi is 70 MP
//   max_page_side    30000 px
// A Document is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <opencv2/core.hpp>

#include "core/status.h"

namespace hoso {

struct IngestOptions {
  // Files larger than this are refused before they are read.
  std::uint64_t max_file_bytes = 512ull << 20;
  // Dossiers with more pages are refused (a stack of dossiers should be split).
  int max_pages = 1000;
  // Largest decoded page, in pixels (width x height), and longest side.
  std::int64_t max_page_pixels = 150'000'000;
  int max_page_side = 30'000;
  // Pages narrower or shorter than this (pixels) hold no text.
  int min_page_side = 32;
  // PDF pages are rendered at the resolution of the scanned image they hold
  // (when one image covers the page); otherwise at this resolution.
  int pdf_default_dpi = 300;
  // Highest resolution a PDF page is rendered at, whatever its image says.
  int pdf_max_dpi = 600;
  // Resolution assumed for an image whose file does not state a plausible one.
  int assumed_dpi = 300;

  Status Validate() const;
};

enum class InputFormat { kUnknown, kPdf, kTiff, kJpeg, kPng };
const char* InputFormatName(InputFormat f);

// What the content's first bytes say it is.
InputFormat SniffFormat(std::string_view bytes);

// True when the name ends in an extension hoso reads (.pdf .tif .tiff .jpg
// .jpeg .png, any case): how a directory argument chooses its files.
bool HasSupportedExtension(const std::string& path);

// Lower-case hex SHA-256 of the bytes.
std::string Sha256Hex(std::string_view bytes);

// The file's bytes, or INPUT_NOT_FOUND / INPUT_EMPTY / INPUT_TOO_LARGE.
Result<std::string> ReadInputFile(const std::string& path, const IngestOptions& options);

// One decoded page, as it was scanned: 8-bit grey (CV_8UC1) or colour
// (CV_8UC3, BGR).
struct SourcePage {
  int index = 0;
  cv::Mat image;
  int dpi = 0;                 // resolution of `image`
  bool dpi_from_file = false;  // false when options.assumed_dpi was used
};

class Document {
 public:
  virtual ~Document() = default;
  virtual InputFormat format() const = 0;
  virtual int page_count() const = 0;
  // Decodes page `index` (0-based). A page that cannot be decoded is an
  // error for that page only.
  virtual Result<SourcePage> LoadPage(int index) = 0;
};

// Checks the bytes (format, truncation, page count, page sizes against the
// limits) and returns a Document that decodes pages lazily. It keeps its own
// copy of the bytes.
Result<std::unique_ptr<Document>> OpenDocument(std::string bytes, const IngestOptions& options);

}  // namespace hoso

// PDF documents, rendered page by page with poppler-cpp. A scanned PDF page
// is rendered at the resolution of the image it holds (found by reading the
// image objects' /Width), so nothing is resampled twice; other pages at
// IngestOptions::pdf_default_dpi.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace hoso {

Result<std::unique_ptr<Document>> OpenPdfDocument(std::string bytes, const IngestOptions& options);

// An image XObject found in raw PDF bytes: its size in pixels, and whether
// it is grey or bi-level (by its colour space, depth or filter).
struct PdfImage {
  int width = 0;
  int height = 0;
  bool grey = false;
  long object = -1;  // its object number (-1: not found)
};
// In object-number order. Exposed for tests.
std::vector<PdfImage> FindPdfImages(const std::string& bytes);

}  // namespace hoso

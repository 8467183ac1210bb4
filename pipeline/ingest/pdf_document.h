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

// Sizes (width, height in pixels) of the image XObjects found in raw PDF
// bytes. Exposed for tests.
std::vector<std::pair<int, int>> FindPdfImageSizes(const std::string& bytes);

}  // namespace hoso

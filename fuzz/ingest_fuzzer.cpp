// libFuzzer: file ingest (format sniffing, PDF/TIFF/JPEG/PNG headers, page
// counts, decoding) on any bytes, with small limits so that a claimed giant
// page is refused, not allocated.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hoso::IngestOptions options;
  options.max_pages = 4;
  options.max_page_pixels = 4'000'000;
  options.max_page_side = 4000;
  options.pdf_max_dpi = 150;
  auto doc = hoso::OpenDocument(std::string(reinterpret_cast<const char*>(data), size), options);
  if (!doc.ok()) return 0;
  for (int i = 0; i < (*doc)->page_count() && i < 2; ++i) (void)(*doc)->LoadPage(i);
  return 0;
}

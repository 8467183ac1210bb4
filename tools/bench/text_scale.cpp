// text_scale: the text size and resolution hoso estimates for each page of
// some files, beside the resolution the file states: how the estimate is
// calibrated and checked (a generated set states its true resolution).
//   text_scale FILE...
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cleanup/cleanup.h"
#include "cleanup/text_scale.h"
#include "ingest/ingest.h"

using namespace hoso;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: text_scale FILE...\n";
    return 2;
  }
  std::printf("%-44s %4s %8s %8s %7s %6s %5s %6s\n", "file", "page", "file_dpi", "letter", "blobs", "conf", "dpi",
              "ms");
  for (int a = 1; a < argc; ++a) {
    auto bytes = ReadInputFile(argv[a], {});
    if (!bytes.ok()) {
      std::printf("%-44s %s\n", argv[a], bytes.status().message().c_str());
      continue;
    }
    auto doc = OpenDocument(std::move(bytes).value(), {});
    if (!doc.ok()) {
      std::printf("%-44s %s\n", argv[a], doc.status().message().c_str());
      continue;
    }
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto page = (*doc)->LoadPage(i);
      if (!page.ok()) continue;
      const cv::Mat gray = ToGray(page->image);
      const auto t0 = std::chrono::steady_clock::now();
      const TextScale t = EstimateTextScale(gray, page->dpi_from_file ? page->dpi : 0);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      std::string name = argv[a];
      if (name.size() > 44) name = "…" + name.substr(name.size() - 42);
      std::printf("%-44s %4d %8d %8.1f %7d %6.2f %5d %6.1f\n", name.c_str(), i + 1, page->dpi_from_file ? page->dpi : 0,
                  t.letter_height, t.text_components, t.confidence, t.dpi, ms);
    }
  }
  return 0;
}

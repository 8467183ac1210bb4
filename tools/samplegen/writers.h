// Writes generated pages as the files scanners make: PNG, JPEG (one page),
// multi-page TIFF and multi-page PDF (JPEG images, one per page), each with
// its resolution recorded so readers know the dpi.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace samplegen {

struct OutPage {
  cv::Mat image;  // BGR or grey
  int dpi = 300;  // 0: the file states none (a phone's JPEG: JFIF 1x1)
  // One bit per pixel, CCITT G4 (TIFF and PDF), as faxes and scanners'
  // black-and-white mode write.
  bool bilevel = false;
};

// How a PDF holds a bi-level page: as document scanners write it (an image,
// 1 bit grey, CCITT G4: the real Kodak letter), or as a stencil mask
// painted black (Leptonica's and some scanning apps' way).
enum class BilevelPdf { kScannerImage, kImageMask };

// format: png | jpeg | tiff | pdf. False on failure.
bool WritePages(const std::string& path, const std::string& format, const std::vector<OutPage>& pages, int jpeg_quality,
                BilevelPdf bilevel_pdf = BilevelPdf::kScannerImage);

}  // namespace samplegen

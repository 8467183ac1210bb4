// A scanner's PDF page is one image drawn over the whole page (now and then
// with a note typed over it). Such a page's pixels are taken straight from
// the image: exactly the scanner's (a 1-bit CCITT scan stays two-level;
// drawn, its edges come out grey and a pixel bolder, and Tesseract reads the
// drawing some 15% slower), and for a fraction of the cost of drawing it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <opencv2/core.hpp>

namespace hoso {

class PdfScanImages {
 public:
  // `bytes` must outlive this object.
  explicit PdfScanImages(const std::string& bytes);
  ~PdfScanImages();
  PdfScanImages(const PdfScanImages&) = delete;
  PdfScanImages& operator=(const PdfScanImages&) = delete;

  // Page `index`'s (0-based) image as it is stored, grey (CV_8UC1) or, when
  // !grey, BGR (CV_8UC3), with the dark text and lines drawn over it (a
  // typed note) laid over its pixels; nullopt when the page is anything but
  // one upright image covering it and such marks (another image, a
  // shading, light colours over it, a turned page or image, an image short
  // of the page's edges): that page is drawn instead.
  // `accept(width, height)` says, before any pixel is decoded, whether an
  // image of that size is wanted (its resolution, the page-size limits):
  // if not, nullopt.
  std::optional<cv::Mat> PageImage(int index, bool grey, const std::function<bool(int, int)>& accept);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoso

// Leptonica's images and OpenCV's, one way and the other: the one place
// hoso converts between them (decoding scans, handing pages to Tesseract,
// writing the separator sheet and samplegen's files).
#pragma once

#include <memory>

#include <opencv2/core.hpp>

struct Pix;

namespace hoso {

struct PixDeleter {
  void operator()(Pix* p) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// 8-bit grey or BGR (a colour map is applied, other depths become 8 bits);
// empty when the image cannot be converted.
cv::Mat PixToMat(Pix* pix);

// 8-bit grey to 8 bpp, BGR to 32 bpp RGB, with `dpi` as its resolution
// (none when 0). Null when out of memory or of another type.
PixPtr MatToPix(const cv::Mat& image, int dpi);

// Whether an 8-bit grey image holds black (0) and white (255) only: a
// bi-level scan (a fax, a scanner's black-and-white mode).
bool IsTwoLevel(const cv::Mat& gray);

// A two-level grey image as 1 bpp (black = 1), with `dpi` as its resolution.
// Tesseract reads the same text from it, faster: the tesseract CLI read a
// real 200 dpi letter page in 1.16 s as 1 bit, 1.28 s as 8 bits (mean of
// 3). Null when out of memory or not 8-bit grey.
PixPtr MatToBinaryPix(const cv::Mat& gray, int dpi);

// Leptonica prints its complaints to stderr (on damaged input, and under
// Tesseract's layout: "Error in boxClipToRectangle: box outside rectangle"
// on some phone photos); hoso reports errors itself, once, in the record.
// Silences it for the process; once is enough, any number of calls is safe.
void QuietLeptonica();

}  // namespace hoso

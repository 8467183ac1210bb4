#include "batch/separator.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <leptonica/allheaders.h>

#include <algorithm>
#include <fstream>
#include <vector>

#include "ingest/pix.h"

namespace hoso {

cv::Mat SeparatorSheet(int dpi) {
  const int w = static_cast<int>(210 / 25.4 * dpi), h = static_cast<int>(297 / 25.4 * dpi);
  cv::Mat page(h, w, CV_8UC1, cv::Scalar(255));
  cv::Mat qr;
  cv::QRCodeEncoder::create()->encode(kSeparatorCode, qr);
  // ~70 mm across, so that a 150 dpi scan still shows each module plainly.
  const int side = static_cast<int>(70 / 25.4 * dpi);
  cv::resize(qr, qr, cv::Size(side, side), 0, 0, cv::INTER_NEAREST);
  qr.copyTo(page(cv::Rect((w - side) / 2, (h - side) / 2, side, side)));
  // What it is, for the person holding it (Hershey: ASCII only).
  const double scale = dpi / 100.0;
  for (const auto& [text, y] : {std::pair<std::string, int>{"HOSO - SEPARATOR SHEET", h / 5},
                                {"(to phan cach ho so)", h / 5 + static_cast<int>(45 * scale)},
                                {"Put this sheet between two dossiers.", h * 4 / 5}}) {
    int base = 0;
    const cv::Size size = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, std::max(1, dpi / 100), &base);
    cv::putText(page, text, cv::Point((w - size.width) / 2, y), cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(0),
                std::max(1, dpi / 100), cv::LINE_AA);
  }
  return page;
}

Status WriteSeparatorSheet(const std::string& path) {
  constexpr int kDpi = 300;
  PixPtr grey = MatToPix(SeparatorSheet(kDpi), kDpi);
  PixPtr bits(grey ? pixThresholdToBinary(grey.get(), 128) : nullptr);
  if (!bits) return Status::Error(ErrorCode::kInternal, "out of memory for the separator sheet");
  pixSetResolution(bits.get(), kDpi, kDpi);
  l_uint8* data = nullptr;
  size_t size = 0;
  const bool png = path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0;
  const l_ok failed = png ? pixWriteMem(&data, &size, bits.get(), IFF_PNG)
                          : pixConvertToPdfData(bits.get(), L_G4_ENCODE, 0, &data, &size, 0, 0, kDpi,
                                                "hoso separator sheet", nullptr, 0);
  if (failed || !data) return Status::Error(ErrorCode::kInternal, "could not encode the separator sheet");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  lept_free(data);
  out.close();
  if (!out) return Status::Error(ErrorCode::kInvalidArgument, "cannot write " + path);
  return Status::Ok();
}

namespace {

// The separator's code as modules (N x N, 1 = dark), without its quiet zone.
cv::Mat ReferenceModules() {
  cv::Mat qr;
  cv::QRCodeEncoder::create()->encode(kSeparatorCode, qr);
  const cv::Rect code = cv::boundingRect(qr == 0);
  return qr(code) == 0;
}

}  // namespace

bool IsSeparatorSheet(const cv::Mat& page, int dpi) {
  if (page.empty()) return false;
  cv::Mat gray;
  if (page.channels() == 1)
    gray = page;
  else
    cv::cvtColor(page, gray, page.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  // At ~100 dpi the code's modules are still 10 pixels or more, and the
  // detector has a ninth of the pixels to look through. Noise and skew make
  // it miss now and then: it looks again at the page made black and white,
  // then at other sizes.
  cv::Mat small;
  std::vector<cv::Point2f> corners;
  bool found = false;
  for (double target : {100.0, 75.0, 150.0}) {
    const double scale = std::min(1.0, target / std::max(dpi, 1));
    cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::QRCodeDetector detector;
    if ((found = detector.detect(small, corners) && corners.size() == 4)) break;
    cv::Mat bw;
    cv::threshold(small, bw, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    if ((found = detector.detect(bw, corners) && corners.size() == 4)) break;
  }
  if (!found) return false;
  // Debian's OpenCV cannot decode QR codes (no quirc): the code found is
  // compared module by module with the separator's own, which is all that
  // has to be told apart. Its corners are mapped onto an N x N grid and
  // each module's centre is read.
  static const cv::Mat reference = ReferenceModules();
  const int n = reference.rows, cell = 8;
  const std::vector<cv::Point2f> grid = {
      {0, 0}, {float(n * cell), 0}, {float(n * cell), float(n * cell)}, {0, float(n * cell)}};
  cv::Mat square, dark;
  cv::warpPerspective(small, square, cv::getPerspectiveTransform(corners, grid), cv::Size(n * cell, n * cell),
                      cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  cv::threshold(square, dark, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat modules(n, n, CV_8UC1);
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      modules.at<uchar>(y, x) =
          cv::mean(dark(cv::Rect(x * cell + cell / 4, y * cell + cell / 4, cell / 2, cell / 2)))[0] > 127 ? 255 : 0;
  // Any way round: the corners' order need not be the code's.
  double best = 0;
  for (int turn = 0; turn < 4; ++turn) {
    best = std::max(best, 1.0 - cv::countNonZero(modules != reference) / static_cast<double>(n * n));
    cv::rotate(modules, modules, cv::ROTATE_90_CLOCKWISE);
  }
  return best >= 0.9;
}

}  // namespace hoso

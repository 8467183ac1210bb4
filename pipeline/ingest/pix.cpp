#include "ingest/pix.h"

#include <leptonica/allheaders.h>

#include <mutex>

namespace hoso {

void PixDeleter::operator()(Pix* p) const { pixDestroy(&p); }

// Copies a Leptonica image into an OpenCV one: 8-bit grey or BGR.
cv::Mat PixToMat(Pix* input) {
  PixPtr owned;
  if (!input) return {};
  Pix* pix = input;
  if (pixGetColormap(pix)) {
    owned.reset(pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC));
    pix = owned.get();
  }
  int depth = pixGetDepth(pix);
  if (depth != 8 && depth != 32) {
    PixPtr converted(depth == 16 ? pixConvert16To8(pix, L_MS_BYTE) : pixConvertTo8(pix, 0));
    if (!converted) return {};
    owned = std::move(converted);
    pix = owned.get();
    depth = 8;
  }
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  l_uint32* data = pixGetData(pix);
  if (depth == 8) {
    cv::Mat out(h, w, CV_8UC1);
    for (int y = 0; y < h; ++y) {
      const l_uint32* line = data + static_cast<size_t>(y) * wpl;
      uchar* row = out.ptr<uchar>(y);
      for (int x = 0; x < w; ++x) row[x] = static_cast<uchar>(GET_DATA_BYTE(line, x));
    }
    return out;
  }
  cv::Mat out(h, w, CV_8UC3);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    cv::Vec3b* row = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < w; ++x) {
      l_int32 r, g, b;
      extractRGBValues(line[x], &r, &g, &b);
      row[x] = cv::Vec3b(static_cast<uchar>(b), static_cast<uchar>(g), static_cast<uchar>(r));
    }
  }
  return out;
}

PixPtr MatToPix(const cv::Mat& m, int dpi) {
  PixPtr pix;
  if (m.type() == CV_8UC1) {
    pix.reset(pixCreate(m.cols, m.rows, 8));
    if (!pix) return pix;
    for (int y = 0; y < m.rows; ++y) {
      l_uint32* line = pixGetData(pix.get()) + static_cast<size_t>(y) * pixGetWpl(pix.get());
      const uchar* row = m.ptr<uchar>(y);
      for (int x = 0; x < m.cols; ++x) SET_DATA_BYTE(line, x, row[x]);
    }
  } else if (m.type() == CV_8UC3) {
    pix.reset(pixCreate(m.cols, m.rows, 32));
    if (!pix) return pix;
    for (int y = 0; y < m.rows; ++y) {
      l_uint32* line = pixGetData(pix.get()) + static_cast<size_t>(y) * pixGetWpl(pix.get());
      const cv::Vec3b* row = m.ptr<cv::Vec3b>(y);
      for (int x = 0; x < m.cols; ++x) composeRGBPixel(row[x][2], row[x][1], row[x][0], line + x);
    }
  } else {
    return pix;
  }
  if (dpi > 0) pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

bool IsTwoLevel(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return false;
  for (int y = 0; y < gray.rows; ++y) {
    const uchar* row = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; ++x)
      if (static_cast<uchar>(row[x] + 1) > 1) return false;  // neither 255 nor 0
  }
  return true;
}

PixPtr MatToBinaryPix(const cv::Mat& gray, int dpi) {
  PixPtr pix;
  if (gray.empty() || gray.type() != CV_8UC1) return pix;
  pix.reset(pixCreate(gray.cols, gray.rows, 1));  // zeroed: white
  if (!pix) return pix;
  for (int y = 0; y < gray.rows; ++y) {
    l_uint32* line = pixGetData(pix.get()) + static_cast<size_t>(y) * pixGetWpl(pix.get());
    const uchar* row = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; ++x)
      if (row[x] < 128) SET_DATA_BIT(line, x);
  }
  if (dpi > 0) pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

void QuietLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

}  // namespace hoso

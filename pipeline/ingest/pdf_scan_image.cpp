#include "ingest/pdf_scan_image.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <Stream.h>
#include <splash/SplashBitmap.h>

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <cstring>
#include <vector>

namespace hoso {
namespace {

// Whether the image drawn now (the unit square under the CTM) lies upright
// (its first row at the top, not turned or mirrored) over a device page of
// width x height, each side within 1% of the page's.
bool CoversThePage(GfxState* state, double width, double height) {
  const double* m = state->getCTM();
  const double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5];
  if (a <= 0 || d >= 0 || std::abs(b) > 1e-3 * a || std::abs(c) > 1e-3 * -d) return false;
  const double left = e + c, top = f + d, right = e + a, bottom = f;
  const double tx = 0.01 * width, ty = 0.01 * height;
  return std::abs(left) <= tx && std::abs(top) <= ty && std::abs(right - width) <= tx &&
         std::abs(bottom - height) <= ty;
}

// Walks a page's content and keeps its image when the page is that image,
// upright and edge to edge. What is drawn before the image is under it,
// hidden (some scanners' OCR text layer is drawn so, and shows through
// nowhere). Dark text and lines drawn over it (a typed note, a digital
// signature's lines) are drawn apart and laid over it (Over); anything else
// that shows over it (another image, a shading, a light colour that would
// hide the scan) spoils it: the page is drawn whole.
class ScanPageDevice : public OutputDev {
 public:
  ScanPageDevice(double width_pt, double height_pt, bool grey, const std::function<bool(int, int)>& accept)
      : width_(width_pt), height_(height_pt), grey_(grey), accept_(accept) {}

  // The image, or empty.
  cv::Mat Take() { return spoiled_ ? cv::Mat() : image_; }
  // Whether dark marks are drawn over the image.
  bool Over() const { return over_; }

  bool upsideDown() override { return true; }  // device space: points, y down, from the page's top left
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool useShadedFills(int) override { return true; }

  void stroke(GfxState* state) override { Mark(state, true); }
  void fill(GfxState* state) override { Mark(state, false); }
  void eoFill(GfxState* state) override { Mark(state, false); }
  bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return Spoil(); }
  bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return Spoil(); }
  bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return Spoil(); }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return Spoil(); }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return Spoil(); }
  // An OCR layer's text is invisible (render mode 3 or 7); any other shows,
  // unless it lies off the page (a marker some scanners put below it).
  void drawChar(GfxState* state, double x, double y, double, double, double, double, CharCode, int, const Unicode*,
                int) override {
    if ((state->getRender() & 3) == 3) return;
    double dx = 0, dy = 0;
    state->transform(x, y, &dx, &dy);
    const double size = std::abs(state->getTransformedFontSize());
    if (dx >= width_ || dx + size <= 0 || dy - 0.75 * size >= height_ || dy <= 0) return;  // its capitals' height
    Mark(state, (state->getRender() & 3) == 1);
  }
  bool beginType3Char(GfxState*, double, double, double, double, CharCode, const Unicode*, int) override {
    Spoil();
    return true;  // the glyph's drawing is not needed
  }
  // A stencil (a 1-bit scan as some writers store it): the fill colour where
  // it paints, the white of the paper elsewhere.
  void drawImageMask(GfxState* state, Object*, Stream* str, int width, int height, bool invert, bool, bool) override {
    if (!Claim(state, width, height, true)) return;
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    const cv::Vec3b ink(colToByte(rgb.b), colToByte(rgb.g), colToByte(rgb.r));
    GfxGray grey;
    state->getFillGray(&grey);
    const unsigned char ink_grey = colToByte(grey);
    const unsigned char paints = invert ? 1 : 0;  // the sample value that paints
    if (grey_) return DecodeBits(str, width, height, paints ? 255 : ink_grey, paints ? ink_grey : 255);
    ImageStream bits(str, width, 1, 1);
    Decode(
        str, width, height, [&] { return bits.getLine(); },
        [&](const unsigned char* line, cv::Mat& out, int y) {
          cv::Vec3b* row = out.ptr<cv::Vec3b>(y);
          for (int x = 0; x < width; ++x) row[x] = line[x] == paints ? ink : cv::Vec3b(255, 255, 255);
        });
  }
  void drawMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, bool,
                       bool) override {
    Spoil();
  }
  void drawSoftMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int,
                           GfxImageColorMap*, bool) override {
    Spoil();
  }

  void drawImage(GfxState* state, Object*, Stream* str, int width, int height, GfxImageColorMap* map, bool,
                 const int* mask_colours, bool) override {
    if (!Claim(state, width, height, !mask_colours && map && map->isOk())) return;
    const int comps = map->getNumPixelComps(), bits = map->getBits();
    if (comps < 1 || bits < 1 || bits > 16) return Fail();
    if (grey_ && comps == 1 && bits == 1) {  // a bi-level scan: its two greys through the map
      unsigned char samples[2] = {0, 1}, greys[2];
      map->getGrayLine(samples, greys, 2);
      return DecodeBits(str, width, height, greys[0], greys[1]);
    }
    ImageStream pixels(str, width, comps, bits);
    Decode(
        str, width, height, [&] { return pixels.getLine(); },
        [&](unsigned char* line, cv::Mat& out, int y) {
          if (grey_)
            map->getGrayLine(line, out.ptr<unsigned char>(y), width);
          else
            map->getRGBLine(line, out.ptr<unsigned char>(y), width);
        });
    if (!grey_ && !image_.empty()) cv::cvtColor(image_, image_, cv::COLOR_RGB2BGR);
  }

 private:
  // Something that shows: drawn before the page's image, it is under it
  // (and the page is drawn if no such image comes); over it, the page is
  // more than its image.
  bool Spoil() {
    if (!image_.empty()) Fail();
    return true;
  }
  // A mark in the stroke or fill colour: over the image, laid over it if
  // dark (a lighter one would hide the scan beneath it, which laying over
  // cannot show).
  void Mark(GfxState* state, bool stroke) {
    if (image_.empty()) return;  // under the image, or no image yet
    GfxGray grey;
    if (stroke)
      state->getStrokeGray(&grey);
    else
      state->getFillGray(&grey);
    const double opacity = stroke ? state->getStrokeOpacity() : state->getFillOpacity();
    if (colToDbl(grey) > 0.5 || opacity < 1 || state->getBlendMode() != gfxBlendNormal)
      Fail();
    else
      over_ = true;
  }
  void Fail() {
    spoiled_ = true;
    image_.release();
  }
  // Whether the image drawn now, width x height, is to be decoded as the
  // page's: not when an image was taken already (it spoils the page), nor
  // when it is not `plain` (masked, in an unknown colour map), translucent
  // or short of the page (it shows, unless a page-covering image comes
  // after it), nor when the caller refuses its size (the page is drawn).
  bool Claim(GfxState* state, int width, int height, bool plain) {
    if (spoiled_ || !image_.empty()) {
      Fail();
      return false;
    }
    if (!plain || state->getFillOpacity() < 1 || state->getBlendMode() != gfxBlendNormal ||
        !CoversThePage(state, width_, height_))
      return false;
    if (width < 1 || height < 1 || !accept_(width, height)) {
      Fail();
      return false;
    }
    return true;
  }
  // The image's rows, read from `str` by next() (null when the stream ends
  // early, which spoils the page; an ImageStream over `str` unpacks them, or
  // they are read as stored), each written by row(line, image, y).
  template <typename Next, typename Row>
  void Decode(Stream* str, int width, int height, const Next& next, const Row& row) {
    cv::Mat out(height, width, grey_ ? CV_8UC1 : CV_8UC3);
    str->reset();
    for (int y = 0; y < height; ++y) {
      unsigned char* line = next();
      if (!line) {
        str->close();
        return Fail();
      }
      row(line, out, y);
    }
    str->close();
    image_ = out;
  }

  // One-bit samples as stored, eight to a byte, each row from a byte's
  // start: sample 0 as `zero`, 1 as `one`, eight at a time through a table.
  // (ImageStream unpacks each bit to a byte, and the colour map then maps
  // each byte: on the real Kodak letter, with the CCITT decoding, that was
  // 2.3 times the work of this.)
  void DecodeBits(Stream* str, int width, int height, unsigned char zero, unsigned char one) {
    std::array<std::array<unsigned char, 8>, 256> spread;
    for (int b = 0; b < 256; ++b)
      for (int k = 0; k < 8; ++k)
        spread[static_cast<size_t>(b)][static_cast<size_t>(k)] = (b >> (7 - k)) & 1 ? one : zero;
    const int bytes = (width + 7) / 8, whole = width / 8;
    std::vector<unsigned char> packed(static_cast<size_t>(bytes));
    Decode(
        str, width, height,
        [&]() -> unsigned char* { return str->doGetChars(bytes, packed.data()) == bytes ? packed.data() : nullptr; },
        [&](const unsigned char* line, cv::Mat& out, int y) {
          unsigned char* row = out.ptr<unsigned char>(y);
          for (int i = 0; i < whole; ++i) std::memcpy(row + 8 * i, spread[line[i]].data(), 8);
          for (int x = 8 * whole; x < width; ++x) row[x] = spread[line[whole]][static_cast<size_t>(x & 7)];
        });
  }

  double width_, height_;
  bool grey_;
  const std::function<bool(int, int)>& accept_;
  bool spoiled_ = false;
  bool over_ = false;
  cv::Mat image_;
};

// Draws what lies over a page's scan, the scan itself left out (and what
// lies under it too): the marks to lay over the scan's own pixels.
class OverlayDevice : public SplashOutputDev {
 public:
  OverlayDevice(SplashColorMode mode, SplashColorPtr paper, double width_px, double height_px)
      : SplashOutputDev(mode, 4, false, paper), width_(width_px), height_(height_px) {}

  void stroke(GfxState* state) override {
    if (past_) SplashOutputDev::stroke(state);
  }
  void fill(GfxState* state) override {
    if (past_) SplashOutputDev::fill(state);
  }
  void eoFill(GfxState* state) override {
    if (past_) SplashOutputDev::eoFill(state);
  }
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox, double oy, CharCode code,
                int bytes, const Unicode* u, int ulen) override {
    if (past_) SplashOutputDev::drawChar(state, x, y, dx, dy, ox, oy, code, bytes, u, ulen);
  }
  // Fills with a pattern or a shading, and masked images, under the scan
  // are hidden too (over it, ScanPageDevice has the page drawn whole).
  bool tilingPatternFill(GfxState* state, Gfx* gfx, Catalog* catalog, GfxTilingPattern* pattern, const double* mat,
                         int x0, int y0, int x1, int y1, double x_step, double y_step) override {
    return !past_ ||
           SplashOutputDev::tilingPatternFill(state, gfx, catalog, pattern, mat, x0, y0, x1, y1, x_step, y_step);
  }
  bool functionShadedFill(GfxState* state, GfxFunctionShading* shading) override {
    return !past_ || SplashOutputDev::functionShadedFill(state, shading);
  }
  bool axialShadedFill(GfxState* state, GfxAxialShading* shading, double t0, double t1) override {
    return !past_ || SplashOutputDev::axialShadedFill(state, shading, t0, t1);
  }
  bool radialShadedFill(GfxState* state, GfxRadialShading* shading, double s0, double s1) override {
    return !past_ || SplashOutputDev::radialShadedFill(state, shading, s0, s1);
  }
  bool gouraudTriangleShadedFill(GfxState* state, GfxGouraudTriangleShading* shading) override {
    return !past_ || SplashOutputDev::gouraudTriangleShadedFill(state, shading);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                       bool interpolate, Stream* mask, int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override {
    if (past_)
      SplashOutputDev::drawMaskedImage(state, ref, str, width, height, map, interpolate, mask, mask_width, mask_height,
                                       mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                           bool interpolate, Stream* mask, int mask_width, int mask_height, GfxImageColorMap* mask_map,
                           bool mask_interpolate) override {
    if (past_)
      SplashOutputDev::drawSoftMaskedImage(state, ref, str, width, height, map, interpolate, mask, mask_width,
                                           mask_height, mask_map, mask_interpolate);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* map,
                 bool interpolate, const int* mask_colours, bool inline_image) override {
    if (!past_) {
      past_ = CoversThePage(state, width_, height_);
      return;
    }
    SplashOutputDev::drawImage(state, ref, str, width, height, map, interpolate, mask_colours, inline_image);
  }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert, bool interpolate,
                     bool inline_image) override {
    if (!past_) {
      past_ = CoversThePage(state, width_, height_);
      return;
    }
    SplashOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }

 private:
  double width_, height_;
  bool past_ = false;  // the scan has been passed
};

}  // namespace

struct PdfScanImages::Impl {
  GlobalParamsIniter params{[](ErrorCategory, Goffset, const char*) {}};
  std::unique_ptr<PDFDoc> doc;
};

PdfScanImages::PdfScanImages(const std::string& bytes) : impl_(std::make_unique<Impl>()) {
  impl_->doc =
      std::make_unique<PDFDoc>(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
}

PdfScanImages::~PdfScanImages() = default;

std::optional<cv::Mat> PdfScanImages::PageImage(int index, bool grey, const std::function<bool(int, int)>& accept) {
  PDFDoc& doc = *impl_->doc;
  const int page = index + 1;
  if (!doc.isOk() || page < 1 || page > doc.getNumPages() || doc.getPageRotate(page) % 360 != 0) return std::nullopt;
  // The crop box, as poppler-cpp draws a page.
  ScanPageDevice device(doc.getPageCropWidth(page), doc.getPageCropHeight(page), grey, accept);
  doc.displayPage(&device, page, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
  cv::Mat image = device.Take();
  if (image.empty()) return std::nullopt;
  if (device.Over()) {
    // The marks over the scan, drawn at the scan's resolution and laid
    // over its pixels (the darker of the two).
    const double dpi_x = image.cols / (doc.getPageCropWidth(page) / 72.0);
    const double dpi_y = image.rows / (doc.getPageCropHeight(page) / 72.0);
    SplashColor paper = {255, 255, 255, 255};
    OverlayDevice overlay(grey ? splashModeMono8 : splashModeRGB8, paper, image.cols, image.rows);
    overlay.setFontAntialias(true);
    overlay.setVectorAntialias(true);
    overlay.startDoc(&doc);
    doc.displayPage(&overlay, page, dpi_x, dpi_y, 0, /*useMediaBox=*/false, /*crop=*/true, /*printing=*/false);
    SplashBitmap* drawn = overlay.getBitmap();
    if (!drawn || drawn->getWidth() < 1 || drawn->getHeight() < 1) return std::nullopt;
    cv::Mat marks(drawn->getHeight(), drawn->getWidth(), grey ? CV_8UC1 : CV_8UC3, drawn->getDataPtr(),
                  static_cast<size_t>(drawn->getRowSize()));
    if (!grey) cv::cvtColor(marks, marks, cv::COLOR_RGB2BGR);
    const cv::Rect both = cv::Rect(0, 0, image.cols, image.rows) & cv::Rect(0, 0, marks.cols, marks.rows);
    cv::Mat under = image(both);
    cv::min(under, marks(both), under);
  }
  return image;
}

}  // namespace hoso

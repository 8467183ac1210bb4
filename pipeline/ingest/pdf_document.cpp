#include "ingest/pdf_document.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <regex>

#include "ingest/limits.h"
#include "ingest/pdf_scan_image.h"

namespace hoso {
namespace {

void QuietPoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// Snap to a usual scanner resolution when within 3% of one.
int SnapDpi(double dpi) {
  for (int d : {100, 150, 200, 240, 300, 400, 600, 1200})
    if (std::abs(dpi - d) <= 0.03 * d) return d;
  return static_cast<int>(std::lround(dpi));
}

class PdfDocument : public Document {
 public:
  PdfDocument(std::string bytes, const IngestOptions& options) : bytes_(std::move(bytes)), options_(options) {}

  Status Open() {
    doc_.reset(poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size())));
    if (!doc_) return Status::Error(ErrorCode::kInputUnreadable, "the PDF could not be parsed");
    if (doc_->is_locked()) return Status::Error(ErrorCode::kInputEncrypted, "the PDF is password-protected");
    pages_ = doc_->pages();
    if (pages_ < 1) return Status::Error(ErrorCode::kInputUnreadable, "the PDF has no pages");
    if (pages_ > options_.max_pages)
      return Status::Error(
          ErrorCode::kInputTooManyPages,
          "the PDF has " + std::to_string(pages_) + " pages; the limit is " + std::to_string(options_.max_pages));
    images_ = FindPdfImages(bytes_);
    scans_ = std::make_unique<PdfScanImages>(bytes_);
    // A scan whose every image is grey or bi-level is rendered grey: a
    // third of the pixels to draw, and nothing to convert.
    grey_ = !images_.empty() && std::all_of(images_.begin(), images_.end(), [](const PdfImage& i) { return i.grey; });
    dpis_.resize(pages_);
    render_dpis_.resize(pages_);
    for (int i = 0; i < pages_; ++i) {
      std::unique_ptr<poppler::page> page(doc_->create_page(i));
      if (!page) return Status::Error(ErrorCode::kInputUnreadable, "PDF page " + std::to_string(i + 1) + " is missing");
      const poppler::rectf r = page->page_rect(poppler::media_box);
      // A scanner writes one image per page, in page order: that page's own.
      const PdfImage* own = images_.size() == static_cast<size_t>(pages_) ? &images_[i] : nullptr;
      render_dpis_[i] = ChooseDpi(r.width(), r.height(), page->orientation(), own);
      dpis_[i] = render_dpis_[i].snapped;
      const double w = r.width() / 72.0 * dpis_[i], h = r.height() / 72.0 * dpis_[i];
      if (Status s = CheckPageSize(std::llround(w), std::llround(h), " (page " + std::to_string(i + 1) + ")", options_);
          !s.ok())
        return s;
    }
    return Status::Ok();
  }

  InputFormat format() const override { return InputFormat::kPdf; }
  int page_count() const override { return pages_; }

  Result<SourcePage> LoadPage(int index) override {
    if (index < 0 || index >= pages_)
      return Status::Error(ErrorCode::kInvalidArgument, "no page " + std::to_string(index));
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    const std::string where = " (page " + std::to_string(index + 1) + ")";
    if (!page) return Status::Error(ErrorCode::kInputUnreadable, "the PDF page is missing" + where);
    SourcePage out;
    out.index = index;
    out.dpi_from_file = true;
    // A scanner's page: its image as stored, when its pixels are square,
    // within the resolutions drawn as they are and the page-size limits.
    const poppler::rectf crop = page->page_rect(poppler::crop_box);
    int snapped = 0;
    auto accept = [&](int width, int height) {
      if (crop.width() <= 0 || crop.height() <= 0) return false;
      const double dx = width / (crop.width() / 72.0), dy = height / (crop.height() / 72.0);
      snapped = SnapDpi(dx);
      return std::abs(dx - dy) <= 0.02 * dx && snapped >= 72 && snapped <= options_.pdf_max_dpi &&
             CheckPageSize(width, height, where, options_).ok();
    };
    if (auto image = scans_->PageImage(index, grey_, accept)) {
      out.image = std::move(*image);
      out.dpi = snapped;
      return out;
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(grey_ ? poppler::image::format_gray8 : poppler::image::format_bgr24);
    // At the image's own resolution, unrounded, so that its pixels are drawn
    // one for one and not resampled; recorded as the usual value it is near.
    const RenderDpi dpi = render_dpis_[index];
    poppler::image img = renderer.render_page(page.get(), dpi.x, dpi.y);
    if (!img.is_valid() || img.width() < 1 || img.height() < 1)
      return Status::Error(ErrorCode::kInputUnreadable, "the PDF page could not be rendered" + where);
    const cv::Mat rendered(img.height(), img.width(), grey_ ? CV_8UC1 : CV_8UC3, const_cast<char*>(img.const_data()),
                           static_cast<size_t>(img.bytes_per_row()));
    out.image = rendered.clone();  // the poppler image goes out of scope
    out.dpi = dpi.snapped;
    return out;
  }

 private:
  struct RenderDpi {
    double x = 0, y = 0;
    int snapped = 0;
  };

  // The resolution of a page-sized scanned image, if the PDF holds one with
  // the page's aspect ratio (`own`, when known, the page's own image);
  // otherwise the default.
  RenderDpi ChooseDpi(double width_pt, double height_pt, poppler::page::orientation_enum orientation,
                      const PdfImage* own) const {
    const double fallback = options_.pdf_default_dpi;
    if (width_pt <= 0 || height_pt <= 0) return {fallback, fallback, options_.pdf_default_dpi};
    const bool turned = orientation == poppler::page::landscape || orientation == poppler::page::seascape;
    if (turned) std::swap(width_pt, height_pt);
    double best = 0, best_x = 0, best_y = 0;
    auto consider = [&](const PdfImage& image) {
      for (int turn = 0; turn < 2; ++turn) {
        const double iw = turn ? image.height : image.width, ih = turn ? image.width : image.height;
        const double dx = iw / (width_pt / 72.0), dy = ih / (height_pt / 72.0);
        if (std::abs(dx - dy) <= 0.02 * dx && dx > best) {
          best = dx;
          best_x = dx;
          best_y = dy;
        }
      }
    };
    if (own) consider(*own);
    if (best < 72)  // not the page's own after all: the best of them
      for (const PdfImage& image : images_) consider(image);
    if (best < 72) return {fallback, fallback, options_.pdf_default_dpi};
    const int snapped = std::min(SnapDpi(best), options_.pdf_max_dpi);
    if (snapped < SnapDpi(best)) return {double(snapped), double(snapped), snapped};  // capped
    if (turned) std::swap(best_x, best_y);
    return {best_x, best_y, snapped};
  }

  std::string bytes_;
  IngestOptions options_;
  std::unique_ptr<poppler::document> doc_;
  std::unique_ptr<PdfScanImages> scans_;  // after doc_: poppler's globals outlive it
  int pages_ = 0;
  std::vector<PdfImage> images_;
  bool grey_ = false;
  std::vector<int> dpis_;
  std::vector<RenderDpi> render_dpis_;
};

// Truncated PDFs lose their trailer; poppler would silently rebuild what it
// can, but a dossier with missing pages must not be registered as whole.
bool HasEndOfFile(const std::string& b) {
  const size_t tail = std::min<size_t>(b.size(), 2048);
  return std::string_view(b.data() + b.size() - tail, tail).find("%%EOF") != std::string_view::npos;
}

// The "<<" of the innermost dictionary holding `pos`, looking back at most
// 4 KiB; npos when there is none.
size_t EnclosingOpen(const std::string& b, size_t pos) {
  int depth = 0;
  const size_t stop = pos > 4096 ? pos - 4096 : 0;
  for (size_t i = pos; i-- > stop + 1;) {
    if (b[i - 1] == '>' && b[i] == '>') {
      ++depth;
      --i;
    } else if (b[i - 1] == '<' && b[i] == '<') {
      if (depth == 0) return i - 1;
      --depth;
      --i;
    }
  }
  return std::string::npos;
}

// The end of the dictionary opened at `open` (just past its ">>"), or npos.
size_t MatchingClose(const std::string& b, size_t open) {
  int depth = 0;
  for (size_t i = open; i + 1 < b.size() && i < open + 8192; ++i) {
    if (b[i] == '<' && b[i + 1] == '<') {
      ++depth;
      ++i;
    } else if (b[i] == '>' && b[i + 1] == '>') {
      if (--depth == 0) return i + 2;
      ++i;
    }
  }
  return std::string::npos;
}

// The number of the object whose dictionary opens at `open` ("18 0 obj
// <<..."), or -1.
long ObjectNumber(const std::string& b, size_t open) {
  const size_t from = open > 48 ? open - 48 : 0;
  static const std::regex kObj(R"((\d+)\s+\d+\s+obj\s*$)");
  std::smatch m;
  const std::string before = b.substr(from, open - from);
  return std::regex_search(before, m, kObj) ? std::stol(m[1]) : -1;
}

}  // namespace

std::vector<PdfImage> FindPdfImages(const std::string& bytes) {
  // Image XObjects are streams, and streams never live inside compressed
  // object streams, so their dictionaries are plain text in the file.
  std::vector<PdfImage> images;
  static const std::regex kWidth(R"(/Width\s+(\d+))"), kHeight(R"(/Height\s+(\d+))");
  static const std::regex kGrey(
      R"(/DeviceGray|/CalGray|/ImageMask\s+true|/BitsPerComponent\s+1\b|/CCITTFaxDecode|/JBIG2Decode)");
  size_t pos = 0, last_open = std::string::npos;
  while ((pos = bytes.find("/Image", pos)) != std::string::npos) {
    // The enclosing dictionary, nested ones (a CCITT image's DecodeParms)
    // counted: from the "<<" that opens it to the ">>" that closes it.
    const size_t open = EnclosingOpen(bytes, pos);
    const size_t close = open == std::string::npos ? std::string::npos : MatchingClose(bytes, open);
    pos += 6;
    if (open == std::string::npos || close == std::string::npos || close - open > 4096) continue;
    if (open == last_open) continue;  // "/Subtype/Image ... /Name/ImagePart_1": one image
    last_open = open;
    const std::string dict = bytes.substr(open, close - open);
    if (dict.find("/Subtype") == std::string::npos) continue;
    std::smatch mw, mh;
    if (std::regex_search(dict, mw, kWidth) && std::regex_search(dict, mh, kHeight)) {
      const long w = std::stol(mw[1]), h = std::stol(mh[1]);
      // A palette can hold colours whatever its depth.
      const bool grey = std::regex_search(dict, kGrey) && dict.find("/Indexed") == std::string::npos;
      if (w > 0 && h > 0 && w < 1'000'000 && h < 1'000'000)
        images.push_back({static_cast<int>(w), static_cast<int>(h), grey, ObjectNumber(bytes, open)});
    }
  }
  // In object order, which is page order in a scanner's file (not always
  // the order the objects are written in).
  std::stable_sort(images.begin(), images.end(),
                   [](const PdfImage& a, const PdfImage& b) { return a.object < b.object; });
  return images;
}

Result<std::unique_ptr<Document>> OpenPdfDocument(std::string bytes, const IngestOptions& options) {
  QuietPoppler();
  if (!HasEndOfFile(bytes))
    return Status::Error(ErrorCode::kInputTruncated, "the PDF has no end-of-file marker (truncated)");
  auto doc = std::make_unique<PdfDocument>(std::move(bytes), options);
  if (Status s = doc->Open(); !s.ok()) return s;
  return std::unique_ptr<Document>(std::move(doc));
}

}  // namespace hoso

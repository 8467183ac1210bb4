#include "ingest/pdf_document.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <mutex>
#include <regex>

#include "ingest/limits.h"

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
    image_sizes_ = FindPdfImageSizes(bytes_);
    dpis_.resize(pages_);
    for (int i = 0; i < pages_; ++i) {
      std::unique_ptr<poppler::page> page(doc_->create_page(i));
      if (!page) return Status::Error(ErrorCode::kInputUnreadable, "PDF page " + std::to_string(i + 1) + " is missing");
      const poppler::rectf r = page->page_rect(poppler::media_box);
      dpis_[i] = ChooseDpi(r.width(), r.height(), page->orientation());
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
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    const int dpi = dpis_[index];
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid() || img.width() < 1 || img.height() < 1)
      return Status::Error(ErrorCode::kInputUnreadable, "the PDF page could not be rendered" + where);
    // argb32 is 0xAARRGGBB words: B, G, R, A bytes on little-endian machines.
    cv::Mat bgra(img.height(), img.width(), CV_8UC4, const_cast<char*>(img.const_data()),
                 static_cast<size_t>(img.bytes_per_row()));
    SourcePage out;
    out.index = index;
    cv::cvtColor(bgra, out.image, cv::COLOR_BGRA2BGR);
    out.dpi = dpi;
    out.dpi_from_file = true;
    return out;
  }

 private:
  // The resolution of a page-sized scanned image, if the PDF holds one with
  // the page's aspect ratio; otherwise the default.
  int ChooseDpi(double width_pt, double height_pt, poppler::page::orientation_enum orientation) const {
    if (width_pt <= 0 || height_pt <= 0) return options_.pdf_default_dpi;
    if (orientation == poppler::page::landscape || orientation == poppler::page::seascape)
      std::swap(width_pt, height_pt);
    double best = 0;
    for (auto [w, h] : image_sizes_) {
      for (int turn = 0; turn < 2; ++turn) {
        const double iw = turn ? h : w, ih = turn ? w : h;
        const double dx = iw / (width_pt / 72.0), dy = ih / (height_pt / 72.0);
        if (std::abs(dx - dy) <= 0.02 * dx) best = std::max(best, dx);
      }
    }
    if (best < 72) return options_.pdf_default_dpi;
    return std::min(SnapDpi(best), options_.pdf_max_dpi);
  }

  std::string bytes_;
  IngestOptions options_;
  std::unique_ptr<poppler::document> doc_;
  int pages_ = 0;
  std::vector<std::pair<int, int>> image_sizes_;
  std::vector<int> dpis_;
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

}  // namespace

std::vector<std::pair<int, int>> FindPdfImageSizes(const std::string& bytes) {
  // Image XObjects are streams, and streams never live inside compressed
  // object streams, so their dictionaries are plain text in the file.
  std::vector<std::pair<int, int>> sizes;
  static const std::regex kWidth(R"(/Width\s+(\d+))"), kHeight(R"(/Height\s+(\d+))");
  size_t pos = 0;
  while ((pos = bytes.find("/Image", pos)) != std::string::npos) {
    // The enclosing dictionary, nested ones (a CCITT image's DecodeParms)
    // counted: from the "<<" that opens it to the ">>" that closes it.
    const size_t open = EnclosingOpen(bytes, pos);
    const size_t close = open == std::string::npos ? std::string::npos : MatchingClose(bytes, open);
    pos += 6;
    if (open == std::string::npos || close == std::string::npos || close - open > 4096) continue;
    const std::string dict = bytes.substr(open, close - open);
    if (dict.find("/Subtype") == std::string::npos) continue;
    std::smatch mw, mh;
    if (std::regex_search(dict, mw, kWidth) && std::regex_search(dict, mh, kHeight)) {
      const long w = std::stol(mw[1]), h = std::stol(mh[1]);
      if (w > 0 && h > 0 && w < 1'000'000 && h < 1'000'000)
        sizes.emplace_back(static_cast<int>(w), static_cast<int>(h));
    }
  }
  return sizes;
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

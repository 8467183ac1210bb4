#include "ingest/raster_document.h"
#include "ingest/pix.h"

#include "ingest/limits.h"

#include <leptonica/allheaders.h>
#include <tiffio.h>

#include <cstdio>
#include <mutex>

namespace hoso {
namespace {

// Leptonica and libtiff print to stderr on damaged input; hoso reports
// errors itself, once, in the record.
void QuietDecoders() {
  QuietLeptonica();
  static std::once_flag once;
  std::call_once(once, [] {
    TIFFSetWarningHandler(nullptr);
    TIFFSetErrorHandler(nullptr);
  });
}

// A JPEG ends with the EOI marker and a PNG with its IEND chunk; a file cut
// short by a failed copy or upload lacks them.
bool LooksComplete(InputFormat format, const std::string& b) {
  const size_t tail = std::min<size_t>(b.size(), 4096);
  std::string_view end(b.data() + b.size() - tail, tail);
  if (format == InputFormat::kJpeg) return end.find("\xFF\xD9") != std::string_view::npos;
  if (format == InputFormat::kPng) return end.find("IEND") != std::string_view::npos;
  return true;
}

class RasterDocument : public Document {
 public:
  RasterDocument(std::string bytes, InputFormat format, int pages, const IngestOptions& options)
      : bytes_(std::move(bytes)), format_(format), pages_(pages), options_(options) {}

  InputFormat format() const override { return format_; }
  int page_count() const override { return pages_; }

  Result<SourcePage> LoadPage(int index) override {
    if (index < 0 || index >= pages_)
      return Status::Error(ErrorCode::kInvalidArgument, "no page " + std::to_string(index));
    const auto* data = reinterpret_cast<const l_uint8*>(bytes_.data());
    PixPtr pix(format_ == InputFormat::kTiff ? pixReadMemTiff(data, bytes_.size(), index)
                                             : pixReadMem(data, bytes_.size()));
    const std::string where = pages_ > 1 ? " (page " + std::to_string(index + 1) + ")" : "";
    if (!pix)
      return Status::Error(ErrorCode::kInputUnreadable,
                           std::string("the ") + InputFormatName(format_) + " data could not be decoded" + where);
    const int w = pixGetWidth(pix.get()), h = pixGetHeight(pix.get());
    if (Status s = CheckPageSize(w, h, where, options_); !s.ok()) return s;
    SourcePage page;
    page.index = index;
    page.image = PixToMat(pix.get());
    if (page.image.empty()) return Status::Error(ErrorCode::kInputUnreadable, "unsupported pixel layout" + where);
    const int res = pixGetXRes(pix.get());
    page.dpi_from_file = res >= 50 && res <= 2400;
    page.dpi = page.dpi_from_file ? res : options_.assumed_dpi;
    return page;
  }

 private:
  std::string bytes_;
  InputFormat format_;
  int pages_;
  IngestOptions options_;
};

// Counts TIFF directories (pages) without decoding them.
Result<int> CountTiffPages(const std::string& bytes, int limit) {
  // The header promises the first directory at an offset: past the end of
  // the file, the file was cut short (or that offset is garbage).
  if (bytes.size() >= 8) {
    const bool little = bytes[0] == 'I';
    auto b = [&](int i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[static_cast<size_t>(i)]));
    };
    const std::uint32_t first =
        little ? b(4) | b(5) << 8 | b(6) << 16 | b(7) << 24 : b(7) | b(6) << 8 | b(5) << 16 | b(4) << 24;
    if (bytes[2] != '+' && bytes[3] != '+' && first + 2 > bytes.size())
      return Status::Error(ErrorCode::kInputTruncated, "the TIFF file ends before its first directory (truncated)");
  } else {
    return Status::Error(ErrorCode::kInputTruncated, "the TIFF file ends inside its header (truncated)");
  }
  FILE* f = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (!f) return Status::Error(ErrorCode::kInternal, "fmemopen failed");
  l_int32 n = 0;
  const l_ok rc = tiffGetCount(f, &n);
  fclose(f);
  if (rc != 0 || n < 1) return Status::Error(ErrorCode::kInputUnreadable, "the TIFF directory could not be read");
  if (n > limit)
    return Status::Error(ErrorCode::kInputTooManyPages,
                         "the TIFF has " + std::to_string(n) + " pages; the limit is " + std::to_string(limit));
  return static_cast<int>(n);
}

}  // namespace

Result<std::unique_ptr<Document>> OpenRasterDocument(std::string bytes, const IngestOptions& options) {
  QuietDecoders();
  const InputFormat format = SniffFormat(bytes);
  if (!LooksComplete(format, bytes))
    return Status::Error(ErrorCode::kInputTruncated, std::string("the ") + InputFormatName(format) +
                                                         " file ends before its end marker (truncated)");
  int pages = 1;
  if (format == InputFormat::kTiff) {
    auto n = CountTiffPages(bytes, options.max_pages);
    if (!n.ok()) return n.status();
    pages = *n;
  }
  // Check every page's declared size before anything is decoded, so a
  // header claiming 100,000 x 100,000 pixels costs nothing.
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  for (int i = 0; i < pages; ++i) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, iff = 0;
    const l_ok rc = format == InputFormat::kTiff
                        ? readHeaderMemTiff(data, bytes.size(), i, &w, &h, &bps, &spp, &res, &cmap, &iff)
                        : pixReadHeaderMem(data, bytes.size(), &iff, &w, &h, &bps, &spp, &cmap);
    const std::string where = pages > 1 ? " (page " + std::to_string(i + 1) + ")" : "";
    if (rc != 0)
      return Status::Error(ErrorCode::kInputUnreadable,
                           std::string("the ") + InputFormatName(format) + " header could not be read" + where);
    if (Status s = CheckPageSize(w, h, where, options); !s.ok()) return s;
  }
  return std::unique_ptr<Document>(std::make_unique<RasterDocument>(std::move(bytes), format, pages, options));
}

}  // namespace hoso

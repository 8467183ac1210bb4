#include "ocr/line_images.h"

#include <atomic>

#include <dlfcn.h>
#include <leptonica/allheaders.h>

namespace hoso {
namespace {

thread_local bool t_plain = false;
std::atomic<long> g_written{0};

}  // namespace

PlainLineImages::PlainLineImages() : was_(t_plain) { t_plain = true; }
PlainLineImages::~PlainLineImages() { t_plain = was_; }

bool WritesPlainLineImages() { return t_plain; }
long PlainLineImagesWritten() { return g_written.load(std::memory_order_relaxed); }

}  // namespace hoso

// Leptonica's pixWriteMem, found before Leptonica's own by every library in
// the process (see line_images.h).
extern "C" l_ok pixWriteMem(l_uint8** pdata, size_t* psize, PIX* pix, l_int32 format) {
  using Write = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);
  static const Write leptonica = reinterpret_cast<Write>(dlsym(RTLD_NEXT, "pixWriteMem"));
  if (leptonica == nullptr) return 1;  // cannot happen in a program linked with Leptonica
  if (format == IFF_PNG && hoso::t_plain && leptonica(pdata, psize, pix, IFF_PNM) == 0) {
    hoso::g_written.fetch_add(1, std::memory_order_relaxed);
    return 0;
  }
  return leptonica(pdata, psize, pix, format);
}

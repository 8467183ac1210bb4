#include "ocr/line_images.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <leptonica/allheaders.h>

namespace hoso {
namespace {

thread_local bool t_plain = false;
std::atomic<long> g_written{0};

// A line image as it lies in memory: this header, then Leptonica's rows of
// 32-bit words.
constexpr char kMagic[8] = {'h', 'o', 's', 'o', 'P', 'I', 'X', '\0'};
struct RawHeader {
  char magic[8];
  int32_t width, height, depth, spp, wpl, xres, yres;
};

template <typename Fn>
Fn Leptonicas(const char* name) {
  return reinterpret_cast<Fn>(dlsym(RTLD_NEXT, name));
}

bool WriteRaw(l_uint8** pdata, size_t* psize, PIX* pix) {
  if (pix == nullptr || pixGetColormap(pix) != nullptr) return false;
  RawHeader h;
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.width = pixGetWidth(pix);
  h.height = pixGetHeight(pix);
  h.depth = pixGetDepth(pix);
  h.spp = pixGetSpp(pix);
  h.wpl = pixGetWpl(pix);
  h.xres = pixGetXRes(pix);
  h.yres = pixGetYRes(pix);
  const size_t bytes = sizeof(l_uint32) * static_cast<size_t>(h.wpl) * static_cast<size_t>(h.height);
  // The caller frees it with lept_free, which is free.
  auto* data = static_cast<l_uint8*>(std::malloc(sizeof h + bytes));
  if (data == nullptr) return false;
  std::memcpy(data, &h, sizeof h);
  std::memcpy(data + sizeof h, pixGetData(pix), bytes);
  *pdata = data;
  *psize = sizeof h + bytes;
  return true;
}

PIX* ReadRaw(const l_uint8* data, size_t size) {
  RawHeader h;
  std::memcpy(&h, data, sizeof h);
  if (h.width <= 0 || h.height <= 0 || h.wpl <= 0) return nullptr;
  if (static_cast<size_t>(h.wpl) > size / 4 || static_cast<size_t>(h.height) > size) return nullptr;
  const size_t bytes = sizeof(l_uint32) * static_cast<size_t>(h.wpl) * static_cast<size_t>(h.height);
  if (size != sizeof h + bytes) return nullptr;
  PIX* pix = pixCreateNoInit(h.width, h.height, h.depth);
  if (pix == nullptr || pixGetWpl(pix) != h.wpl) {
    pixDestroy(&pix);
    return nullptr;
  }
  pixSetSpp(pix, h.spp);
  pixSetResolution(pix, h.xres, h.yres);
  std::memcpy(pixGetData(pix), data + sizeof h, bytes);
  return pix;
}

}  // namespace

PlainLineImages::PlainLineImages() : was_(t_plain) { t_plain = true; }
PlainLineImages::~PlainLineImages() { t_plain = was_; }

bool WritesPlainLineImages() { return t_plain; }
long PlainLineImagesWritten() { return g_written.load(std::memory_order_relaxed); }

}  // namespace hoso

// Leptonica's pixWriteMem and pixReadMem, found before Leptonica's own by
// every library in the process (see line_images.h).
extern "C" l_ok pixWriteMem(l_uint8** pdata, size_t* psize, PIX* pix, l_int32 format) {
  using Write = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);
  static const Write leptonica = hoso::Leptonicas<Write>("pixWriteMem");
  if (format == IFF_PNG && hoso::t_plain && pdata != nullptr && psize != nullptr && hoso::WriteRaw(pdata, psize, pix)) {
    hoso::g_written.fetch_add(1, std::memory_order_relaxed);
    return 0;
  }
  return leptonica != nullptr ? leptonica(pdata, psize, pix, format) : 1;
}

extern "C" PIX* pixReadMem(const l_uint8* data, size_t size) {
  using Read = PIX* (*)(const l_uint8*, size_t);
  static const Read leptonica = hoso::Leptonicas<Read>("pixReadMem");
  // Only where they are written: a file a user gives hoso is never taken
  // for one.
  if (hoso::t_plain && data != nullptr && size >= sizeof(hoso::RawHeader) &&
      std::memcmp(data, hoso::kMagic, sizeof hoso::kMagic) == 0)
    return hoso::ReadRaw(data, size);
  return leptonica != nullptr ? leptonica(data, size) : nullptr;
}

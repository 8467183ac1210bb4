#include "ocr/line_images.h"

#include <gtest/gtest.h>

#include <leptonica/allheaders.h>

#include <string>
#include <thread>

namespace hoso {
namespace {

struct Written {
  l_ok failed = 1;
  std::string bytes;
};

Written Write(PIX* pix, l_int32 format) {
  l_uint8* data = nullptr;
  size_t size = 0;
  Written w;
  w.failed = pixWriteMem(&data, &size, pix, format);
  if (!w.failed) w.bytes.assign(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return w;
}

bool IsPng(const std::string& b) { return b.rfind("\x89PNG", 0) == 0; }

// A line's image as Tesseract cuts it: grey, strokes of several shades.
PIX* GreyLine() {
  PIX* pix = pixCreate(120, 36, 8);
  pixSetAllArbitrary(pix, 255);
  for (int x = 10; x < 110; x += 7)
    for (int y = 8; y < 28; ++y) pixSetPixel(pix, x, y, static_cast<l_uint32>((x * 3 + y) % 200));
  return pix;
}

TEST(PlainLineImages, APngAskedForIsAPngOutsideTheirScope) {
  PIX* pix = GreyLine();
  const Written w = Write(pix, IFF_PNG);
  ASSERT_FALSE(w.failed);
  EXPECT_TRUE(IsPng(w.bytes));
  EXPECT_FALSE(WritesPlainLineImages());
  pixDestroy(&pix);
}

TEST(PlainLineImages, WithinTheirScopeAPngIsAPnmOfTheSamePixels) {
  const long before = PlainLineImagesWritten();
  for (const int depth : {8, 1, 32}) {
    PIX* grey = GreyLine();
    PIX* pix = depth == 8 ? pixClone(grey) : depth == 1 ? pixThresholdToBinary(grey, 128) : pixConvert8To32(grey);
    Written w;
    {
      PlainLineImages plain;
      EXPECT_TRUE(WritesPlainLineImages());
      w = Write(pix, IFF_PNG);
    }
    EXPECT_FALSE(WritesPlainLineImages());
    ASSERT_FALSE(w.failed);
    EXPECT_EQ(w.bytes[0], 'P') << depth << " bits";
    PIX* back = pixReadMem(reinterpret_cast<const l_uint8*>(w.bytes.data()), w.bytes.size());
    ASSERT_NE(back, nullptr);
    l_int32 same = 0;
    pixEqual(pix, back, &same);
    EXPECT_TRUE(same) << depth << " bits";
    pixDestroy(&back);
    pixDestroy(&pix);
    pixDestroy(&grey);
  }
  EXPECT_EQ(PlainLineImagesWritten() - before, 3);
}

TEST(PlainLineImages, OtherFormatsAndOtherThreadsAreWrittenAsAsked) {
  PIX* pix = GreyLine();
  PlainLineImages plain;
  { PlainLineImages nested; }
  EXPECT_TRUE(WritesPlainLineImages()) << "a nested scope leaves the outer one in force";
  const Written tiff = Write(pix, IFF_TIFF);
  ASSERT_FALSE(tiff.failed);
  EXPECT_TRUE(tiff.bytes.rfind("II", 0) == 0 || tiff.bytes.rfind("MM", 0) == 0) << "a TIFF, as asked";
  Written other;
  std::thread([&] { other = Write(pix, IFF_PNG); }).join();
  ASSERT_FALSE(other.failed);
  EXPECT_TRUE(IsPng(other.bytes)) << "the scope is this thread's";
  pixDestroy(&pix);
}

}  // namespace
}  // namespace hoso

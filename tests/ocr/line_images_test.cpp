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

TEST(PlainLineImages, WithinTheirScopeAPngIsACopyOfTheSamePixels) {
  const long before = PlainLineImagesWritten();
  for (const int depth : {8, 1, 32}) {
    PIX* grey = GreyLine();
    PIX* pix = depth == 8 ? pixClone(grey) : depth == 1 ? pixThresholdToBinary(grey, 128) : pixConvert8To32(grey);
    pixSetResolution(pix, 300, 300);
    Written w;
    PIX* back = nullptr;
    {
      PlainLineImages plain;
      EXPECT_TRUE(WritesPlainLineImages());
      w = Write(pix, IFF_PNG);
      ASSERT_FALSE(w.failed);
      EXPECT_FALSE(IsPng(w.bytes)) << depth << " bits";
      back = pixReadMem(reinterpret_cast<const l_uint8*>(w.bytes.data()), w.bytes.size());
      // Cut short, it is refused, not read past its end.
      EXPECT_EQ(pixReadMem(reinterpret_cast<const l_uint8*>(w.bytes.data()), w.bytes.size() - 1), nullptr);
    }
    EXPECT_FALSE(WritesPlainLineImages());
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(pixGetXRes(back), 300);
    // Outside the scope, such a copy is not an image Leptonica knows.
    EXPECT_EQ(pixReadMem(reinterpret_cast<const l_uint8*>(w.bytes.data()), w.bytes.size()), nullptr);
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
  PIX* mapped = pixConvertGrayToColormap(pix);
  ASSERT_NE(pixGetColormap(mapped), nullptr);
  const Written png = Write(mapped, IFF_PNG);
  ASSERT_FALSE(png.failed);
  EXPECT_TRUE(IsPng(png.bytes)) << "an image with a colour map is Leptonica's to write";
  pixDestroy(&mapped);
  Written other;
  std::thread([&] { other = Write(pix, IFF_PNG); }).join();
  ASSERT_FALSE(other.failed);
  EXPECT_TRUE(IsPng(other.bytes)) << "the scope is this thread's";
  pixDestroy(&pix);
}

}  // namespace
}  // namespace hoso

#include "ocr/noise_lines.h"

#include <gtest/gtest.h>

#include <sstream>
#include <utility>
#include <vector>

namespace hoso {
namespace {

OcrLine Line(std::vector<std::pair<std::string, double>> words) {
  OcrLine line;
  for (auto& [text, confidence] : words) line.words.push_back(OcrWord{text, Box{}, confidence});
  return line;
}

TEST(NoiseLines, StrokesAndUnreadableSpeckleAreNoise) {
  EXPECT_TRUE(IsNoiseLine(Line({{"——", 0.81}})));
  EXPECT_TRUE(IsNoiseLine(Line({{"——", 0.5}, {"TT", 0.4}, {"—<`—=—<_", 0.3}})));
  EXPECT_TRUE(IsNoiseLine(Line({{"„đổ", 0.05}, {"WEupem-", 0.1}, {"xe", 0.0}})));
  EXPECT_TRUE(IsNoiseLine(Line({{"SGRUENEEEP", 0.02}, {"„ươm", 0.3}, {"SA", 0.45}})));
  EXPECT_TRUE(IsNoiseLine(Line({{"vì", 0.82}, {"na", 0.12}, {"sZ", 0.0}, {"(UU/L_", 0.0}, {"~", 0.47}})))
      << "a stamp's rim with one short word read fairly";
  EXPECT_TRUE(IsNoiseLine(Line({{" ", 0.9}}))) << "a blank read out of a smudge";
}

TEST(NoiseLines, TextStaysEvenWhenDamaged) {
  EXPECT_FALSE(IsNoiseLine(Line({{"1.", 0.95}, {"Họ", 0.96}, {"và", 0.96}, {"tên:", 0.95}})));
  EXPECT_FALSE(IsNoiseLine(Line({{"0912.345.678", 0.9}})));
  EXPECT_FALSE(IsNoiseLine(Line({{"ø.", 0.1}, {"SỐ", 0.5}, {"CC):", 0.3}, {"092197117936", 0.62}})))
      << "a damaged line with one fair word";
  EXPECT_FALSE(IsNoiseLine(Line({{"Phạm", 0.96}, {"Thanh", 0.11}}))) << "a name crossed by a signature";
  EXPECT_FALSE(IsNoiseLine(Line({{"Nguyễn", 0.7}, {"Ván", 0.2}, {"Ảnh,", 0.1}, {"x", 0.05}})))
      << "a blurred line, half of it read fairly";
  EXPECT_FALSE(IsNoiseLine(Line({{"(Ký,", 0.9}, {"ghi", 0.95}, {"rõ", 0.95}, {"họ", 0.95}, {"tên)", 0.9}})));
  EXPECT_FALSE(IsNoiseLine(Line({})));
}

TEST(NoiseLines, DroppedFromTheLinesAndTheText) {
  OcrPage page;
  page.text = "original";
  page.blocks.resize(2);
  page.blocks[0].lines = {Line({{"Người", 0.95}, {"kê", 0.9}, {"khai", 0.95}}), Line({{"—=—<_", 0.2}})};
  page.blocks[1].lines = {Line({{"„đổ", 0.05}, {"xe", 0.0}})};
  DropNoiseLines(page);
  ASSERT_EQ(page.blocks.size(), 1u);
  ASSERT_EQ(page.blocks[0].lines.size(), 1u);
  EXPECT_EQ(page.text, "Người kê khai\n\n");
  OcrPage clean;
  clean.text = "kept as Tesseract wrote it";
  clean.blocks.resize(1);
  clean.blocks[0].lines = {Line({{"Hà", 0.95}, {"Nội", 0.95}})};
  DropNoiseLines(clean);
  EXPECT_EQ(clean.text, "kept as Tesseract wrote it");
}

}  // namespace
}  // namespace hoso

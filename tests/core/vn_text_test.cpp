#include <gtest/gtest.h>

#include "core/vn_text.h"

namespace hoso::vn {
namespace {

TEST(VnText, DecomposedInputComposes) {
  // "Hồng Hà" written with combining marks (NFD: o + circumflex + grave).
  const std::string nfd = "Ho\xCC\x82\xCC\x80ng Ha\xCC\x80";
  EXPECT_EQ(Nfc(nfd), "Hồng Hà");
  EXPECT_EQ(Nfc("Phường Phúc Xá"), "Phường Phúc Xá");
}

TEST(VnText, LowerCaseKeepsTheMarks) { EXPECT_EQ(Lower("PHƯỜNG ĐỒNG XUÂN"), "phường đồng xuân"); }

TEST(VnText, KeysAgreeAcrossCaseTonePlacementAndForm) {
  EXPECT_EQ(MakeKey("Hòa Bình").Toned(), MakeKey("HOÀ BÌNH").Toned());
  EXPECT_EQ(MakeKey("Thủy").Toned(), MakeKey("Thuỷ").Toned());
  EXPECT_EQ(MakeKey("Ho\xCC\x82\xCC\x80ng Ha\xCC\x80").Toned(), MakeKey("Hồng Hà").Toned());
  EXPECT_EQ(MakeKey("Đống Đa").Ascii(), "dong da");
  EXPECT_NE(MakeKey("Hồng Hà").Toned(), MakeKey("Hồng Hải").Toned());
}

TEST(VnText, NumbersLoseLeadingZerosAndPunctuationSplitsWords) {
  EXPECT_EQ(MakeKey("Phường 05").Ascii(), "phuong 5");
  EXPECT_EQ(MakeKey("P.5").Ascii(), "p 5");
  EXPECT_EQ(MakeKey("105").Ascii(), "105");
  EXPECT_EQ(MakeKey(" Mỹ  Đình-1 ").Ascii(), "my dinh 1");
}

TEST(VnText, MarkDistanceCountsToneAndShapeErrors) {
  const Key name = MakeKey("Phúc Xá");
  EXPECT_EQ(MarkDistance(MakeKey("Phúc Xá"), name), 0);
  EXPECT_EQ(MarkDistance(MakeKey("Phuc Xa"), name), 0) << "no marks written: nothing to hold against";
  EXPECT_EQ(MarkDistance(MakeKey("Phúc Xà"), name), 1) << "one tone wrong";
  EXPECT_EQ(MarkDistance(MakeKey("Phúc Xả"), name), 1);
  EXPECT_EQ(MarkDistance(MakeKey("Phúc Hà"), name), -1) << "other letters";
  // OCR's circumflex tone confusion (ế/ể) and the lost horn (ư/u).
  EXPECT_EQ(MarkDistance(MakeKey("Kiểm"), MakeKey("Kiếm")), 1);
  EXPECT_EQ(MarkDistance(MakeKey("Phuờng"), MakeKey("Phường")), 1);
  EXPECT_EQ(MarkDistance(MakeKey("Dống Đa"), MakeKey("Đống Đa")), 1);
}

TEST(VnText, EditDistance) {
  EXPECT_EQ(AsciiEditDistance("phuc xa", "phuc xa"), 0);
  EXPECT_EQ(AsciiEditDistance("phuc xa", "phue xa"), 1);
  EXPECT_EQ(AsciiEditDistance("", "abc"), 3);
}

TEST(VnText, InvalidBytesDoNotStopDecoding) {
  const std::string bad = std::string("Ph") + '\xFF' + "uc";
  EXPECT_EQ(MakeKey(bad).Ascii(), "ph uc");
}

}  // namespace
}  // namespace hoso::vn

#include "core/text_metrics.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

TEST(TextMetrics, CountsCodePointsNotBytes) {
  // One wrong tone mark is one error, though "ế" and "ề" are 3 bytes each.
  EXPECT_DOUBLE_EQ(CharacterErrorRate("tiếng", "tiềng"), 1.0 / 5);
  EXPECT_DOUBLE_EQ(CharacterErrorRate("tiếng", "tiếng"), 0.0);
}

TEST(TextMetrics, NormalisesLeadersAndSpaces) {
  EXPECT_EQ(NormalizeForScoring("  Họ và tên: An ........\n\n 2.  Ngày"), "Họ và tên: An 2. Ngày");
  EXPECT_EQ(NormalizeForScoring("a . . . . b…c"), "a b c");
  EXPECT_EQ(NormalizeForScoring("Q.3, P.5"), "Q.3, P.5") << "abbreviation dots stay";
}

TEST(TextMetrics, EditDistanceIsLevenshtein) {
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3u);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3u);
}

TEST(TextMetrics, EmptyTruth) {
  EXPECT_DOUBLE_EQ(CharacterErrorRate("", ""), 0.0);
  EXPECT_DOUBLE_EQ(CharacterErrorRate("", "noise"), 1.0);
}

TEST(TextMetrics, WordRecallIsAMultiset) {
  EXPECT_DOUBLE_EQ(WordRecall("the the cat", "the cat dog"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(WordRecall("Hồng Hà", "hồng Hà"), 0.5);
}

TEST(TextMetrics, Utf8RoundTrip) {
  const std::string s = "Đặng Đình Quân 𝔸";
  EXPECT_EQ(U32ToUtf8(Utf8ToU32(s)), s);
  EXPECT_EQ(Utf8ToU32("\xFF").size(), 1u) << "invalid bytes become U+FFFD, not a crash";
}

}  // namespace
}  // namespace hoso

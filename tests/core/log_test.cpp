#include "core/log.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

TEST(Mask, HidesTheMiddleOfIdNumbers) { EXPECT_EQ(Mask("079203001234"), "0792******34"); }

TEST(Mask, HidesNamesLetterByLetter) {
  EXPECT_EQ(Mask("Nguyễn Văn An"), "N***** V** A*");
  EXPECT_EQ(Mask("Đặng Thị Hoa"), "Đ*** T** H**") << "a multi-byte initial stays whole";
}

TEST(Mask, ShortValuesAreHiddenWhole) { EXPECT_EQ(Mask("An"), "**"); }

}  // namespace
}  // namespace hoso

#include "core/vietnam_time.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

// Vietnam keeps UTC+7 all year: its day begins at 17:00 UTC the day before.
TEST(VietnamTime, DaysBeginSevenHoursBeforeUtcs) {
  EXPECT_EQ(VietnamDayStartUtc("2026-12-03"), "2026-12-02T17:00:00Z");
  EXPECT_EQ(VietnamDayStartUtc("2026-12-31", 1), "2026-12-31T17:00:00Z") << "the next day, a year's end";
  EXPECT_EQ(VietnamDayStartUtc("2028-03-01"), "2028-02-29T17:00:00Z") << "a leap year's February";
  for (const char* no : {"", "2026-02-30", "2026-13-01", "3/12/2026", "2026-12-03T00:00:00Z"})
    EXPECT_EQ(VietnamDayStartUtc(no), "") << no;
}

TEST(VietnamTime, StoredTimesAsVietnamReadsThem) {
  EXPECT_EQ(VietnamTime("2026-12-02T23:40:00Z"), "2026-12-03T06:40:00+07:00");
  EXPECT_EQ(VietnamTime("not a time"), "not a time");
  const auto late = ParseUtc("2026-12-02T18:30:00Z");
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(VietnamDay(*late), "2026-12-03") << "half past one in the morning in Hà Nội";
  const auto hour = ParseUtc("2026-12-02T16");  // the hour alone, as the dashboard groups them
  ASSERT_TRUE(hour.has_value());
  EXPECT_EQ(VietnamDay(*hour), "2026-12-02");
  EXPECT_FALSE(ParseUtc("2026-02-30T10:00:00Z").has_value());
}

}  // namespace
}  // namespace hoso

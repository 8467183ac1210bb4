#include "extract/extract.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

TEST(PlaceDate, ReadsTheFormsDateLine) {
  EXPECT_EQ(FindPlaceDate("Hà Nội, ngày 05 tháng 7 năm 2025"), "2025-07-05");
  EXPECT_EQ(FindPlaceDate("TP. Hồ Chí Minh, ngày 9 tháng 12 năm 2024\nNGƯỜI KÊ KHAI"), "2024-12-09");
  EXPECT_EQ(FindPlaceDate("HUẾ, NGÀY 18 THÁNG 5 NĂM 2026"), "2026-05-18");
  EXPECT_EQ(FindPlaceDate("Ha Noi, ngay 1 thang 2 nam 2025"), "2025-02-01") << "without tone marks";
  EXPECT_EQ(FindPlaceDate("ngày05tháng7năm2025"), "2025-07-05") << "OCR lost the spaces";
}

TEST(PlaceDate, TakesTheLastDateOnThePage) {
  EXPECT_EQ(FindPlaceDate("cấp ngày 01 tháng 01 năm 2020 ... Hà Nội, ngày 05 tháng 7 năm 2025"), "2025-07-05");
}

TEST(PlaceDate, RefusesDatesThatDoNotExist) {
  EXPECT_EQ(FindPlaceDate("ngày 31 tháng 2 năm 2025"), std::nullopt);
  EXPECT_EQ(FindPlaceDate("ngày 29 tháng 2 năm 2023"), std::nullopt);
  EXPECT_EQ(FindPlaceDate("ngày 29 tháng 2 năm 2024"), "2024-02-29");
  EXPECT_EQ(FindPlaceDate("no date here"), std::nullopt);
}

TEST(Extract, DocumentDateFromTheFirstPageThatHasOne) {
  OcrPage blank, form;
  form.text = "TỜ KHAI\nĐà Nẵng, ngày 04 tháng 4 năm 2025\n";
  const DossierDraft d = Extract({blank, form}, {});
  EXPECT_EQ(d.doc_date, "2025-04-04");
}

}  // namespace
}  // namespace hoso

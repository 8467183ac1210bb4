#include "extract/normalize.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

TEST(Normalize, DatesInEveryWrittenForm) {
  EXPECT_EQ(NormalizeDate("05/07/2025"), "2025-07-05");
  EXPECT_EQ(NormalizeDate("5-7-2025"), "2025-07-05");
  EXPECT_EQ(NormalizeDate("05.07.2025"), "2025-07-05");
  EXPECT_EQ(NormalizeDate("ngày 05 tháng 7 năm 2025"), "2025-07-05");
  EXPECT_EQ(NormalizeDate("NGAY 5 THANG 07 NAM 2025"), "2025-07-05");
  EXPECT_EQ(NormalizeDate("22/O9/1952"), "1952-09-22") << "O read for 0";
  EXPECT_EQ(NormalizeDate("22 / 09 / 1952"), "1952-09-22");
  EXPECT_EQ(NormalizeDate("31/02/2001"), std::nullopt);
  EXPECT_EQ(NormalizeDate("sometime"), std::nullopt);
}

TEST(Normalize, Gender) {
  EXPECT_EQ(NormalizeGender("Nam"), "male");
  EXPECT_EQ(NormalizeGender("Nữ"), "female");
  EXPECT_EQ(NormalizeGender("NU"), "female");
  EXPECT_EQ(NormalizeGender("Nữ."), "female");
  EXPECT_EQ(NormalizeGender("khác"), std::nullopt);
}

TEST(Normalize, IdNumbersInGroups) {
  EXPECT_EQ(NormalizeIdNumber("038 052 082 995").digits, "038052082995");
  EXPECT_TRUE(NormalizeIdNumber("038.052.082.995").citizen_id);
  EXPECT_EQ(NormalizeIdNumber("0380520829O5").digits, "038052082905");
  // A speck after the leader dots is not a 13th digit.
  EXPECT_EQ(NormalizeIdNumber("079195989818.........3").digits, "079195989818");
  EXPECT_TRUE(NormalizeIdNumber("079195989818 ..... 3").citizen_id);
  // But a real 13-digit reading stays wrong (the check says so).
  EXPECT_EQ(NormalizeIdNumber("0791959898183").digits, "0791959898183");
  EXPECT_FALSE(NormalizeIdNumber("0791959898183").citizen_id);
  const IdNumber old = NormalizeIdNumber("012 345 678");
  EXPECT_TRUE(old.old_id);
  EXPECT_FALSE(old.citizen_id);
}

TEST(Normalize, Phones) {
  EXPECT_EQ(NormalizePhone("0915.663.557"), "0915663557");
  EXPECT_EQ(NormalizePhone("0987 548 008"), "0987548008");
  EXPECT_EQ(NormalizePhone("+84 915 663 557"), "0915663557");
  EXPECT_EQ(NormalizePhone("84915663557"), "0915663557");
  EXPECT_EQ(NormalizePhone("12345"), std::nullopt);
}

TEST(Normalize, NamesTitleCasedAndToneMarksCorrected) {
  auto names = NameList::Load(NameList::DefaultDir());
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  EXPECT_GT(names->size(), 200u);
  EXPECT_EQ(NormalizeName("NGUYỄN VĂN AN", &*names), "Nguyễn Văn An");
  EXPECT_EQ(NormalizeName("Nguyên Văn An", &*names), "Nguyễn Văn An") << "the one family name with those letters";
  EXPECT_EQ(NormalizeName("Trân Thị Loan", &*names), "Trần Thị Loan");
  EXPECT_EQ(NormalizeName("Ñguyễn Kim Linh", &*names), "Nguyễn Kim Linh") << "a mark Vietnamese never writes";
  EXPECT_EQ(NormalizeName("Phạm  Thị  Nhung.", &*names), "Phạm Thị Nhung");
  // A double family name: the second is kept, not taken for a given name
  // misread ("Nguyên").
  EXPECT_EQ(NormalizeName("TRẦN NGUYỄN MINH THÀNH", &*names), "Trần Nguyễn Minh Thành");
  // Not enough evidence: an unknown word is left as read.
  EXPECT_EQ(NormalizeName("Lê Xyz", &*names), "Lê Xyz");
}

TEST(Normalize, CleanValueDropsLeadersAndEdges) {
  EXPECT_EQ(CleanValue(": Tạp hóa Minh Anh ......................"), "Tạp hóa Minh Anh");
  EXPECT_EQ(CleanValue("  thôn 10,  xã Phú Mỹ . . . . . ."), "thôn 10, xã Phú Mỹ");
}

}  // namespace
}  // namespace hoso

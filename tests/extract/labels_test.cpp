// Labels read by their meaning: the head words say the field, the
// qualifiers whose it is; wordings of forms hoso has no template for.
#include "extract/labels.h"

#include <gtest/gtest.h>

#include "extract/reader.h"

namespace hoso {
namespace {

std::string KeyOf(const std::string& label) {
  const LabelMeaning m = UnderstandLabel(AsciiTokens(label));
  if (m.field.empty()) return "";
  return FieldKey(m.field, m.field == "relationship" ? Whose::kApplicant : m.whose.value_or(Whose::kApplicant));
}

TEST(Labels, TheApplicantsFieldsInManyWordings) {
  for (const char* l : {"Họ và tên", "Họ, chữ đệm và tên", "HỌ VÀ TÊN", "Họ tên người yêu cầu",
                        "Họ và tên người đề nghị", "Họ, chữ đệm, tên người khai", "Tên người viết đơn", "Ho va ten"})
    EXPECT_EQ(KeyOf(l), "full_name") << l;
  for (const char* l : {"Ngày, tháng, năm sinh", "Sinh ngày", "Ngày sinh", "Năm sinh", "Ngay thang nam sinh"})
    EXPECT_EQ(KeyOf(l), "date_of_birth") << l;
  for (const char* l : {"Số định danh cá nhân", "Số CCCD", "Số CMND/CCCD", "Số căn cước", "Số hộ chiếu",
                        "Giấy tờ tùy thân", "Số chứng minh nhân dân"})
    EXPECT_EQ(KeyOf(l), "id_number") << l;
  for (const char* l : {"Nơi thường trú", "Địa chỉ thường trú", "Nơi đăng ký thường trú", "Nơi cư trú", "Địa chỉ"})
    EXPECT_EQ(KeyOf(l), "permanent_address") << l;
  for (const char* l : {"Điện thoại", "Số điện thoại liên hệ", "SĐT", "Điện thoại di động"})
    EXPECT_EQ(KeyOf(l), "phone") << l;
  EXPECT_EQ(KeyOf("Giới tính"), "gender");
}

TEST(Labels, AddressesAreToldApart) {
  EXPECT_EQ(KeyOf("Nơi tạm trú"), "temporary_address");
  EXPECT_EQ(KeyOf("Nơi ở hiện tại"), "current_address");
  EXPECT_EQ(KeyOf("Địa chỉ liên hệ"), "contact_address");
  EXPECT_EQ(KeyOf("Nơi sinh"), "birth_place");
  EXPECT_EQ(KeyOf("Quê quán"), "hometown");
  EXPECT_EQ(KeyOf("Địa chỉ email"), "email");
}

TEST(Labels, OtherPeopleHaveTheirOwnKeys) {
  EXPECT_EQ(KeyOf("Họ, chữ đệm và tên chủ hộ"), "household_head_name");
  EXPECT_EQ(KeyOf("Số định danh cá nhân của chủ hộ"), "household_head_id_number");
  EXPECT_EQ(KeyOf("Họ, chữ đệm, tên người mẹ"), "mother_name");
  EXPECT_EQ(KeyOf("Họ và tên cha"), "father_name");
  EXPECT_EQ(KeyOf("Họ tên người đại diện"), "representative_name");
  EXPECT_EQ(KeyOf("Người đại diện theo pháp luật"), "representative_name");
  EXPECT_EQ(KeyOf("Chủ hộ"), "household_head_name");
  EXPECT_EQ(KeyOf("Họ, chữ đệm, tên người được khai sinh"), "child_name");
  // A relationship is the applicant's, whoever it is with.
  EXPECT_EQ(KeyOf("Quan hệ với chủ hộ"), "relationship");
  EXPECT_EQ(KeyOf("Quan hệ với người được khai sinh"), "relationship");
}

TEST(Labels, WhatIsNoPersonsField) {
  for (const char* l : {"Tên hộ kinh doanh", "Kính gửi", "Nội dung đề nghị", "Thửa đất số", "Mục đích sử dụng đất",
                        "Ngành, nghề kinh doanh", "Số sổ hộ khẩu", "Số hộ khẩu"})
    EXPECT_EQ(KeyOf(l), "") << l;
}

TEST(Labels, HeadingsSayWhoseFieldsFollow) {
  EXPECT_EQ(HeadingPerson(AsciiTokens("Thông tin về mẹ")), Whose::kMother);
  EXPECT_EQ(HeadingPerson(AsciiTokens("PHẦN KÊ KHAI VỀ CHA")), Whose::kFather);
  EXPECT_EQ(HeadingPerson(AsciiTokens("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây")), Whose::kChild);
  // A lone "Mê" in a place is no mother.
  EXPECT_EQ(HeadingPerson(AsciiTokens("xã Mê Linh, thành phố Hà Nội")), std::nullopt);
}

TEST(Labels, ANameOpeningWithAPersonsWords) {
  size_t words = 0;
  EXPECT_EQ(LeadingPerson(AsciiTokens("người đề nghị Vũ Phương Tuyết"), 2, &words), Whose::kApplicant);
  EXPECT_EQ(words, 3u);
  EXPECT_EQ(LeadingPerson(AsciiTokens("chủ hộ Lê Văn Tám"), 2), Whose::kHouseholdHead);
  EXPECT_EQ(LeadingPerson(AsciiTokens("Võ Thị Hoa"), 2), std::nullopt) << "Võ is a family name, not vợ";
}

}  // namespace
}  // namespace hoso

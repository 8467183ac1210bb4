// Field reading on OCR lines built by hand (words with boxes): the labels'
// variants, values beside or below their labels, OCR damage, ID copies.
#include <gtest/gtest.h>

#include <sstream>

#include "extract/extract.h"
#include "extract/reader.h"
#include "extract/test_pages.h"

namespace hoso {
namespace {

using test::Options;
using test::PageOf;

const std::vector<std::string> kLandForm = {
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ĐƠN ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN",
    "GẮN LIỀN VỚI ĐẤT",
    "Kính gửi: Ủy ban nhân dân xã Thăng Phú",
    "1. Họ và tên: NGUYỄN THỊ LOAN ..........................",
    "2. Ngày, tháng, năm sinh: 22/09/1952 Giới tính: Nữ ...........",
    "3. Số căn cước công dân: 045 152 273 027 ..................",
    "4. Nơi thường trú: ấp 1, xã Bình Quế, huyện Thăng Bình, ..",
    "tỉnh Quảng Nam ...........................",
    "5. Điện thoại: 0770.401.985 ..................",
    "6. Thửa đất số: 813 Tờ bản đồ số: 18 ..............",
    "7. Mục đích sử dụng đất: Đất ở tại đô thị",
    "Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật",
    "Huế, ngày 01 tháng 9 năm 2026",
};

TEST(Extract, LandFormEveryField) {
  const DossierDraft d = Extract({PageOf(kLandForm)}, Options());
  EXPECT_EQ(d.doc_type, "land_registration");
  EXPECT_EQ(d.doc_date, "2026-09-01");
  EXPECT_EQ(d.fields.at("full_name").value, "Nguyễn Thị Loan");
  EXPECT_EQ(d.fields.at("date_of_birth").value, "1952-09-22");
  EXPECT_EQ(d.fields.at("gender").value, "female");
  EXPECT_EQ(d.fields.at("id_number").value, "045152273027");
  EXPECT_EQ(d.fields.at("permanent_address").value, "ấp 1, xã Bình Quế, huyện Thăng Bình, tỉnh Quảng Nam");
  EXPECT_EQ(d.fields.at("phone").value, "0770401985");
  EXPECT_EQ(d.fields.at("parcel_number").value, "813");
  EXPECT_EQ(d.fields.at("map_sheet").value, "18");
  EXPECT_TRUE(d.flags.empty()) << d.flags[0].code;
  // Where each value was: its page, its words' box, their confidence.
  const FieldValue& name = d.fields.at("full_name");
  EXPECT_EQ(name.page, 0);
  EXPECT_FALSE(name.bbox.empty());
  EXPECT_NEAR(name.confidence, 0.9, 1e-9);
}

TEST(Extract, LabelsDamagedByOcrAndOtherVariants) {
  const DossierDraft d =
      Extract({PageOf({"TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", "1. Ho, chủ đệm và tén: Lê Văn Hùng",
                       "2. Ngày, thang, năm sinh: 3-4-1988 Giới tinh: Nam", "3. Số CMND/CCCD: 001.088.012.345",
                       "4. Nơi cu trú: Số 18, ngõ 42 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội",
                       "5. Số điện thoại liên hệ: +84 912 345 678"})},
              Options());
  EXPECT_EQ(d.doc_type, "residence_change");
  EXPECT_EQ(d.fields.at("full_name").value, "Lê Văn Hùng");
  EXPECT_EQ(d.fields.at("date_of_birth").value, "1988-04-03");
  EXPECT_EQ(d.fields.at("gender").value, "male");
  EXPECT_EQ(d.fields.at("id_number").value, "001088012345");
  EXPECT_EQ(d.fields.at("permanent_address").value, "Số 18, ngõ 42 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội");
  EXPECT_EQ(d.fields.at("phone").value, "0912345678");
}

const std::vector<std::string> kCard = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Độc lập - Tự do - Hạnh phúc",
                                        "CĂN CƯỚC CÔNG DÂN",
                                        "Số định danh cá nhân: 045152273027",
                                        "Họ, chữ đệm và tên / Full name:",
                                        "NGUYỄN THỊ LOAN",
                                        "Ngày sinh / Date of birth: 22/09/1952",
                                        "Giới tính / Sex: Nữ",
                                        "Quốc tịch / Nationality: Việt Nam",
                                        "Nơi thường trú / Place of residence:",
                                        "ấp 1, xã Bình Quế, huyện Thăng Bình, tỉnh",
                                        "Quảng Nam"};

TEST(Extract, IdCopyAloneIsACitizenIdDossier) {
  const DossierDraft d = Extract({PageOf(kCard)}, Options());
  EXPECT_EQ(d.doc_type, "citizen_id");
  EXPECT_EQ(d.fields.at("id_number").value, "045152273027");
  EXPECT_EQ(d.fields.at("full_name").value, "Nguyễn Thị Loan") << "value on the line below its label";
  EXPECT_EQ(d.fields.at("date_of_birth").value, "1952-09-22");
  EXPECT_EQ(d.fields.at("gender").value, "female");
  EXPECT_EQ(d.fields.at("permanent_address").value, "ấp 1, xã Bình Quế, huyện Thăng Bình, tỉnh Quảng Nam");
}

TEST(Extract, IdCopyFillsTheFormAndContradictsIt) {
  std::vector<std::string> form = kLandForm;
  form[7] = "3. Số căn cước công dân: ..........................";  // left empty on the form
  form[5] = "1. Họ và tên: NGUYỄN THỊ LAN";                         // not the card's name
  const DossierDraft d = Extract({PageOf(form), OcrPage{}, PageOf(kCard)}, Options());
  EXPECT_EQ(d.doc_type, "land_registration") << "the form is the main document";
  EXPECT_EQ(d.fields.at("id_number").value, "045152273027");
  EXPECT_EQ(d.fields.at("id_number").page, 2) << "read on the ID copy";
  ASSERT_EQ(d.flags.size(), 1u);
  EXPECT_EQ(d.flags[0].code, "FIELD_CONFLICT");
  EXPECT_EQ(d.flags[0].field, "full_name");
}

TEST(Extract, OcrSlipsInTheNameAreMendedFromTheIdCopyNotFlagged) {
  std::vector<std::string> form = kLandForm, card = kCard;
  form[5] = "1. Họ và tên: Ng Thị Loạn";  // "Ngô" lost its ô, "Loan" gained a dot
  card[5] = "NGÔ THỊ LOAN";
  const DossierDraft d = Extract({PageOf(form), PageOf(card)}, Options());
  EXPECT_EQ(d.fields.at("full_name").value, "Ngô Thị Loan");
  for (const auto& f : d.flags) EXPECT_NE(f.code, "FIELD_CONFLICT");
}

TEST(Extract, RequiredFieldMissingIsFlagged) {
  const DossierDraft d = Extract({PageOf({"TỜ KHAI ĐĂNG KÝ KHAI SINH", "1. Họ và tên: Trần Văn Nam",
                                          "2. Ngày, tháng, năm sinh: 01/01/1990 Giới tính: Nam"})},
                                 Options());
  EXPECT_EQ(d.doc_type, "birth_registration");
  std::set<std::string> missing;
  for (const auto& f : d.flags)
    if (f.code == "FIELD_MISSING") missing.insert(f.field);
  EXPECT_EQ(missing, (std::set<std::string>{"id_number", "permanent_address"}));
}

TEST(Extract, UnknownPagesGiveAnUnknownType) {
  const DossierDraft d = Extract({PageOf({"Hello world", "Nothing to see"})}, Options());
  EXPECT_EQ(d.doc_type, "unknown");
  ASSERT_FALSE(d.flags.empty());
  EXPECT_EQ(d.flags[0].code, "DOC_TYPE_UNKNOWN");
}

TEST(Templates, EveryTypeLoadsWithItsFields) {
  auto t = Templates::Load(Templates::DefaultDir());
  ASSERT_TRUE(t.ok());
  for (const char* type : {"land_registration", "business_household_registration", "residence_change",
                           "birth_registration", "citizen_id"}) {
    const DocTemplate* d = (*t)->Find(type);
    ASSERT_NE(d, nullptr) << type;
    EXPECT_FALSE(d->titles.empty());
    bool has_id = false;
    for (const auto& f : d->fields) has_id = has_id || f.key == "id_number";
    EXPECT_TRUE(has_id) << type;
  }
}

// The forms the legal texts print name their source; a field the form does
// not print is not required of it.
TEST(Templates, OfficialFormsNameTheirSource) {
  auto t = Templates::Load(Templates::DefaultDir());
  ASSERT_TRUE(t.ok());
  EXPECT_NE((*t)->Find("residence_change")->source.find("66/2023/TT-BCA"), std::string::npos);
  const DocTemplate* birth = (*t)->Find("birth_registration");
  EXPECT_NE(birth->source.find("04/2020/TT-BTP"), std::string::npos);
  for (const auto& f : birth->fields) {
    if (f.key == "date_of_birth" || f.key == "gender") { EXPECT_FALSE(f.required) << f.key; }
    if (f.key == "full_name" || f.key == "id_number") { EXPECT_TRUE(f.required) << f.key; }
  }
  for (const auto& f : (*t)->Find("land_registration")->fields) {
    if (f.key == "date_of_birth") { EXPECT_TRUE(f.required) << "other forms still ask for it"; }
  }
}

}  // namespace
}  // namespace hoso

// Forms read by what their labels mean: wordings and arrangements no
// template lists, other people on the same page, headings that say whose
// fields follow, the name under the signature, and every labelled value
// kept.
#include "extract/meaning.h"

#include "address/address.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "extract/extract.h"
#include "extract/test_pages.h"

namespace hoso {
namespace {

using test::Options;
using test::PageOf;

std::string Value(const DossierDraft& d, const std::string& key) {
  auto it = d.fields.find(key);
  return it == d.fields.end() ? "(none)" : it->second.value;
}

bool Flagged(const DossierDraft& d, const std::string& code, const std::string& field) {
  for (const Flag& f : d.flags)
    if (f.code == code && f.field == field) return true;
  return false;
}

// Addresses told by the gazetteer, as the pipeline tells them.
ExtractOptions WithGazetteer() {
  ExtractOptions options = Options();
  auto gazetteer = Gazetteer::Load(Gazetteer::DefaultDir());
  EXPECT_TRUE(gazetteer.ok());
  std::shared_ptr<const Gazetteer> g = std::move(gazetteer).value();
  options.is_address = [g](const std::string& text) {
    const ParsedAddress a = ParseAddress(text, *g);
    return !a.commune.empty() && !a.commune.from_street && !a.province.empty();
  };
  return options;
}

TEST(Meaning, TheApplicantIsNeverGivenAnotherPersonsName) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "Kính gửi: Công an phường Hồng Hà",
                                     "1. Họ và tên người đề nghị: Vũ Phương Tuyết",
                                     "2. Ngày sinh: 03/04/1988 ........ Giới tính: Nữ",
                                     "3. Số định danh cá nhân: 001188012345",
                                     "4. Nơi đăng ký thường trú: số 5 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội",
                                     "5. Số ĐT: 0912 345 678 ....... Email: tuyet@gmail.com",
                                     "6. Họ, chữ đệm và tên chủ hộ: Lê Văn Tuấn",
                                     "7. Mối quan hệ với chủ hộ: Vợ",
                                     "8. Số định danh cá nhân của chủ hộ: 001085099887",
                                     "9. Người đại diện theo pháp luật: Trần Minh Quân",
                                     "10. Nội dung đề nghị: Đăng ký thường trú",
                                 })},
                                 Options());
  EXPECT_EQ(d.doc_type, "residence_change");
  EXPECT_EQ(Value(d, "full_name"), "Vũ Phương Tuyết");
  EXPECT_EQ(Value(d, "date_of_birth"), "1988-04-03");
  EXPECT_EQ(Value(d, "gender"), "female");
  EXPECT_EQ(Value(d, "id_number"), "001188012345");
  EXPECT_EQ(Value(d, "permanent_address"), "số 5 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội");
  EXPECT_EQ(Value(d, "phone"), "0912345678");
  EXPECT_EQ(Value(d, "email"), "tuyet@gmail.com");
  EXPECT_EQ(Value(d, "household_head_name"), "Lê Văn Tuấn");
  EXPECT_EQ(Value(d, "household_head_id_number"), "001085099887");
  EXPECT_EQ(Value(d, "relationship"), "Vợ");
  EXPECT_EQ(Value(d, "representative_name"), "Trần Minh Quân");
  EXPECT_FALSE(Flagged(d, "FIELD_MISSING", "full_name"));
  // What no field took is kept, label as printed.
  bool request = false, addressee = false;
  for (const OtherValue& o : d.other) {
    request |= o.label == "Nội dung đề nghị" && o.value == "Đăng ký thường trú";
    addressee |= o.label == "Kính gửi" && o.value == "Công an phường Hồng Hà";
    EXPECT_EQ(o.page, 0);
    EXPECT_GT(o.bbox.w, 0);
  }
  EXPECT_TRUE(request);
  EXPECT_TRUE(addressee);
}

TEST(Meaning, HeadingsAndNamedPeopleSayWhoseFieldsFollow) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI ĐĂNG KÝ KHAI SINH",
                                     "Họ, chữ đệm, tên người yêu cầu: Phạm Thị Mai",
                                     "Nơi cư trú: thôn 2, xã Hải Hậu, tỉnh Ninh Bình",
                                     "Quan hệ với người được khai sinh: Mẹ",
                                     "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
                                     "Họ, chữ đệm, tên: Đỗ Minh Khang",
                                     "Ngày, tháng, năm sinh: 12/01/2026 Giới tính: Nam",
                                     "Họ, chữ đệm, tên người mẹ: Phạm Thị Mai",
                                     "Năm sinh: 1995 Dân tộc: Kinh",
                                     "PHẦN KÊ KHAI VỀ CHA",
                                     "Họ và tên: Đỗ Văn Hùng",
                                     "Năm sinh: 1990",
                                 })},
                                 Options());
  EXPECT_EQ(Value(d, "full_name"), "Phạm Thị Mai");
  EXPECT_EQ(Value(d, "permanent_address"), "thôn 2, xã Hải Hậu, tỉnh Ninh Bình");
  EXPECT_EQ(Value(d, "child_name"), "Đỗ Minh Khang");
  EXPECT_EQ(Value(d, "child_date_of_birth"), "2026-01-12");
  EXPECT_EQ(Value(d, "child_gender"), "male");
  EXPECT_EQ(Value(d, "mother_name"), "Phạm Thị Mai");
  EXPECT_EQ(Value(d, "mother_date_of_birth"), "1995");
  EXPECT_EQ(Value(d, "father_name"), "Đỗ Văn Hùng");
  EXPECT_EQ(Value(d, "father_date_of_birth"), "1990");
  EXPECT_EQ(Value(d, "date_of_birth"), "(none)") << "the child's and parents' dates are not the applicant's";
}

TEST(Meaning, OtherAddressesAreNotThePermanentOne) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "Họ và tên: Hà Văn Lộc",
                                     "Nơi ở hiện tại: số 9 ngõ 4 phố Huế, phường Hai Bà Trưng, thành phố Hà Nội",
                                     "Hộ khẩu thường trú: xóm 3, xã Quỳnh Lưu, tỉnh Nghệ An",
                                     "Nơi tạm trú: số 2 đường Láng, phường Láng, thành phố Hà Nội",
                                 })},
                                 Options());
  EXPECT_EQ(Value(d, "permanent_address"), "xóm 3, xã Quỳnh Lưu, tỉnh Nghệ An");
  EXPECT_EQ(Value(d, "current_address"), "số 9 ngõ 4 phố Huế, phường Hai Bà Trưng, thành phố Hà Nội");
  EXPECT_EQ(Value(d, "temporary_address"), "số 2 đường Láng, phường Láng, thành phố Hà Nội");
}

TEST(Meaning, TheNameUnderTheSignatureChecksTheApplicants) {
  auto form = [](const std::string& signed_name) {
    return PageOf({
        "GIẤY ĐỀ NGHỊ",
        "ĐĂNG KÝ HỘ KINH DOANH",
        "Họ và tên: Nguyễn Thu Hà",
        "Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật",
        "Hà Nội, ngày 05 tháng 7 năm 2025",
        "NGƯỜI ĐỀ NGHỊ",
        "(Ký, ghi rõ họ tên)",
        signed_name,
    });
  };
  EXPECT_FALSE(Flagged(Extract({form("Nguyễn Thu Hà")}, Options()), "FIELD_CONFLICT", "full_name"));
  EXPECT_FALSE(Flagged(Extract({form("NGUYỄN THU HÀ")}, Options()), "FIELD_CONFLICT", "full_name"));
  EXPECT_TRUE(Flagged(Extract({form("Trần Văn Bình")}, Options()), "FIELD_CONFLICT", "full_name"));
}

TEST(Meaning, AFormOfNoKnownTypeStillGivesItsFields) {
  const DossierDraft d = Extract({PageOf({
                                     "ĐƠN XIN XÁC NHẬN",
                                     "Tên tôi là: Lương Thị Nga",
                                     "Sinh ngày: 20/10/1979",
                                     "CCCD số: 036179004567",
                                     "Thường trú tại: thôn Đông, xã Giao Thủy, tỉnh Ninh Bình",
                                     "Lý do: xin xác nhận nơi cư trú",
                                 })},
                                 Options());
  EXPECT_EQ(d.doc_type, "unknown");
  EXPECT_EQ(Value(d, "full_name"), "Lương Thị Nga");
  EXPECT_EQ(Value(d, "date_of_birth"), "1979-10-20");
  EXPECT_EQ(Value(d, "id_number"), "036179004567");
  EXPECT_EQ(Value(d, "permanent_address"), "thôn Đông, xã Giao Thủy, tỉnh Ninh Bình");
  ASSERT_EQ(d.other.size(), 1u);
  EXPECT_EQ(d.other[0].label, "Lý do");
  EXPECT_EQ(d.other[0].value, "xin xác nhận nơi cư trú");
}

// An official letter: its number and addressee kept, the number's value
// not running into the place and date in the next column.
TEST(Meaning, ALettersLinesAreKeptColumnByColumn) {
  const DossierDraft d = Extract({PageOf({
                                     "ỦY BAN NHÂN DÂN <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                     "Số: 4235/UBND-VP <gap> Đà Nẵng, ngày 4 tháng 5 năm 2019",
                                     "Kính gửi: Trưởng phòng Tư pháp các phường",
                                 })},
                                 Options());
  // The number line is the letter's own field; the rest is kept as read.
  EXPECT_EQ(d.doc_type, "official_letter");
  ASSERT_TRUE(d.fields.count("doc_number"));
  EXPECT_EQ(d.fields.at("doc_number").value, "4235");
  EXPECT_EQ(d.fields.at("doc_symbol").value, "UBND-VP");
  ASSERT_EQ(d.other.size(), 1u);
  EXPECT_EQ(d.other[0].label, "Kính gửi");
  EXPECT_EQ(d.doc_date, "2019-05-04");
}

// A label the reader does not understand, learnt from a correction, fills
// its field in the next dossiers; the same labels round-trip through the
// file `hoso learnt export` writes for models/doctypes/local/.
TEST(Meaning, LearntLabelsFillTheirFields) {
  const OcrPage page = PageOf({
      "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
      "Người khai báo: Mạc Văn Khoa",
      "Nơi ĐKTT: tổ 5, phường Hồng Hà, thành phố Hà Nội",
  });
  ExtractOptions options = Options();
  EXPECT_EQ(Value(Extract({page}, options), "permanent_address"), "(none)");
  const std::string dir = ::testing::TempDir() + "/learnt-labels";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/office.json") << LearntLabelsJson(
      {{"Người khai báo", "full_name"}, {"Nơi ĐKTT", "permanent_address"}});
  auto learnt = LoadLearntLabels(dir);
  ASSERT_TRUE(learnt.ok()) << learnt.status().ToString();
  EXPECT_EQ(learnt->at("noi dktt"), "permanent_address");
  options.learnt = std::make_shared<std::map<std::string, std::string>>(*learnt);
  const DossierDraft d = Extract({page}, options);
  EXPECT_EQ(Value(d, "full_name"), "Mạc Văn Khoa");
  EXPECT_EQ(Value(d, "permanent_address"), "tổ 5, phường Hồng Hà, thành phố Hà Nội");
  EXPECT_TRUE(d.other.empty());
  // OCR reads the learnt label another way next time: still that label.
  for (const char* read : {"Nơi ĐK TT:", "Nơi ĐKTTT:"}) {
    const DossierDraft again = Extract(
        {PageOf({"TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", std::string(read) + " thôn 2, xã Hải Hậu, tỉnh Ninh Bình"})},
        options);
    EXPECT_EQ(Value(again, "permanent_address"), "thôn 2, xã Hải Hậu, tỉnh Ninh Bình") << read;
  }
  EXPECT_EQ(TypeOfKey("father_date_of_birth"), FieldType::kDate);
  EXPECT_EQ(TypeOfKey("household_head_name"), FieldType::kName);
  std::filesystem::remove_all(dir);
}

// An address under a label nobody lists, placed where the gazetteer
// (the real one) places it; the addressee's office never is.
TEST(Meaning, AnAddressPlacedByItsShape) {
  const ExtractOptions options = WithGazetteer();
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "Kính gửi: Công an phường Hồng Hà, thành phố Hà Nội",
                                     "Họ và tên: Lò Văn Páo",
                                     "Bản quán: bản Nà Khương, xã Quài Tở, tỉnh Điện Biên",
                                     "Ghi chú: nộp tại bộ phận một cửa",
                                 })},
                                 options);
  EXPECT_EQ(Value(d, "permanent_address"), "bản Nà Khương, xã Quài Tở, tỉnh Điện Biên");
  ASSERT_EQ(d.other.size(), 2u);
  EXPECT_EQ(d.other[0].label, "Kính gửi");
}

// A value under a label nobody lists, placed by its shape where the
// applicant's field is missing; a value that is not the applicant's kind
// stays in `other`.
TEST(Meaning, ValuesPlacedByTheirShape) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "Họ và tên: Đinh Thị Yến",
                                     "Mã công dân: 024 186 001 234",
                                     "Liên lạc qua: 0987 654 321",
                                     "Ghi chú: 12 người ........ 4. Mã hồ sơ: HS-0091",
                                 })},
                                 Options());
  EXPECT_EQ(Value(d, "id_number"), "024186001234");
  EXPECT_EQ(Value(d, "phone"), "0987654321");
  EXPECT_LT(d.fields.at("id_number").confidence, 0.9 * 0.9) << "found by shape: less sure than by a label";
  ASSERT_EQ(d.other.size(), 2u);
  EXPECT_EQ(d.other[0].label, "Ghi chú");
  EXPECT_EQ(d.other[0].value, "12 người");
  EXPECT_EQ(d.other[1].label, "Mã hồ sơ") << "the item's number is no part of its label";
}

// CT01 as Circular 66/2023/TT-BCA prints it, as OCR reads it once the
// ID's boxes are erased: two items to a line, the ID's digits spaced, the
// household head's items, and no address line: the address is in item 10,
// the request, over two lines. Item 10 is no one's: the head's block ends.
TEST(Meaning, TheResidenceFormOf2023) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "Kính gửi(1): Công an phường Kim Bảng",
                                     "1. Họ, chữ đệm và tên: Hoàng Thị Yến",
                                     "2. Ngày, tháng, năm sinh: 06/10/1976 3. Giới tính: Nữ",
                                     "4. Số định danh cá nhân: 0 8 9 1 7 6 8 1 9 7 9 9",
                                     "5. Số điện thoại liên hệ: 0706 164 713 6. Email: yen@gmail.com",
                                     "7. Họ, chữ đệm và tên chủ hộ: Lê Văn Nam.. 8. Mối quan hệ với chủ hộ: Vợ",
                                     "9. Số định danh cá nhân của chủ hộ: 0 3 5 0 7 5 0 0 1 2 3 4",
                                     "10. Nội dung đề nghị(2): Đăng ký thường trú tại số 285 đường Nguyễn Trãi, phường",
                                     "Ngọc Sơn, thị xã Kim Bảng, tỉnh Hà Nam",
                                     "11. Những thành viên trong hộ gia đình cùng thay đổi:",
                                 })},
                                 WithGazetteer());
  EXPECT_EQ(d.doc_type, "residence_change");
  EXPECT_EQ(Value(d, "full_name"), "Hoàng Thị Yến");
  EXPECT_EQ(Value(d, "date_of_birth"), "1976-10-06");
  EXPECT_EQ(Value(d, "gender"), "female");
  EXPECT_EQ(Value(d, "id_number"), "089176819799");
  EXPECT_EQ(Value(d, "phone"), "0706164713");
  EXPECT_EQ(Value(d, "household_head_name"), "Lê Văn Nam") << "the next item's label is no part of the name";
  EXPECT_EQ(Value(d, "relationship"), "Vợ");
  EXPECT_EQ(Value(d, "household_head_id_number"), "035075001234");
  EXPECT_EQ(Value(d, "permanent_address"), "số 285 đường Nguyễn Trãi, phường Ngọc Sơn, thị xã Kim Bảng, tỉnh Hà Nam");
  EXPECT_EQ(Value(d, "household_head_permanent_address"), "(none)");
  EXPECT_FALSE(Flagged(d, "FIELD_MISSING", "permanent_address"));
}

// An item's number in a line opens the next label, but a date's day and
// month written "12. 05." are no item numbers.
TEST(Meaning, ItemNumbersInALineAndDatesWithDots) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "1. Họ và tên: Trần Văn Bình 2. Ngày sinh: 12. 05. 1990 Giới tính: Nam",
                                 })},
                                 Options());
  EXPECT_EQ(Value(d, "full_name"), "Trần Văn Bình");
  EXPECT_EQ(Value(d, "date_of_birth"), "1990-05-12");
  EXPECT_EQ(Value(d, "gender"), "male");
}

// The request says which address it is about however it is worded; a
// request naming none gives none.
TEST(Meaning, TheAddressARequestNames) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                     "1. Họ, chữ đệm và tên: Nguyễn Phương Hạnh",
                                     "10. Nội dung đề nghị(2): Xác nhận thông tin về cư trú, nơi thường trú: Số 45",
                                     "đường Hùng Vương, phường Cầu Diễn, quận Nam Từ Liêm, thành phố Hà Nội",
                                 })},
                                 WithGazetteer());
  EXPECT_EQ(Value(d, "permanent_address"),
            "Số 45 đường Hùng Vương, phường Cầu Diễn, quận Nam Từ Liêm, thành phố Hà Nội");
  const DossierDraft none = Extract({PageOf({
                                        "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                                        "1. Họ, chữ đệm và tên: Nguyễn Phương Hạnh",
                                        "10. Nội dung đề nghị(2): Tách hộ",
                                    })},
                                    WithGazetteer());
  EXPECT_EQ(Value(none, "permanent_address"), "(none)");
  EXPECT_TRUE(Flagged(none, "FIELD_MISSING", "permanent_address"));
}

// The birth registration form of Circular 04/2020/TT-BTP: the requester's
// name, residence and papers (the ID with its date of issue after it),
// footnote marks after the labels, then the child, the mother and the
// father, each with their "Năm sinh" (a year) and "Nơi cư trú". The form
// asks the requester for no date of birth: none is missing.
TEST(Meaning, TheBirthRegistrationForm) {
  const DossierDraft d = Extract({PageOf({
                                     "TỜ KHAI ĐĂNG KÝ KHAI SINH",
                                     "Kính gửi: (1) Ủy ban nhân dân phường Hồng Hà",
                                     "Họ, chữ đệm, tên người yêu cầu: Phạm Văn Hùng",
                                     "Nơi cư trú: (2) bản 2, xã Bờ Y, huyện Ngọc Hồi, tỉnh Kon Tum",
                                     "Giấy tờ tùy thân: (3) Thẻ căn cước số 052 053 921 382, cấp ngày 07/06/2022",
                                     "Quan hệ với người được khai sinh: Cha",
                                     "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
                                     "Họ, chữ đệm, tên: PHẠM THANH PHÚC",
                                     "Ngày, tháng, năm sinh: 12/06/2025",
                                     "ghi bằng chữ: Ngày mười hai tháng sáu năm hai nghìn không trăm hai mươi lăm",
                                     "Giới tính: Nam Dân tộc: Kinh Quốc tịch: Việt Nam",
                                     "Họ, chữ đệm, tên người mẹ: Bùi Kim Hà",
                                     "Năm sinh: (5) 1990 Dân tộc: Kinh Quốc tịch: Việt Nam",
                                     "Nơi cư trú: (2) bản 2, xã Bờ Y, huyện Ngọc Hồi, tỉnh Kon Tum",
                                     "Họ, chữ đệm, tên người cha: Phạm Văn Hùng",
                                     "Năm sinh: (5) 1988 Dân tộc: Kinh Quốc tịch: Việt Nam",
                                 })},
                                 Options());
  EXPECT_EQ(d.doc_type, "birth_registration");
  EXPECT_EQ(Value(d, "full_name"), "Phạm Văn Hùng");
  EXPECT_EQ(Value(d, "permanent_address"), "bản 2, xã Bờ Y, huyện Ngọc Hồi, tỉnh Kon Tum") << "no footnote mark";
  EXPECT_EQ(Value(d, "id_number"), "052053921382") << "not the footnote's 3, nor the date of issue";
  EXPECT_EQ(Value(d, "child_name"), "Phạm Thanh Phúc");
  EXPECT_EQ(Value(d, "child_date_of_birth"), "2025-06-12");
  EXPECT_EQ(Value(d, "child_gender"), "male") << "the words of a date are no one's item: the child's block goes on";
  EXPECT_EQ(Value(d, "child_ethnicity"), "Kinh") << "\"Nam Dân tộc\": the gender, then the next label";
  EXPECT_EQ(Value(d, "mother_name"), "Bùi Kim Hà");
  EXPECT_EQ(Value(d, "mother_date_of_birth"), "1990");
  EXPECT_EQ(Value(d, "father_date_of_birth"), "1988");
  EXPECT_EQ(Value(d, "date_of_birth"), "(none)");
  EXPECT_FALSE(Flagged(d, "FIELD_MISSING", "date_of_birth"));
  EXPECT_FALSE(Flagged(d, "FIELD_MISSING", "gender"));
  EXPECT_FALSE(Flagged(d, "DATE_INVALID", "mother_date_of_birth"));
}

}  // namespace
}  // namespace hoso

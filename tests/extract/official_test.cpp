#include "extract/official.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "address/address.h"
#include "extract/extract.h"
#include "test_pages.h"

namespace hoso {
namespace {

using test::PageOf;

// A ward's decision: the body's name over two lines, the national motto
// beside it, number and symbol, place and date, the kind in capitals and
// the subject under it, then the signer's authority and the legal bases.
OcrPage Decision() {
  return PageOf({"ỦY BAN NHÂN DÂN <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "PHƯỜNG HỒNG HÀ <gap> Độc lập - Tự do - Hạnh phúc",
                 "Số: 125/QĐ-UBND <gap> Hà Nội, ngày 15 tháng 8 năm 2025", "QUYẾT ĐỊNH",
                 "Về việc cấp giấy phép xây dựng nhà ở riêng lẻ", "cho hộ gia đình ông Nguyễn Văn An",
                 "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HỒNG HÀ", "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;"});
}

TEST(OfficialHeader, ReadsADecisionsHeader) {
  const auto h = ReadOfficialHeader(Decision());
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->kind, "quyết định");
  EXPECT_EQ(h->doc_type, "decision");
  EXPECT_EQ(h->number.value, "125");
  EXPECT_FALSE(h->number_by_hand);
  EXPECT_EQ(h->symbol.value, "QĐ-UBND");
  EXPECT_EQ(h->issuer.value, "Ủy ban nhân dân phường Hồng Hà") << "one body over two lines";
  EXPECT_EQ(h->issuer_parent.value, "");
  EXPECT_EQ(h->place.value, "Hà Nội");
  EXPECT_EQ(h->date, "2025-08-15");
  EXPECT_FALSE(h->day_by_hand);
  EXPECT_EQ(h->subject.value, "cấp giấy phép xây dựng nhà ở riêng lẻ cho hộ gia đình ông Nguyễn Văn An")
      << "the subject's two lines, without \"Về việc\", up to the signer's authority";
}

// A department's letter laid out as the real Kodak scan reads: parent and
// issuer on the left, the number written in by hand into the printed blank
// (read as "4/35", apart from the symbol), the day likewise ("84"), the
// subject on "V/v" over three lines with a scribble among them.
TEST(OfficialHeader, ReadsALettersHeaderAndMarksWhatWasWrittenByHand) {
  OcrPage page =
      PageOf({"UBND THÀNH PHÓ ĐÀ NẴNG <gap> CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "- SỞ GIÁO DỤC VÀ ĐÀO TẠO <gap> Độc lập - Tự do - Hạnh phúc",
              "Số: 4/35 /SGDĐT-CTrTT <gap> Đà Nẵng, ngày 84 tháng 5 năm 2019", "V/v bảo đảm TTATGT cho HS, SV",
              "ñ ? sa trở +hị", "trong dịp nghỉ hè và kỳ thi THPT", "quốc gia năm 2019", "Kính gửi:"});
  page.blocks[0].lines[4].words[0].confidence = 0.1;  // the scribble
  page.blocks[0].lines[4].words[3].confidence = 0.2;
  page.blocks[0].lines[4].words[2].confidence = 0.3;
  const auto h = ReadOfficialHeader(page);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->kind, "công văn");
  EXPECT_EQ(h->doc_type, "official_letter");
  EXPECT_EQ(h->issuer.value, "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(h->issuer_parent.value, "UBND thành phố Đà Nẵng") << "the unit's name spelt right despite OCR's PHÓ";
  EXPECT_EQ(h->symbol.value, "SGDĐT-CTrTT");
  EXPECT_EQ(h->number.value, "4/35");
  EXPECT_TRUE(h->number_by_hand);
  EXPECT_EQ(h->place.value, "Đà Nẵng");
  EXPECT_EQ(h->date, std::nullopt) << "the 84th of May is no date";
  EXPECT_TRUE(h->day_by_hand);
  EXPECT_EQ(h->subject.value, "bảo đảm TTATGT cho HS, SV trong dịp nghỉ hè và kỳ thi THPT quốc gia năm 2019");
}

// A photo's header as OCR read it: the place glued to "ngày" at its comma,
// the symbol's S read as 5 (mended), the parent's long name on a line of
// its own.
TEST(OfficialHeader, WhatOcrDoesToAPhotographedHeader) {
  const auto h = ReadOfficialHeader(
      PageOf({"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "PHÒNG TÀI CHÍNH <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "<gap> Độc lập - Tự do - Hạnh phúc", "Số: 458/5TP-QLĐT <gap> Quảng Trạch,ngày 2 tháng 4năm 2023",
              "V/v đôn đốc nộp báo cáo"}));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->number.value, "458");
  EXPECT_EQ(h->symbol.value, "STP-QLĐT");
  EXPECT_EQ(h->place.value, "Quảng Trạch");
  EXPECT_EQ(h->date, "2023-04-02");
  EXPECT_EQ(h->issuer_parent.value, "Ủy ban nhân dân thành phố Hồ Chí Minh");
  EXPECT_EQ(h->issuer.value, "Phòng Tài chính");
}

// A 70 dpi photo of the same header: OCR glued the day to "ngày".
TEST(OfficialHeader, ADayGluedToItsWordIsFound) {
  const auto h = ReadOfficialHeader(
      PageOf({"UBND THÀNH PHỐ ĐÀ NẴNG <gap> CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "SỞ GIÁO DỤC VÀ ĐÀO TẠO <gap> Độc lập - Tự do - Hạnh phúc",
              "Số: 1535/SGDĐT-CTrTT <gap> Đà Nẵng, ngày31 tháng 5 năm 2019", "V/v bảo đảm TTATGT cho HS, SV"}));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->number.value, "1535");
  EXPECT_FALSE(h->number_by_hand);
  EXPECT_EQ(h->place.value, "Đà Nẵng");
  EXPECT_EQ(h->date, "2019-05-31");
  EXPECT_FALSE(h->day_by_hand);
}

TEST(OfficialHeader, FormsAndPlainPagesAreNotOfficialDocuments) {
  // A citizen's form carries the motto, but no number line and no kind.
  EXPECT_FALSE(ReadOfficialHeader(PageOf({"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                          "ĐƠN ĐỀ NGHỊ", "Họ và tên: Nguyễn Văn An", "Số CCCD: 001085012345"}))
                   .has_value());
  // A letter's second page: no header at all.
  EXPECT_FALSE(
      ReadOfficialHeader(PageOf({"2. Phòng CTSV phối hợp với Đoàn TN;", "Nơi nhận:", "- Như trên;"})).has_value());
  EXPECT_FALSE(ReadOfficialHeader(OcrPage{}).has_value());
}

TEST(OfficialHeader, AKindWithoutATitleComesFromTheSymbol) {
  const auto h = ReadOfficialHeader(
      PageOf({"UBND PHƯỜNG HỒNG HÀ <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<gap> Độc lập - Tự do - Hạnh phúc",
              "Số: 37/TB-UBND <gap> Hà Nội, ngày 02 tháng 9 năm 2025"}));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->kind, "thông báo");
  EXPECT_EQ(h->doc_type, "notice");
  EXPECT_EQ(h->issuer.value, "UBND phường Hồng Hà");
}

// The signer's block beside "Nơi nhận:": the authority in capitals, the
// name under the signature; the recipients on the left are no part of it.
TEST(OfficialHeader, TheSignerBesideTheRecipients) {
  const auto s = ReadSigner(
      PageOf({"Đề nghị các đơn vị nghiêm túc thực hiện./.", "Nơi nhận: <gap> KT. GIÁM ĐỐC",
              "- Như trên; <gap> PHÓ GIÁM ĐỐC", "- Lưu: VT, CTrTT (Chương).", "<gap> Trần Nguyễn Minh Thành"}));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->title.value, "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC");
  EXPECT_EQ(s->name.value, "Trần Nguyễn Minh Thành");
  EXPECT_FALSE(ReadSigner(PageOf({"1. Tăng cường công tác tuyên truyền.", "<gap> Nguyễn Văn An"})).has_value())
      << "no recipients, no signer's block";
}

// A photo's signer's block: the signature's strokes read as words on the
// title's line (unsure, or no letters), "Nơi" lost under a fold. The name
// is found all the same, and the strokes do not make the title unsure.
TEST(OfficialHeader, ASignersBlockUnderStrokesOfTheSignature) {
  OcrPage page = PageOf({"Đề nghị các đơn vị nghiêm túc thực hiện./.", "A nhận: <gap> C— —¬ TRƯỞNG PHÒNG",
                         "- Như trên;", "- Lưu: VT.", "<gap> Vũ Đức Thắng"});
  for (OcrBlock& b : page.blocks)
    for (OcrLine& l : b.lines)
      for (OcrWord& w : l.words) {
        if (w.text == "C—" || w.text == "A") w.confidence = 0.0;
        if (w.text == "—¬") w.confidence = 0.53;
      }
  const auto s = ReadSigner(page);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->name.value, "Vũ Đức Thắng");
  EXPECT_EQ(s->title.value, "C— TRƯỞNG PHÒNG") << "a title is kept as read, strokes with no letter aside";
  EXPECT_GT(s->title.confidence, 0.85) << "judged on its sure words";
}

TEST(OfficialHeader, AgencyNamesAreWrittenAsDecree30WritesThem) {
  EXPECT_EQ(AgencyName("SỞ GIÁO DỤC VÀ ĐÀO TẠO"), "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(AgencyName("UBND THÀNH PHÓ ĐÀ NẴNG"), "UBND thành phố Đà Nẵng");
  EXPECT_EQ(AgencyName("UBND TỈNH ĐẮK LẮK"), "UBND tỉnh Đắk Lắk") << "a unit's name in a minority language";
  EXPECT_EQ(AgencyName("ỦY BAN NHÂN DÂN XÃ ĐẮC PRING"), "Ủy ban nhân dân xã Đắc Pring");
  EXPECT_EQ(AgencyName("ỦY BAN NHÂN DÂN TỈNH BẮC NINH"), "Ủy ban nhân dân tỉnh Bắc Ninh");
  EXPECT_EQ(AgencyName("PHÒNG TÀI CHÍNH - KẾ HOẠCH"), "Phòng Tài chính - Kế hoạch");
  EXPECT_EQ(AgencyName("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), "Sở Lao động - Thương binh và Xã hội")
      << "xã hội is not a commune";
  EXPECT_EQ(AgencyName("BAN QUẢN LÝ DỰ ÁN"), "Ban Quản lý dự án") << "quản is not quận";
  EXPECT_EQ(AgencyName("CÔNG AN PHƯỜNG 5"), "Công an phường 5");
  EXPECT_EQ(AgencyName("BỘ GIÁO DỤC VÀ ĐÀO TẠO"), "Bộ Giáo dục và Đào tạo");
  // What OCR does to headers: a mark ("TÍNH"), a letter of a long head
  // ("JY BAN"), a glued dash, the rule under the name read as "_".
  EXPECT_EQ(AgencyName("UBND TÍNH CAO BẰNG"), "UBND tỉnh Cao Bằng");
  EXPECT_EQ(AgencyName("JY BAN NHÂN DÂN TỈNH GIA LAI"), "Ủy ban nhân dân tỉnh Gia Lai");
  EXPECT_EQ(AgencyName("PHÒNG LAO ĐỘNG -THƯƠNG BINH VÀ XÃ HỘI"), "Phòng Lao động - Thương binh và Xã hội");
  EXPECT_EQ(AgencyName("UBND HUYỆN CẨM GIÀNG_"), "UBND huyện Cẩm Giàng");
}

TEST(OfficialHeader, TheSymbolNamesTheKind) {
  EXPECT_EQ(KindOfSymbol("QĐ-UBND"), "quyết định");
  EXPECT_EQ(KindOfSymbol("2019/QĐ-UBND"), "quyết định") << "a normative act's year before the symbol";
  EXPECT_EQ(KindOfSymbol("QD-UBND"), "quyết định") << "OCR lost the stroke of Đ";
  EXPECT_EQ(KindOfSymbol("TTr-UBND"), "tờ trình");
  EXPECT_EQ(KindOfSymbol("KH-UBND"), "kế hoạch");
  EXPECT_EQ(KindOfSymbol("SGDĐT-CTrTT"), "công văn");
  EXPECT_EQ(KindOfSymbol("UBND-VP"), "công văn");
}

TEST(OfficialHeader, ASymbolsCapitalsAreMendedWhereOcrMisreadThem) {
  EXPECT_EQ(SpellSymbol("5TP-QLĐT"), "STP-QLĐT") << "a 5 for the S before capitals";
  EXPECT_EQ(SpellSymbol("UBND-0TC"), "UBND-OTC");
  EXPECT_EQ(SpellSymbol("QD-SNV"), "QĐ-SNV") << "the one kind with those bare letters";
  EXPECT_EQ(SpellSymbol("12/2019/QD-UBND"), "12/2019/QĐ-UBND");
  EXPECT_EQ(SpellSymbol("TTR-UBND"), "TTr-UBND");
  EXPECT_EQ(SpellSymbol("HD-UBND"), "HD-UBND") << "hướng dẫn, not hợp đồng";
  EXPECT_EQ(SpellSymbol("DA-BQL"), "DA-BQL") << "dự án, not đề án";
  EXPECT_EQ(SpellSymbol("QĐ-UBND"), "QĐ-UBND");
  EXPECT_EQ(SpellSymbol("SGDĐT-CTrTT"), "SGDĐT-CTrTT");
  EXPECT_EQ(SpellSymbol("BCĐ389-VP"), "BCĐ389-VP") << "a number in an acronym stays";
  EXPECT_EQ(SpellSymbol("5-UBND"), "5-UBND") << "a digit alone is no letter";
  EXPECT_EQ(SpellSymbol("QD"), "QD") << "no hyphen: no kind named";
}

TEST(OfficialHeader, AnAcronymsDSplitInTwoIsOneD) {
  EXPECT_EQ(AgencyName("UBNI) TỈNH LONG AN"), "UBND tỉnh Long An");
  EXPECT_EQ(AgencyName("HĐNI) TỈNH LONG AN"), "HĐND tỉnh Long An");
}

TEST(Extract, AnOfficialDocumentGivesItsArchiveFields) {
  const DossierDraft d = Extract({Decision()}, test::Options());
  EXPECT_EQ(d.doc_type, "decision");
  EXPECT_EQ(d.doc_date, "2025-08-15");
  ASSERT_TRUE(d.fields.count("doc_number"));
  EXPECT_EQ(d.fields.at("doc_number").value, "125");
  EXPECT_EQ(d.fields.at("doc_symbol").value, "QĐ-UBND");
  EXPECT_EQ(d.fields.at("issuer").value, "Ủy ban nhân dân phường Hồng Hà");
  EXPECT_EQ(d.fields.at("doc_kind").value, "quyết định");
  EXPECT_EQ(d.fields.at("doc_date").value, "2025-08-15");
  EXPECT_TRUE(d.flags.empty()) << d.flags.front().code;
  EXPECT_TRUE(d.other.empty()) << "the header is not a form's labelled values";
}

// The units in an issuing body's name spelt as the gazetteer spells them
// where OCR got only their marks wrong.
TEST(Extract, AnIssuingBodysUnitIsSpeltAsTheGazetteerSpellsIt) {
  auto g = Gazetteer::Load(Gazetteer::DefaultDir());
  ASSERT_TRUE(g.ok());
  ExtractOptions o = test::Options();
  o.spell_units = [g = std::move(g).value()](const std::string& t) { return SpellAddress(t, *g); };
  const DossierDraft d = Extract({PageOf({"UBND TÍNH CAO BĂNG <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                          "SỞ NỘI VỤ <gap> Độc lập - Tự do - Hạnh phúc",
                                          "Số: 2964/QĐ-SNV <gap> Cao Bằng, ngày 13 tháng 7 năm 2025", "QUYẾT ĐỊNH",
                                          "Về việc cấp giấy phép xây dựng"})},
                                 o);
  ASSERT_TRUE(d.fields.count("issuer_parent"));
  EXPECT_EQ(d.fields.at("issuer_parent").value, "UBND tỉnh Cao Bằng");
  EXPECT_EQ(d.fields.at("issuer").value, "Sở Nội vụ");
}

// The place under the motto is the name of the unit where the issuing body
// sits (Decree 30): spelt as the gazetteer spells it where OCR took a mark.
TEST(Extract, AnOfficialDocumentsPlaceIsSpeltAsTheGazetteerSpellsIt) {
  auto g = Gazetteer::Load(Gazetteer::DefaultDir());
  ASSERT_TRUE(g.ok());
  ExtractOptions o = test::Options();
  o.spell_place = [g = std::move(g).value()](const std::string& t) { return SpellPlaceName(t, *g); };
  auto place = [&](const std::string& written) {
    const DossierDraft d = Extract({PageOf({"UBND TỈNH ĐỒNG THÁP <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                            "SỞ NỘI VỤ <gap> Độc lập - Tự do - Hạnh phúc",
                                            "Số: 2964/QĐ-SNV <gap> " + written + ", ngày 13 tháng 7 năm 2023",
                                            "QUYẾT ĐỊNH", "Về việc cấp giấy phép xây dựng"})},
                                   o);
    return d.fields.count("issue_place") ? d.fields.at("issue_place").value : std::string("(none)");
  };
  EXPECT_EQ(place("Cao Lành"), "Cao Lãnh") << "no unit is Cao Lành; every Cao Lanh is Cao Lãnh";
  EXPECT_EQ(place("Đồng Thảp"), "Đồng Tháp");
  EXPECT_EQ(place("Cao Lãnh"), "Cao Lãnh");
  EXPECT_EQ(place("Quang Vân Lạc"), "Quang Vân Lạc") << "a name of no unit stays as read";
}

// ... and, first, as the issuing body spells its own unit, which the place
// mostly is: there the gazetteer's two spellings (Xuân Chinh, Xuân Chính)
// leave no doubt.
TEST(Extract, AnOfficialDocumentsPlaceIsSpeltAsItsIssuerSpellsItsUnit) {
  auto place = [&](const std::string& issuer, const std::string& written) {
    const DossierDraft d = Extract({PageOf({"UBND HUYỆN THỌ XUÂN <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                            issuer + " <gap> Độc lập - Tự do - Hạnh phúc",
                                            "Số: 71/TB-UBND <gap> " + written + ", ngày 3 tháng 4 năm 2023",
                                            "THÔNG BÁO", "Về việc tổ chức hội nghị"})},
                                   test::Options());
    return d.fields.count("issue_place") ? d.fields.at("issue_place").value : std::string("(none)");
  };
  EXPECT_EQ(place("ỦY BAN NHÂN DÂN XÃ XUÂN CHINH", "Xuân Chỉnh"), "Xuân Chinh");
  EXPECT_EQ(place("UBND PHƯỜNG 1", "Phường T1"), "Phường 1");
  EXPECT_EQ(place("UBND XÃ XUÂN CHINH", "Thọ Xuân"), "Thọ Xuân") << "the parent's unit, as written";
  EXPECT_EQ(place("UBND XÃ XUÂN CHINH", "Hà Nội"), "Hà Nội") << "another place stays as read";
}

// What a photo's OCR loses of the issuing bodies goes to a person, never
// into the register as read: a body cut at its unit's word, and a
// department whose body above it (always written over its name) was not read.
TEST(Extract, AnIssuingBodyCutShortOrAParentLostIsFlagged) {
  auto flag_on = [](const DossierDraft& d, const std::string& field) {
    for (const Flag& f : d.flags)
      if (f.field == field) return f.code;
    return std::string("(none)");
  };
  const DossierDraft cut = Extract(
      {PageOf({"UBND HUYỆN <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHÒNG TƯ PHÁP <gap> Độc lập - Tự do - Hạnh phúc",
               "Số: 2955/QĐ-TP <gap> Chương Mỹ, ngày 22 tháng 4 năm 2020", "QUYẾT ĐỊNH",
               "Về việc khen thưởng các tập thể"})},
      test::Options());
  EXPECT_EQ(cut.fields.count("issuer_parent"), 0u) << cut.fields.at("issuer_parent").value;
  EXPECT_EQ(flag_on(cut, "issuer_parent"), "FIELD_MISSING");
  EXPECT_EQ(cut.fields.at("issuer").value, "Phòng Tư pháp");
  EXPECT_EQ(std::count_if(cut.flags.begin(), cut.flags.end(), [](const Flag& f) { return f.field == "issuer_parent"; }),
            1)
      << "one flag for the one field";

  const DossierDraft lost =
      Extract({PageOf({"SỞ NỘI VỤ <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<gap> Độc lập - Tự do - Hạnh phúc",
                       "Số: 244/SNV-TCCB <gap> Hoà Bình, ngày 16 tháng 7 năm 2019",
                       "V/v phối hợp kiểm tra an toàn thực phẩm"})},
              test::Options());
  EXPECT_EQ(lost.fields.at("issuer").value, "Sở Nội vụ");
  EXPECT_EQ(flag_on(lost, "issuer_parent"), "FIELD_MISSING");

  const DossierDraft whole = Extract(
      {PageOf(
          {"UBND TỈNH HÒA BÌNH <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ <gap> Độc lập - Tự do - Hạnh phúc",
           "Số: 244/SNV-TCCB <gap> Hoà Bình, ngày 16 tháng 7 năm 2019", "V/v phối hợp kiểm tra an toàn thực phẩm"})},
      test::Options());
  EXPECT_EQ(whole.fields.at("issuer_parent").value, "UBND tỉnh Hòa Bình");
  EXPECT_TRUE(whole.flags.empty()) << whole.flags.front().code << " " << whole.flags.front().field;
  const DossierDraft commune = Extract(
      {PageOf({"ỦY BAN NHÂN DÂN <gap> CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "PHƯỜNG HỒNG HÀ <gap> Độc lập - Tự do - Hạnh phúc",
               "Số: 12/TB-UBND <gap> Hà Nội, ngày 16 tháng 7 năm 2025", "THÔNG BÁO", "Về việc tổ chức hội nghị"})},
      test::Options());
  EXPECT_EQ(commune.fields.at("issuer").value, "Ủy ban nhân dân phường Hồng Hà");
  EXPECT_TRUE(commune.flags.empty()) << "a commune's committee has no body written over it";
}

}  // namespace
}  // namespace hoso

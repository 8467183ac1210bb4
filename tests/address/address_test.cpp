#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "address/address.h"
#include "core/record_json.h"
#include "support/test_support.h"

namespace hoso {
namespace {

const Gazetteer& G() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto loaded = Gazetteer::Load(Gazetteer::DefaultDir());
    if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
    return *loaded;
  }();
  return *g;
}

AddressVerdict Check(const std::string& text, const std::string& as_of = "2026-11-28",
                     const std::string& doc_date = "") {
  AddressOptions o;
  o.as_of = as_of;
  o.doc_date = doc_date;
  o.english = true;  // the tests read the English messages; Vietnamese below
  return CheckAddress(text, G(), o);
}

// The verdict's message is Vietnamese by default: what the ward's staff read.
TEST(Verdict, MessagesInVietnameseByDefault) {
  AddressOptions o;
  o.as_of = "2026-11-28";
  const AddressVerdict v = CheckAddress("số 5 phố Hàng Bông, phường Phúc Xá, quận Ba Đình, Hà Nội", G(), o);
  EXPECT_EQ(v.status, "outdated");
  EXPECT_NE(v.message.find("Phường Phúc Xá"), std::string::npos) << v.message;
  EXPECT_NE(v.message.find(" nhập thành Phường Hồng Hà từ 1/7/2025"), std::string::npos) << v.message;
  EXPECT_EQ(v.message.find("merged"), std::string::npos) << v.message;
  const AddressVerdict split = CheckAddress("phường Tứ Liên, quận Tây Hồ, Hà Nội", G(), o);
  EXPECT_NE(split.message.find("cần chọn một"), std::string::npos) << split.message;
  const AddressVerdict none = CheckAddress("số 5 đường Láng", G(), o);
  EXPECT_NE(none.message.find("không thấy xã, phường"), std::string::npos) << none.message;
}

std::set<std::string> CandidateCodes(const AddressVerdict& v) {
  std::set<std::string> out;
  for (const auto& c : v.candidates) out.insert(c.ward_code);
  return out;
}

TEST(Gazetteer, HoldsBothEras) {
  int old_provinces = 0, new_provinces = 0;
  for (const Province* p : G().ProvincesNamed("ha noi")) {
    if (p->valid.to == "2025-06-30") ++old_provinces;
    if (p->valid.On("2025-07-01")) ++new_provinces;
  }
  EXPECT_EQ(old_provinces, 1);
  EXPECT_EQ(new_provinces, 1);
  const Commune* hong_ha = G().CommuneOn("00097", "2025-07-01");
  ASSERT_NE(hong_ha, nullptr);
  EXPECT_EQ(hong_ha->FullName(), "Phường Hồng Hà");
  const Commune* tu_lien = G().CommuneOn("00097", "2025-06-30");
  ASSERT_NE(tu_lien, nullptr) << "the same code was old Tứ Liên's";
  EXPECT_EQ(tu_lien->name, "Tứ Liên");
  EXPECT_EQ(G().ProvinceSuccessors("02"), std::vector<std::string>{"08"}) << "Hà Giang went to Tuyên Quang";
}

TEST(Gazetteer, OverridesCorrectTheOfficialTable) {
  // Đặng Xá (00556) was split between Phù Đổng and Thuận An (which took all
  // its population); the table listed the second row under Cổ Bi's code.
  const auto links = G().LinksFrom(false, "00556", "2025-06-30");
  ASSERT_EQ(links.size(), 2u);
  int all_population = 0;
  for (const UnitLink* l : links) all_population += l->all_population;
  EXPECT_EQ(all_population, 1);
  for (const UnitLink* l : G().LinksFrom(false, "00553", "2025-06-30")) EXPECT_NE(l->to_code, "00562");
}

TEST(Address, PreMergerWardMapsToItsNewWard) {
  const AddressVerdict v = Check("Số 18, ngõ 42 phố Phúc Xá, phường Phúc Xá, quận Ba Đình, Hà Nội");
  EXPECT_EQ(v.status, "outdated");
  EXPECT_EQ(v.street, "Số 18, ngõ 42 phố Phúc Xá");
  EXPECT_EQ(v.commune, "Phúc Xá");
  EXPECT_EQ(v.district, "Ba Đình");
  EXPECT_EQ(v.province, "Hà Nội");
  ASSERT_TRUE(v.old.has_value());
  EXPECT_EQ(v.old->commune_code, "00001");
  EXPECT_EQ(v.old->district, "Quận Ba Đình");
  ASSERT_TRUE(v.suggested.has_value());
  EXPECT_EQ(v.suggested->ward_code, "00097");
  EXPECT_EQ(v.suggested->province, "Thành phố Hà Nội");
  EXPECT_EQ(v.suggested_text, "Số 18, ngõ 42 phố Phúc Xá, phường Hồng Hà, thành phố Hà Nội");
  EXPECT_NE(v.legal_basis.find("1656/NQ-UBTVQH15"), std::string::npos);
  EXPECT_EQ(v.severity, Severity::kWarning);
}

TEST(Address, EveryWayOfWritingItGivesTheSameAnswer) {
  const std::string nfd =
      "phu\xCC\x9Bo\xCC\x9B\xCC\x80ng Phu\xCC\x81\x63 Xa\xCC\x81, qua\xCC\x82\xCC\xA3n Ba \xC4\x90i\xCC\x80nh, "
      "Ha\xCC\x80 No\xCC\x82\xCC\xA3i";
  for (const std::string& text :
       {std::string("P. Phúc Xá, Q. Ba Đình, TP. Hà Nội"), std::string("PHƯỜNG PHÚC XÁ, QUẬN BA ĐÌNH, HÀ NỘI"),
        std::string("phuong Phuc Xa quan Ba Dinh Ha Noi"), std::string("phường Phúc Xá quận Ba Đình Hà Nội"),
        std::string("P.Phúc Xá, Q.Ba Đình, HN"), nfd, std::string("phưòng Phúc Xá, quân Ba Đình, Hà Nội")}) {
    const AddressVerdict v = Check(text);
    EXPECT_EQ(v.status, "outdated") << text << ": " << v.message;
    ASSERT_TRUE(v.suggested.has_value()) << text;
    EXPECT_EQ(v.suggested->ward_code, "00097") << text;
  }
}

TEST(Address, OcrDamagedNamesAreMatchedAgainstTheGazetteer) {
  // Tone marks confused (Xá/Xà, Đình/Đinh), a horn lost, đ read as d.
  for (const std::string& text :
       {std::string("phường Phúc Xà, quận Ba Đinh, Hà Nội"), std::string("phường Phúc Xá, quận Ba Dình, Hả Nội"),
        std::string("phuờng Phúc Xá, quận Ba Đình, Hà Nội"),
        // every mark of the unit word lost: lower case says it is one
        std::string("phường Phúc Xá, quan Ba Đình, Hà Nội")}) {
    const AddressVerdict v = Check(text);
    EXPECT_EQ(v.status, "outdated") << text << ": " << v.message;
    ASSERT_TRUE(v.suggested.has_value()) << text;
    EXPECT_EQ(v.suggested->ward_code, "00097") << text;
  }
  // A letter misread in a longer name (Tu Mơ Rông -> Tu Mơ Ròng; Tê Xăng -> Tê Xảng).
  const AddressVerdict v = Check("thôn 3, xã Tê Xảng, huyện Tu Mơ Ròng, tỉnh Kon Tum");
  EXPECT_EQ(v.status, "outdated") << v.message;
  // A capitalised "Quan" begins a name.
  EXPECT_EQ(ParseAddress("xã Mường Mìn, Quan Sơn, Thanh Hóa", G()).district.name, "Quan Sơn");
}

TEST(Address, SplitCommuneListsEveryCandidateAndMarksThePopulation) {
  const AddressVerdict v = Check("xóm 3, xã Hồng Hà, huyện Đan Phượng, thành phố Hà Nội");
  EXPECT_EQ(v.status, "ambiguous");
  EXPECT_FALSE(v.suggested.has_value());
  EXPECT_EQ(v.candidates.size(), 4u);
  int marked = 0;
  for (const auto& c : v.candidates)
    if (c.all_population) {
      ++marked;
      EXPECT_EQ(c.ward, "Xã Ô Diên");
    }
  EXPECT_EQ(marked, 1);
  const AddressVerdict yen_phu = Check("P. Yên Phụ, Q. Tây Hồ, Hà Nội");
  EXPECT_EQ(yen_phu.status, "ambiguous");
  EXPECT_TRUE(CandidateCodes(yen_phu).count("00097")) << "Hồng Hà took part of Yên Phụ";
  // Each candidate carries the clause that made it, in the resolution's words.
  for (const auto& c : yen_phu.candidates) {
    EXPECT_EQ(c.basis.rfind("1656/NQ-UBTVQH15, khoản ", 0), 0u) << c.ward << ": " << c.basis;
    EXPECT_NE(c.basis_text.find("Yên Phụ"), std::string::npos) << c.ward << ": " << c.basis_text;
    const std::string ward = c.ward.substr(c.ward.find(' ') + 1);  // "Phường Hồng Hà" -> "Hồng Hà"
    EXPECT_NE(c.basis_text.find("tên gọi là phường " + ward), std::string::npos) << c.basis_text;
  }
}

TEST(Address, CurrentAddressIsCurrentAndTheNameAloneIsNotEnough) {
  EXPECT_EQ(Check("Số 5 phố Hàng Bè, phường Hoàn Kiếm, thành phố Hà Nội").status, "current");
  const AddressVerdict alone = Check("phường Hồng Hà");
  EXPECT_EQ(alone.status, "unknown");
  EXPECT_NE(alone.message.find("no province"), std::string::npos);
  EXPECT_NE(alone.message.find("Quảng Ninh"), std::string::npos) << alone.message;
}

TEST(Address, SameNameInAnotherProvinceIsAnotherCommune) {
  // Hồng Hà in Hà Nội is a new ward; the old Phường Hồng Hà of Quảng Ninh
  // (Hạ Long) and of Yên Bái went elsewhere.
  const AddressVerdict quang_ninh = Check("phường Hồng Hà, tỉnh Quảng Ninh");
  EXPECT_EQ(quang_ninh.status, "outdated");
  ASSERT_TRUE(quang_ninh.suggested.has_value());
  EXPECT_EQ(quang_ninh.suggested->ward, "Phường Hạ Long");
  EXPECT_EQ(quang_ninh.suggested->province_code, "22");
  const AddressVerdict yen_bai = Check("phường Hồng Hà, thành phố Yên Bái, tỉnh Yên Bái");
  EXPECT_EQ(yen_bai.status, "outdated");
  ASSERT_TRUE(yen_bai.suggested.has_value());
  EXPECT_EQ(yen_bai.suggested->province, "Tỉnh Lào Cai");
  EXPECT_EQ(Check("phường Hồng Hà, tỉnh Lào Cai").status, "unknown");
}

TEST(Address, DistrictStillWrittenIsOutdatedEvenForAnUnchangedCommune) {
  const AddressVerdict v = Check("xã Cái Chiên, huyện Hải Hà, tỉnh Quảng Ninh");
  EXPECT_EQ(v.status, "outdated");
  EXPECT_EQ(v.suggested_text, "xã Cái Chiên, tỉnh Quảng Ninh");
  EXPECT_EQ(Check("xã Cái Chiên, tỉnh Quảng Ninh").status, "current");
}

TEST(Address, NumberedWardsOfTheSouth) {
  const AddressVerdict v = Check("123 Nguyễn Trãi, P.5, Q.5, TP.HCM");
  EXPECT_EQ(v.status, "outdated");
  EXPECT_EQ(v.commune, "5");
  ASSERT_TRUE(v.old.has_value());
  EXPECT_EQ(v.old->district, "Quận 5");
  EXPECT_EQ(v.suggested_text.rfind("123 Nguyễn Trãi, phường ", 0), 0u) << v.suggested_text;
  EXPECT_EQ(Check("Phường 05, Quận 3, Thành phố Hồ Chí Minh").status, "outdated");
}

TEST(Address, MergedProvinceIsOutdated) {
  const AddressVerdict v = Check("thôn 2, xã Lũng Cú, tỉnh Hà Giang");
  EXPECT_EQ(v.status, "outdated");
  ASSERT_TRUE(v.suggested.has_value());
  EXPECT_EQ(v.suggested->province, "Tỉnh Tuyên Quang");
}

TEST(Address, ResolvedAsOfTheDate) {
  // Before the reform the old units were current.
  EXPECT_EQ(Check("phường Phúc Xá, quận Ba Đình, Hà Nội", "2025-03-01").status, "current");
  // Đồng Nai became a city on 30 April 2026 and Trảng Bom a ward.
  EXPECT_EQ(Check("ấp 3, xã Trảng Bom, tỉnh Đồng Nai", "2026-01-01").status, "current");
  const AddressVerdict later = Check("ấp 3, xã Trảng Bom, tỉnh Đồng Nai", "2026-11-28");
  EXPECT_EQ(later.status, "outdated");
  EXPECT_EQ(later.suggested_text, "ấp 3, phường Trảng Bom, thành phố Đồng Nai");
  EXPECT_NE(later.legal_basis.find("237/NQ-UBTVQH16"), std::string::npos);
}

TEST(Address, DocumentDatedBeforeTheChangeIsInformation) {
  EXPECT_EQ(Check("phường Phúc Xá, quận Ba Đình, Hà Nội", "2026-11-28", "2025-05-02").severity, Severity::kInfo);
  EXPECT_EQ(Check("phường Phúc Xá, quận Ba Đình, Hà Nội", "2026-11-28", "2025-09-02").severity, Severity::kWarning);
}

TEST(Address, IslandDistrictBecameASpecialZone) {
  const AddressVerdict v = Check("huyện Côn Đảo, tỉnh Bà Rịa - Vũng Tàu");
  EXPECT_EQ(v.status, "outdated");
  ASSERT_TRUE(v.suggested.has_value());
  EXPECT_EQ(v.suggested->ward, "Đặc khu Côn Đảo");
  EXPECT_EQ(v.suggested->province, "Thành phố Hồ Chí Minh");
}

TEST(Address, GarbageIsUnknownNotACrash) {
  for (const std::string& text : {std::string(""), std::string(",,,"), std::string("xã"), std::string("P."),
                                  std::string("\xFF\xFE garbage \xC3"), std::string(5000, 'a')})
    EXPECT_EQ(Check(text).status, "unknown") << text.substr(0, 20);
}

TEST(Address, VerdictJsonHasTheDocumentedShape) {
  const auto json = AddressVerdictToJson(Check("phường Phúc Xá, quận Ba Đình, Hà Nội"));
  for (const char* key : {"\"input\"", "\"status\"", "\"parsed\"", "\"old\"", "\"suggested\"", "\"candidates\"",
                          "\"legal_basis\"", "\"severity\"", "\"message\"", "\"text\""})
    EXPECT_NE(json.find(key), std::string::npos) << key;
  auto back = AddressVerdictFromJson(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->suggested_text, "phường Hồng Hà, thành phố Hà Nội");
}

// ---- addresses written during the transition (issue 19)

TEST(Address, NewWardWithTheOldDistrictItTookLandFrom) {
  const auto sai_gon = Check("Phường Sài Gòn, Quận 1, TP Hồ Chí Minh");
  EXPECT_EQ(sai_gon.status, "outdated") << sai_gon.message;
  ASSERT_TRUE(sai_gon.suggested);
  EXPECT_EQ(sai_gon.suggested->ward, "Phường Sài Gòn");
  EXPECT_EQ(sai_gon.suggested_text, "phường Sài Gòn, thành phố Hồ Chí Minh");
  EXPECT_NE(sai_gon.message.find("Quận 1 was abolished"), std::string::npos) << sai_gon.message;

  const auto hong_ha = Check("Số 8 phố Hàng Tre, phường Hồng Hà, quận Hoàn Kiếm, Hà Nội");
  EXPECT_EQ(hong_ha.status, "outdated") << hong_ha.message;
  ASSERT_TRUE(hong_ha.suggested);
  EXPECT_EQ(hong_ha.suggested->ward_code, "00097");
  EXPECT_EQ(hong_ha.suggested_text, "Số 8 phố Hàng Tre, phường Hồng Hà, thành phố Hà Nội");
  EXPECT_FALSE(hong_ha.legal_basis.empty());

  // A district it took no land from is not quietly accepted.
  const auto wrong = Check("phường Hồng Hà, quận Cầu Giấy, Hà Nội");
  EXPECT_EQ(wrong.status, "unknown");
  EXPECT_NE(wrong.message.find("took no land from Quận Cầu Giấy"), std::string::npos) << wrong.message;
}

TEST(Address, OldDistrictUnderItsNewProvince) {
  // Hà Nam merged into Ninh Bình: huyện Bình Lục is looked for in both.
  const auto v = Check("thôn 2, xã Bình Nghĩa, huyện Bình Lục, tỉnh Ninh Bình");
  EXPECT_EQ(v.status, "outdated") << v.message;
  ASSERT_TRUE(v.suggested);
  EXPECT_EQ(v.suggested->ward, "Xã Bình Lục");
  EXPECT_EQ(v.suggested->province, "Tỉnh Ninh Bình");
  EXPECT_NE(v.message.find("Tỉnh Hà Nam was merged into Tỉnh Ninh Bình"), std::string::npos) << v.message;
  EXPECT_NE(v.legal_basis.find("202/2025/QH15"), std::string::npos) << v.legal_basis;
  ASSERT_TRUE(v.old);
  EXPECT_EQ(v.old->province, "Tỉnh Hà Nam");
  // The district alone is found too, and said to be no longer enough.
  const auto district = Check("Huyện Bình Lục, Tỉnh Ninh Bình");
  EXPECT_EQ(district.message.find("not found"), std::string::npos) << district.message;
}

TEST(Address, NewWardUnderItsOldProvince) {
  const auto v = Check("thôn 5, xã Đồng Văn, tỉnh Hà Giang");
  EXPECT_EQ(v.status, "outdated") << v.message;
  ASSERT_TRUE(v.suggested);
  EXPECT_EQ(v.suggested->ward_code, "00721") << "not Ninh Bình's Phường Đồng Văn";
  EXPECT_EQ(v.suggested->province, "Tỉnh Tuyên Quang");
}

TEST(Address, ANameOfBothAnOldCommuneAndANewOneIsSaid) {
  // Old Phường Mường Thanh went to Phường Điện Biên Phủ; today's Phường
  // Mường Thanh took other wards of the same city.
  const auto v = Check("phường Mường Thanh, thành phố Điện Biên Phủ, tỉnh Điện Biên");
  EXPECT_EQ(v.status, "ambiguous") << v.message;
  EXPECT_EQ(CandidateCodes(v), (std::set<std::string>{"03127", "03334"}));
  EXPECT_NE(v.message.find("names both"), std::string::npos) << v.message;
  // A document written before the reform can only mean the old ward.
  const auto before = Check("phường Mường Thanh, thành phố Điện Biên Phủ, tỉnh Điện Biên", "2026-11-28", "2024-05-01");
  EXPECT_EQ(before.status, "outdated") << before.message;
  ASSERT_TRUE(before.suggested);
  EXPECT_EQ(before.suggested->ward_code, "03127");
  // The unit word decides where it fits one reading: xã Đông Anh is today's
  // commune, thị trấn Đông Anh the old town, divided three ways.
  const auto xa = Check("xã Đông Anh, huyện Đông Anh, Hà Nội");
  EXPECT_EQ(xa.status, "outdated") << xa.message;
  ASSERT_TRUE(xa.suggested);
  EXPECT_EQ(xa.suggested->ward, "Xã Đông Anh");
  const auto town = Check("thị trấn Đông Anh, huyện Đông Anh, Hà Nội");
  EXPECT_EQ(town.status, "ambiguous") << town.message;
  EXPECT_EQ(CandidateCodes(town).size(), 3u);
}

TEST(Address, CommuneWithoutItsUnitWordAtTheEndOfTheStreetPart) {
  const auto v = Check("Số 5 ngõ 12 Phúc Xá, Ba Đình, Hà Nội");
  EXPECT_EQ(v.status, "outdated") << v.message;
  EXPECT_EQ(v.commune, "Phúc Xá");
  EXPECT_EQ(v.street, "Số 5 ngõ 12");
  ASSERT_TRUE(v.suggested);
  EXPECT_EQ(v.suggested->ward_code, "00097");
  EXPECT_EQ(v.suggested_text, "Số 5 ngõ 12, phường Hồng Hà, thành phố Hà Nội");
  EXPECT_NE(v.matched.find("'Phúc Xá'"), std::string::npos) << v.matched;

  const auto tu_lien = Check("12 Tứ Liên, Tây Hồ, Hà Nội");
  EXPECT_EQ(tu_lien.commune, "Tứ Liên");
  EXPECT_EQ(tu_lien.street, "12");
  EXPECT_EQ(tu_lien.status, "ambiguous") << "Tứ Liên was divided";
  // A name that is a ward's, or starts like a unit word ("Phố", "Quản",
  // "Tịnh"), is still the name.
  EXPECT_EQ(Check("79 Phố Huế, Hai Bà Trưng, Hà Nội").commune, "Phố Huế");
  const auto quan_ba = Check("thôn 3 Tùng Vài, Quản Bạ, Hà Giang");
  EXPECT_EQ(quan_ba.district, "Quản Bạ");
  EXPECT_EQ(quan_ba.commune, "Tùng Vài");
  EXPECT_EQ(quan_ba.status, "outdated") << quan_ba.message;
  EXPECT_EQ(Check("ấp 2 Tịnh Biên, Tịnh Biên, An Giang").district, "Tịnh Biên");

  // After a street word the name is the street's: phố Phúc Xá is a street.
  const auto street = Check("Số 5 phố Phúc Xá, Ba Đình, Hà Nội");
  EXPECT_EQ(street.commune, "");
  EXPECT_TRUE(street.matched.empty());
  // With its unit word nothing is guessed.
  EXPECT_TRUE(Check("12 Tứ Liên, phường Phúc Xá, quận Ba Đình, Hà Nội").matched.empty());
  // The name is a commune of the written district, not of the province.
  EXPECT_EQ(Check("Số 5 ngõ 12 Phúc Xá, Tây Hồ, Hà Nội").commune, "");
}

TEST(Address, MessagesSayWhatHappened) {
  // Unchanged commune, its province merged.
  const auto kept = Check("thôn 2, xã Ngọc Long, huyện Yên Minh, tỉnh Hà Giang");
  EXPECT_EQ(kept.status, "outdated");
  EXPECT_NE(kept.message.find("Huyện Yên Minh was abolished"), std::string::npos) << kept.message;
  EXPECT_NE(kept.message.find("Xã Ngọc Long is unchanged"), std::string::npos) << kept.message;
  EXPECT_NE(kept.message.find("Tỉnh Hà Giang was merged into Tỉnh Tuyên Quang"), std::string::npos) << kept.message;
  EXPECT_NE(kept.legal_basis.find("202/2025/QH15"), std::string::npos);
  // A commune that kept its name and took others in.
  const auto took = Check("xã Ngọc Đường, thành phố Hà Giang, tỉnh Hà Giang");
  EXPECT_NE(took.message.find("Xã Ngọc Đường kept its name and took in part of Xã Yên Định"), std::string::npos)
      << took.message;
  // Merged with others.
  const auto merged = Check("phường Phúc Xá, quận Ba Đình, Hà Nội");
  EXPECT_NE(merged.message.find("Phường Phúc Xá"), std::string::npos);
  EXPECT_NE(merged.message.find("merged into Phường Hồng Hà"), std::string::npos) << merged.message;
  // Divided.
  EXPECT_NE(Check("phường Tứ Liên, quận Tây Hồ, Hà Nội").message.find("divided"), std::string::npos);
}

TEST(Address, NoMessageSaysAUnitWasMergedIntoItself) {
  int checked = 0;
  for (const Commune& c : G().communes()) {
    if (c.alias || c.valid.to != "2025-06-30" || c.district_code.empty()) continue;
    const District* d = G().DistrictByCode(c.district_code);
    const Province* p = G().ProvinceOn(c.province_code, "2025-06-30");
    if (!d || !p) continue;
    const auto v = Check(c.FullName() + ", " + d->FullName() + ", " + p->FullName());
    ++checked;
    if (v.status != "outdated" || !v.suggested) continue;
    const std::string& now = v.suggested->ward;
    EXPECT_EQ(v.message.find(now + " was merged into " + now), std::string::npos) << v.message;
    EXPECT_EQ(v.message.find(now + " was renamed " + now), std::string::npos) << v.message;
  }
  EXPECT_GT(checked, 10000);
}

// Addresses generated from the NSO conversion table (an independent source)
// by tools/bench/address_accuracy --count 300 --write-cases: the usual writing
// styles and the transition's (tools/samplegen/transition.h).
TEST(Address, GeneratedAddressesInEveryStyle) {
  std::ifstream in(test::DataDir() / "addresses" / "generated.tsv");
  ASSERT_TRUE(in);
  std::string line;
  std::getline(in, line);
  int total = 0, right = 0;
  std::map<std::string, std::pair<int, int>> by_style;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, '\t');) f.push_back(cell);
    f.resize(6);
    const AddressVerdict v = Check(f[1], "2026-01-01");
    bool ok = v.status == f[3];
    if (ok && f[3] == "outdated")
      ok = v.suggested && v.suggested->ward_code == f[4] &&
           (f[2].empty() || v.suggested_text.rfind(f[2] + ", ", 0) == 0);
    if (ok && f[3] == "ambiguous") {
      std::set<std::string> expected;
      std::stringstream cs(f[5]);
      for (std::string c; std::getline(cs, c, ',');) expected.insert(c);
      ok = CandidateCodes(v) == expected;
    }
    ++total;
    right += ok;
    by_style[f[0]].second++;
    by_style[f[0]].first += ok;
  }
  ASSERT_GE(total, 2000);
  EXPECT_GE(right, total * 99 / 100) << right << " of " << total;
  for (const auto& [style, rt] : by_style) EXPECT_GE(rt.first, rt.second * 98 / 100) << style;
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

TEST(SpellPlaceName, APlacesNameAsTheUnitsOfThoseLettersSpellIt) {
  auto g = Gazetteer::Load(Gazetteer::DefaultDir());
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(SpellPlaceName("Cao Lành", **g), "Cao Lãnh");
  EXPECT_EQ(SpellPlaceName("Đà Nẳng", **g), "Đà Nẵng");
  EXPECT_EQ(SpellPlaceName("Hà Nội", **g), "Hà Nội");
  EXPECT_EQ(SpellPlaceName("Xuân Chỉnh", **g), "Xuân Chỉnh") << "Xuân Chinh and Xuân Chính are both units";
  EXPECT_EQ(SpellPlaceName("Quang Vân Lạc", **g), "Quang Vân Lạc") << "no unit's name";
  EXPECT_EQ(SpellPlaceName("Cao Lanh", **g), "Cao Lanh") << "written without marks: left as written";
}

TEST(SpellAddress, UnitNamesAsTheGazetteerSpellsThem) {
  auto g = Gazetteer::Load(Gazetteer::DefaultDir());
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(SpellAddress("xóm 6, xã Ca Na, tỉnh Khanh Hòa", **g), "xóm 6, xã Cà Ná, tỉnh Khánh Hòa");
  EXPECT_EQ(SpellAddress("Số 426 đường Lê Lợi, phường 2, quận 5, thành phố Hồ Chi Minh", **g),
            "Số 426 đường Lê Lợi, phường 2, quận 5, thành phố Hồ Chí Minh");
  EXPECT_EQ(SpellAddress("bản 11, xã Tan Dương, huyện Lai Vung, tinh Đồng Tháp", **g),
            "bản 11, xã Tân Dương, huyện Lai Vung, tỉnh Đồng Tháp");
  EXPECT_EQ(SpellAddress("Xã Ninh Xuân, Thi Xã Ninh Hòa, tỉnh Khánh Hòa", **g),
            "Xã Ninh Xuân, Thị Xã Ninh Hòa, tỉnh Khánh Hòa")
      << "the unit word's marks, its capitals kept";
  EXPECT_EQ(SpellAddress("PHƯỜNG PHÚC XA, QUẬN BA ĐINH, HÀ NỘI", **g), "PHƯỜNG PHÚC XÁ, QUẬN BA ĐÌNH, HÀ NỘI");
  EXPECT_EQ(SpellAddress("thon 12, xã Canh Liên, huyện Vân Canh, tỉnh Bình Định", **g),
            "thôn 12, xã Canh Liên, huyện Vân Canh, tỉnh Bình Định")
      << "the hamlet word";
  // Streets named after places (or after those who name wards): marks left
  // out of a name the gazetteer spells one way only are put back.
  EXPECT_EQ(SpellAddress("26/57 đường Phuc Xá, phường Hạc Thành, tỉnh Thanh Hóa", **g),
            "26/57 đường Phúc Xá, phường Hạc Thành, tỉnh Thanh Hóa");
  EXPECT_EQ(SpellAddress("Số 78 phố Tran Phú, phường Hồng Hà, Hà Nội", **g),
            "Số 78 phố Trần Phú, phường Hồng Hà, Hà Nội");
  // Otherwise the street part is the writer's: names the gazetteer does not
  // know, one-word names, and marks that disagree (not left out) stay.
  EXPECT_EQ(SpellAddress("Số 171, ngõ 82 phố Ly Thuong Kiệt, phường Hồng Hà, Hà Nội", **g),
            "Số 171, ngõ 82 phố Lý Thường Kiệt, phường Hồng Hà, Hà Nội");
  EXPECT_EQ(SpellAddress("Số 171 đường Ton Duc Thắng, phường Hồng Hà, Hà Nội", **g),
            "Số 171 đường Ton Duc Thắng, phường Hồng Hà, Hà Nội");
  EXPECT_EQ(SpellAddress("Số 9 đường Hoa, phường Hồng Hà, Hà Nội", **g), "Số 9 đường Hoa, phường Hồng Hà, Hà Nội");
  EXPECT_EQ(SpellAddress("Số 9 đường Phùc Xá, phường Hồng Hà, Hà Nội", **g),
            "Số 9 đường Phùc Xá, phường Hồng Hà, Hà Nội");
  // An address written without marks stays so.
  EXPECT_EQ(SpellAddress("so 5 phuong Phuc Xa quan Ba Dinh Ha Noi", **g), "so 5 phuong Phuc Xa quan Ba Dinh Ha Noi");
}

}  // namespace
}  // namespace hoso

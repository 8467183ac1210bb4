#include "core/record_json.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

DossierRecord FullRecord() {
  DossierRecord r;
  r.source = "scans/hồ sơ 1.pdf";
  r.sha256 = std::string(64, 'a');
  r.dossier_id = 42;
  r.status = DossierStatus::kNeedsReview;
  r.doc_type = "land_registration";
  r.doc_date = "2025-07-05";
  PageRecord p;
  p.index = 0;
  p.width = 2480;
  p.height = 3508;
  p.dpi = 300;
  p.rotation = 90;
  p.skew_deg = -1.25;
  p.blank = false;
  p.ocr_confidence = 0.913;
  p.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
  r.pages.push_back(p);
  r.fields["full_name"] = FieldValue{"Nguyễn Văn An", 0.91, 0, Box{10, 20, 300, 40}};
  AddressVerdict v;
  v.input = "phường Phúc Xá, quận Ba Đình, Hà Nội";
  v.status = "outdated";
  v.commune = "Phúc Xá";
  v.old = AddressUnit{"00001", "Phường Phúc Xá", "Quận Ba Đình", "Thành phố Hà Nội"};
  v.suggested = AddressTarget{"00097", "Phường Hồng Hà", "01", "Thành phố Hà Nội", "", false};
  v.suggested_text = "phường Hồng Hà, thành phố Hà Nội";
  v.candidates.push_back(AddressTarget{"00097", "Phường Hồng Hà", "01", "Thành phố Hà Nội", "whole", true});
  v.legal_basis = "1656/NQ-UBTVQH15";
  v.severity = Severity::kWarning;
  v.message = "old address";
  r.address = v;
  r.flags.push_back(Flag{"ADDRESS_OUTDATED", Severity::kWarning, "permanent_address", "old unit"});
  return r;
}

TEST(RecordJson, KeysFollowTheContractOrder) {
  const std::string json = RecordToJson(FullRecord());
  const char* keys[] = {"\"source\"",   "\"sha256\"", "\"dossier_id\"", "\"status\"",  "\"doc_type\"",
                        "\"doc_date\"", "\"pages\"",  "\"fields\"",     "\"address\"", "\"flags\""};
  size_t last = 0;
  for (const char* k : keys) {
    const size_t at = json.find(k);
    ASSERT_NE(at, std::string::npos) << k;
    EXPECT_GT(at, last) << k << " out of order in " << json;
    last = at;
  }
  EXPECT_EQ(json.find('\n'), std::string::npos) << "one record is one line";
  EXPECT_EQ(json.find("\"error\""), std::string::npos) << "error only when rejected";
}

TEST(RecordJson, KeepsVietnameseAsUtf8) {
  const std::string json = RecordToJson(FullRecord());
  EXPECT_NE(json.find("Nguyễn Văn An"), std::string::npos) << json;
  EXPECT_NE(json.find("hồ sơ"), std::string::npos);
}

TEST(RecordJson, RoundTrips) {
  const DossierRecord r = FullRecord();
  auto back = RecordFromJson(RecordToJson(r));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->source, r.source);
  EXPECT_EQ(back->dossier_id, 42);
  EXPECT_EQ(back->status, DossierStatus::kNeedsReview);
  EXPECT_EQ(back->doc_date, r.doc_date);
  ASSERT_EQ(back->pages.size(), 1u);
  EXPECT_EQ(back->pages[0].rotation, 90);
  EXPECT_DOUBLE_EQ(back->pages[0].skew_deg, -1.25);
  EXPECT_EQ(back->pages[0].text, r.pages[0].text);
  EXPECT_EQ(back->fields.at("full_name"), r.fields.at("full_name"));
  ASSERT_TRUE(back->address.has_value());
  EXPECT_EQ(back->address->suggested->ward_code, "00097");
  EXPECT_EQ(back->address->suggested_text, r.address->suggested_text);
  ASSERT_EQ(back->address->candidates.size(), 1u);
  EXPECT_TRUE(back->address->candidates[0].all_population);
  EXPECT_EQ(back->flags, r.flags);
}

TEST(RecordJson, RejectedRecordCarriesErrorAndNulls) {
  DossierRecord r;
  r.source = "broken.jpg";
  r.status = DossierStatus::kRejected;
  r.error = ErrorInfo{"INPUT_TRUNCATED", "cut short"};
  const std::string json = RecordToJson(r);
  EXPECT_NE(json.find("\"error\":{\"code\":\"INPUT_TRUNCATED\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"dossier_id\":null"), std::string::npos);
  EXPECT_NE(json.find("\"doc_date\":null"), std::string::npos);
  EXPECT_NE(json.find("\"address\":null"), std::string::npos);
}

TEST(RecordJson, RefusesWhatIsNotARecord) {
  EXPECT_FALSE(RecordFromJson("{not json").ok());
  EXPECT_FALSE(RecordFromJson("{\"status\":\"lost\"}").ok());
}

}  // namespace
}  // namespace hoso

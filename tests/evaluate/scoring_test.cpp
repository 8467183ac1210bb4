// The scorer's metrics on hand-made cases with answers worked out by hand.
#include "scoring.h"

#include <gtest/gtest.h>

namespace evaluate {
namespace {

TruthDossier Dossier(const std::string& file) {
  TruthDossier t;
  t.file = file;
  t.doc_type = "residence_change";
  t.doc_date = "2025-07-05";
  t.fields = {{"full_name", "Võ Thị Hoa"}, {"gender", "female"}, {"phone", "0912345678"}};
  t.address.status = "outdated";
  t.address.ward_code = "00097";
  TruthPage form;
  form.index = 0;
  form.kind = "form";
  form.text = "abcdefghij\n";  // 10 characters
  form.strength = 0.2;
  form.rotation = 90;
  form.skew_deg = 2.0;
  TruthPage blank;
  blank.index = 1;
  blank.kind = "blank";
  blank.blank = true;
  blank.strength = 0.8;
  t.pages = {form, blank};
  return t;
}

hoso::DossierRecord Record(const std::string& file) {
  hoso::DossierRecord r;
  r.source = "set/" + file;
  r.doc_type = "residence_change";
  r.doc_date = "2025-07-05";
  hoso::PageRecord p0, p1;
  p0.index = 0;
  p0.rotation = 90;
  p0.skew_deg = 2.3;
  p1.index = 1;
  p1.blank = true;
  p1.rotation = 180;  // irrelevant on a blank page
  r.pages = {p0, p1};
  r.fields["full_name"].value = "Võ Thị Hoa";
  r.fields["gender"].value = "male";
  hoso::AddressVerdict v;
  v.status = "outdated";
  v.suggested = hoso::AddressTarget{"00097", "Phường Hồng Hà", "01", "Thành phố Hà Nội", "", false};
  r.address = v;
  return r;
}

TEST(ParseTruth, ReadsSamplegensFormat) {
  auto t = ParseTruth(
      R"({"file":"d.pdf","doc_type":"citizen_id","doc_date":null,"fields":{"gender":"male"},"id_consistent":false,)"
      R"("address":{"status":"ambiguous","ward_code":"","candidates":["00097","00103"]},)"
      R"("pages":[{"kind":"id_copy","lines":["A","B"],"rotation":270,"skew_deg":-3.5,"blank":false,"strength":0.5}]})");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->file, "d.pdf");
  EXPECT_FALSE(t->doc_date.has_value());
  EXPECT_FALSE(t->id_consistent);
  EXPECT_EQ(t->address.candidates.size(), 2u);
  ASSERT_EQ(t->pages.size(), 1u);
  EXPECT_EQ(t->pages[0].text, "A\nB\n");
  EXPECT_EQ(t->pages[0].rotation, 270);
  EXPECT_DOUBLE_EQ(t->pages[0].skew_deg, -3.5);
  EXPECT_FALSE(ParseTruth("{").ok());
}

TEST(StrengthBucket, Thresholds) {
  EXPECT_EQ(StrengthBucket(0), "none");
  EXPECT_EQ(StrengthBucket(0.2), "light");
  EXPECT_EQ(StrengthBucket(0.5), "medium");
  EXPECT_EQ(StrengthBucket(0.9), "heavy");
}

TEST(ScoreText, CerAndRecallPerPageAndByStrength) {
  const std::vector<TruthDossier> truth = {Dossier("a.tif"), Dossier("b.tif")};
  PageTexts texts;
  texts["a.tif"] = {"abcdefghiX", ""};  // one substitution: CER 0.1
  // b.tif missing entirely: CER 1, recall 0.
  const TextScore s = ScoreText(truth, texts);
  EXPECT_EQ(s.all.pages, 2) << "blank pages are not scored";
  EXPECT_NEAR(s.all.cer, (0.1 + 1.0) / 2, 1e-9);
  EXPECT_NEAR(s.all.word_recall, 0.0, 1e-9) << "the single word is wrong in both";
  ASSERT_EQ(s.by_strength.count("light"), 1u);
  EXPECT_EQ(s.by_strength.at("light").pages, 2);
  EXPECT_EQ(s.by_strength.count("heavy"), 0u);
  ASSERT_EQ(s.pages.size(), 2u);
}

TEST(ScorePages, RotationBlankAndSkew) {
  const std::vector<TruthDossier> truth = {Dossier("a.tif"), Dossier("b.tif")};
  std::map<std::string, hoso::DossierRecord> records;
  records["a.tif"] = Record("a.tif");
  auto b = Record("b.tif");
  b.pages[0].rotation = 0;   // wrong
  b.pages[1].blank = false;  // wrong
  records["b.tif"] = b;
  const PageScore s = ScorePages(truth, records);
  EXPECT_EQ(s.pages, 4);
  EXPECT_DOUBLE_EQ(s.rotation_accuracy, 3.0 / 4);
  EXPECT_DOUBLE_EQ(s.blank_accuracy, 3.0 / 4);
  EXPECT_EQ(s.skew_pages, 1) << "skew only where the rotation is right";
  EXPECT_NEAR(s.skew_median_error, 0.3, 1e-9);
}

TEST(ScoreFields, ExactMatchPerField) {
  const std::vector<TruthDossier> truth = {Dossier("a.tif"), Dossier("b.tif")};
  std::map<std::string, hoso::DossierRecord> records;
  records["a.tif"] = Record("a.tif");
  auto b = Record("b.tif");
  b.fields["gender"].value = "female";
  b.fields["phone"].value = "0912345678";
  b.doc_type = "land_registration";
  records["b.tif"] = b;
  const FieldScore s = ScoreFields(truth, records);
  EXPECT_EQ(s.dossiers, 2);
  EXPECT_DOUBLE_EQ(s.doc_type_accuracy, 0.5);
  EXPECT_DOUBLE_EQ(s.doc_date_accuracy, 1.0);
  EXPECT_DOUBLE_EQ(s.field_accuracy.at("full_name"), 1.0);
  EXPECT_DOUBLE_EQ(s.field_accuracy.at("gender"), 0.5);
  EXPECT_DOUBLE_EQ(s.field_accuracy.at("phone"), 0.5);
  EXPECT_DOUBLE_EQ(s.all_core_fields_accuracy, 0.5) << "only b has every core field right";
}

TEST(ScoreAddresses, StatusSuggestionAndCandidates) {
  auto a = Dossier("a.tif");
  auto split = Dossier("s.tif");
  split.address.status = "ambiguous";
  split.address.ward_code = "";
  split.address.candidates = {"00097", "00103"};
  std::map<std::string, hoso::DossierRecord> records;
  records["a.tif"] = Record("a.tif");
  auto r = Record("s.tif");
  r.address->status = "ambiguous";
  r.address->suggested.reset();
  r.address->candidates = {{"00103", "Tây Hồ", "01", "", "part", false}, {"00097", "Hồng Hà", "01", "", "part", false}};
  records["s.tif"] = r;
  AddressScore s = ScoreAddresses({a, split}, records);
  EXPECT_EQ(s.dossiers, 2);
  EXPECT_DOUBLE_EQ(s.status_accuracy, 1.0);
  EXPECT_EQ(s.outdated, 1);
  EXPECT_DOUBLE_EQ(s.suggestion_accuracy, 1.0);
  EXPECT_EQ(s.ambiguous, 1);
  EXPECT_DOUBLE_EQ(s.candidates_accuracy, 1.0) << "order does not matter";
  records["s.tif"].address->candidates.pop_back();
  s = ScoreAddresses({a, split}, records);
  EXPECT_DOUBLE_EQ(s.candidates_accuracy, 0.0) << "a missing candidate is wrong";
}

TEST(TextTruth, FormFeedsSeparatePages) {
  const TruthDossier t = TruthFromText("letter.pdf", "Số: 1535\nKính gửi:\n\fNơi nhận:\n\f");
  ASSERT_EQ(t.pages.size(), 2u);
  EXPECT_EQ(t.pages[0].text, "Số: 1535\nKính gửi:\n");
  EXPECT_EQ(t.pages[1].text, "Nơi nhận:\n");
  EXPECT_EQ(t.pages[1].index, 1);
  EXPECT_FALSE(t.pages[0].blank);
  EXPECT_TRUE(t.fields.empty());
  // Decomposed marks are composed, as hoso's output is.
  EXPECT_EQ(TruthFromText("a.jpg", "Nguye\xCC\x82\xCC\x83n").pages[0].text, "Nguyễn");
}

TEST(TextTruth, DegradedCopiesShareTheirOriginalsTruth) {
  const std::vector<std::string> have = {"letter-photo.gt.txt", "scan-2019.gt.txt"};
  EXPECT_EQ(TruthTextFor("letter-photo.jpg", have), "letter-photo.gt.txt");
  EXPECT_EQ(TruthTextFor("dir/letter-photo-blur.jpg", have), "letter-photo.gt.txt");
  EXPECT_EQ(TruthTextFor("letter-photo-dark-2.png", have), "letter-photo.gt.txt");
  EXPECT_EQ(TruthTextFor("scan-2019.pdf", have), "scan-2019.gt.txt");
  EXPECT_EQ(TruthTextFor("letter.jpg", have), std::nullopt);
  EXPECT_EQ(TruthTextFor("other-photo.jpg", have), std::nullopt);
}

// A letter's header: right values, a handwritten number misread but
// flagged, a wrong place nobody is asked about, a subject within 5% CER.
TEST(ScoreHeaders, RightFlaggedWrongAndMissing) {
  const auto header = ParseTruthHeader(
      R"({"file": "l.pdf", "doc_kind": "công văn", "number": "1535", "symbol": "SGDĐT-CTrTT",)"
      R"( "issuer": "Sở Giáo dục và Đào tạo", "place": "Đà Nẵng", "date": "2019-05-31",)"
      R"( "subject": "bảo đảm an toàn giao thông trong dịp nghỉ hè", "handwritten": ["number", "date.day"]})");
  ASSERT_TRUE(header.has_value());
  EXPECT_FALSE(ParseTruthHeader(R"({"file": "x.png", "pages": 1})").has_value()) << "no doc_kind: no header";
  TruthDossier t;
  t.file = "l.pdf";
  t.header = header;
  hoso::DossierRecord r;
  r.source = "/in/l.pdf";
  auto put = [&](const char* key, const char* value) { r.fields[key] = {value, 0.9, 0, {}}; };
  put("doc_kind", "công văn");
  put("doc_number", "4/35");
  put("doc_symbol", "SGDĐT-CTrTT");
  put("issuer", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");  // case aside, right
  put("issue_place", "Đà Lạt");
  put("subject", "bảo đảm an toàn giao thông trong địp nghỉ hè");
  r.flags.push_back({"HANDWRITTEN", hoso::Severity::kWarning, "doc_number", ""});
  const HeaderScore s = ScoreHeaders({t}, {{"l.pdf", r}});
  EXPECT_EQ(s.documents, 1);
  EXPECT_EQ(s.by_key.at("doc_kind").right, 1);
  EXPECT_EQ(s.by_key.at("number").flagged, 1);
  EXPECT_EQ(s.by_key.at("symbol").right, 1);
  EXPECT_EQ(s.by_key.at("issuer").right, 1);
  EXPECT_EQ(s.by_key.at("place").wrong, 1);
  EXPECT_EQ(s.by_key.at("date").missing, 1);
  EXPECT_EQ(s.by_key.at("subject").right, 1);
  EXPECT_EQ(s.handwritten, 2);
  EXPECT_EQ(s.handwritten_flagged, 1);
  // A letter has no applicant: no form's core fields to score.
  EXPECT_EQ(ScoreFields({t}, {{"l.pdf", r}}).forms, 0);
}

}  // namespace
}  // namespace evaluate

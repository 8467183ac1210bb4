#include "validate/validate.h"

#include <gtest/gtest.h>

namespace hoso {
namespace {

PageRecord Page(int index, double conf, bool blank = false, std::string text = "some text") {
  PageRecord p;
  p.index = index;
  p.ocr_confidence = conf;
  p.blank = blank;
  p.text = blank ? "" : text;
  return p;
}

TEST(Validate, ConfidentPagesRaiseNothing) {
  DossierRecord r;
  r.pages = {Page(0, 0.93), Page(1, 0, true)};
  EXPECT_TRUE(Validate(r, {}).empty());
  EXPECT_EQ(Decide(Validate(r, {})), DossierStatus::kRegistered);
}

TEST(Validate, LowConfidencePageIsAWarning) {
  DossierRecord r;
  r.pages = {Page(0, 0.93), Page(1, 0.41)};
  const auto flags = Validate(r, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, "LOW_CONFIDENCE");
  EXPECT_EQ(flags[0].severity, Severity::kWarning);
  EXPECT_NE(flags[0].message.find("trang 2"), std::string::npos) << "Vietnamese by default: " << flags[0].message;
  EXPECT_EQ(Decide(flags), DossierStatus::kNeedsReview);
  ValidateOptions english;
  english.english = true;
  EXPECT_NE(Validate(r, english)[0].message.find("page 2"), std::string::npos);
}

TEST(Validate, AllBlankIsNoText) {
  DossierRecord r;
  r.pages = {Page(0, 0, true), Page(1, 0, true)};
  const auto flags = Validate(r, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, "NO_TEXT");
}

TEST(Validate, AddressVerdictsBecomeFlags) {
  DossierRecord r;
  r.pages = {Page(0, 0.9)};
  r.address = AddressVerdict{};
  r.address->status = "outdated";
  r.address->severity = Severity::kInfo;
  auto flags = Validate(r, {});
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].code, "ADDRESS_OUTDATED");
  EXPECT_EQ(flags[0].field, "permanent_address");
  EXPECT_EQ(Decide(flags), DossierStatus::kRegistered) << "info only: a document dated before the change";
  r.address->status = "current";
  EXPECT_TRUE(Validate(r, {}).empty());
}

// Checking a record again replaces exactly the codes Validate gives: each
// code it gives is listed.
TEST(Validate, EveryCodeItGivesIsListed) {
  DossierRecord r;
  r.pages = {Page(0, 0.3), Page(1, 0, true)};
  r.doc_date = "2020-01-01";
  r.fields["id_number"] = FieldValue{"03616001234", 0.2, 0, {}};
  r.fields["date_of_birth"] = FieldValue{"2021-05-05", 0.9, 0, {}};
  r.address = AddressVerdict{};
  std::set<std::string> given;
  for (const char* status : {"outdated", "ambiguous", "unknown"}) {
    r.address->status = status;
    for (const Flag& f : Validate(r, {})) given.insert(f.code);
  }
  r.fields["id_number"].value = "036160012345";  // a 12-digit ID that disagrees with the form
  r.fields["gender"] = FieldValue{"female", 0.9, 0, {}};
  for (const Flag& f : Validate(r, {})) given.insert(f.code);
  r.fields["id_number"].value = "036160012";  // a 9-digit CMND
  for (const Flag& f : Validate(r, {})) given.insert(f.code);
  r.pages = {Page(0, 0, true)};
  for (const Flag& f : Validate(r, {})) given.insert(f.code);
  EXPECT_GE(given.size(), 8u);
  for (const std::string& code : given) EXPECT_TRUE(ValidateCodes().count(code)) << code;
}

TEST(Decide, AnyWarningOrErrorSendsToReview) {
  EXPECT_EQ(Decide({}), DossierStatus::kRegistered);
  EXPECT_EQ(Decide({{"DUPLICATE", Severity::kInfo, "", ""}}), DossierStatus::kRegistered);
  EXPECT_EQ(Decide({{"X", Severity::kError, "", ""}}), DossierStatus::kNeedsReview);
  // Archive mode: address flags are kept but do not hold the dossier back.
  ValidateOptions archive;
  archive.address_flags_need_review = false;
  const std::vector<Flag> outdated = {{"ADDRESS_OUTDATED", Severity::kWarning, "permanent_address", "m"}};
  EXPECT_EQ(Decide(outdated), DossierStatus::kNeedsReview);
  EXPECT_EQ(Decide(outdated, archive), DossierStatus::kRegistered);
  EXPECT_EQ(Decide({{"LOW_CONFIDENCE", Severity::kWarning, "", ""}}, archive), DossierStatus::kNeedsReview);
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

DossierRecord Person(const std::string& id, const std::string& dob, const std::string& gender) {
  DossierRecord r;
  r.fields["id_number"] = FieldValue{id, 0.9, 0, {}};
  r.fields["date_of_birth"] = FieldValue{dob, 0.9, 0, {}};
  r.fields["gender"] = FieldValue{gender, 0.9, 0, {}};
  return r;
}

std::vector<std::string> Codes(const std::vector<Flag>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) out.push_back(f.code);
  return out;
}

TEST(IdChecks, ConsistentIdsRaiseNothing) {
  EXPECT_TRUE(Validate(Person("001088012345", "1988-04-03", "male"), {}).empty());
  EXPECT_TRUE(Validate(Person("079305000123", "2005-01-01", "female"), {}).empty()) << "3: female, 2000s";
  EXPECT_TRUE(Validate(Person("045152273027", "1952-09-22", "female"), {}).empty());
}

TEST(IdChecks, CenturyGenderDigitOrBirthYearThatDisagree) {
  auto flags = Validate(Person("001188012345", "1988-04-03", "male"), {});  // 1 = female
  ASSERT_EQ(Codes(flags), std::vector<std::string>{"ID_NUMBER_MISMATCH"});
  EXPECT_EQ(flags[0].severity, Severity::kError);
  EXPECT_NE(flags[0].message.find("chữ số thứ 4 ghi nữ, tờ khai ghi nam"), std::string::npos) << flags[0].message;
  EXPECT_EQ(Codes(Validate(Person("001089012345", "1988-04-03", "male"), {})),
            std::vector<std::string>{"ID_NUMBER_MISMATCH"})
      << "birth year 89 vs 1988";
  EXPECT_EQ(Codes(Validate(Person("001288012345", "1988-04-03", "male"), {})),
            std::vector<std::string>{"ID_NUMBER_MISMATCH"})
      << "2 = born in the 2000s";
  EXPECT_EQ(Decide(Validate(Person("001288012345", "1988-04-03", "male"), {})), DossierStatus::kNeedsReview);
}

TEST(IdChecks, InvalidAndOldIds) {
  EXPECT_EQ(Codes(Validate(Person("00108801234", "1988-04-03", "male"), {})),
            std::vector<std::string>{"ID_NUMBER_INVALID"})
      << "11 digits";
  EXPECT_EQ(Codes(Validate(Person("003088012345", "1988-04-03", "male"), {})),
            std::vector<std::string>{"ID_NUMBER_INVALID"})
      << "003 is no province";
  EXPECT_TRUE(IsIdProvinceCode("079"));
  EXPECT_FALSE(IsIdProvinceCode("099"));
  const auto old = Validate(Person("012345678", "1988-04-03", "male"), {});
  EXPECT_EQ(Codes(old), std::vector<std::string>{"ID_NUMBER_OLD"});
  EXPECT_EQ(Decide(old), DossierStatus::kRegistered) << "an old CMND is information";
}

TEST(FieldChecks, BirthAfterTheDocumentAndFieldsReadPoorly) {
  DossierRecord r = Person("001088012345", "1988-04-03", "male");
  r.doc_date = "1987-01-01";
  EXPECT_EQ(Codes(Validate(r, {})), std::vector<std::string>{"DATE_INVALID"});
  DossierRecord low = Person("001088012345", "1988-04-03", "male");
  low.fields["full_name"] = FieldValue{"Lê Văn Hùng", 0.31, 0, {}};
  const auto flags = Validate(low, {});
  ASSERT_EQ(Codes(flags), std::vector<std::string>{"LOW_CONFIDENCE"});
  EXPECT_EQ(flags[0].field, "full_name");
}

}  // namespace
}  // namespace hoso

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
  EXPECT_NE(flags[0].message.find("page 2"), std::string::npos);
  EXPECT_EQ(Decide(flags), DossierStatus::kNeedsReview);
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

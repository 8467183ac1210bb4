#include "registry/registry.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "registry/backend.h"
#include "support/records.h"
#include "registry/schema.h"
#include "support/test_support.h"

namespace hoso {
namespace {

DossierRecord Record(const std::string& sha, DossierStatus status = DossierStatus::kRegistered) {
  DossierRecord r;
  r.source = "scans/" + sha.substr(0, 4) + ".pdf";
  r.sha256 = sha;
  r.status = status;
  r.doc_type = "residence_change";
  r.doc_date = "2025-07-05";
  for (int i = 0; i < 2; ++i) {
    PageRecord p = test::A4Page(i);
    p.rotation = i * 90;
    p.skew_deg = 1.5;
    p.blank = i == 1;
    p.ocr_confidence = i ? 0 : 0.9;
    p.text = i ? "" : "Kính gửi: Ủy ban nhân dân phường Hồng Hà";
    // The first page as its file stated it; the second a photo, its
    // resolution found from the text's size.
    p.file_dpi = i ? 0 : 300;
    p.dpi_source = i ? "estimated" : "file";
    p.perspective_corrected = i == 1;
    r.pages.push_back(p);
  }
  r.fields["full_name"] = FieldValue{"Trần Thị Bình", 0.88, 0, Box{1, 2, 3, 4}};
  r.fields["phone"] = FieldValue{"0912345678", 0.95, 0, Box{5, 6, 7, 8}};
  r.flags.push_back(Flag{"LOW_CONFIDENCE", Severity::kWarning, "", "page 1"});
  AddressVerdict v;
  v.input = "phường Phúc Xá, quận Ba Đình";
  v.status = "outdated";
  v.suggested = AddressTarget{"00097", "Phường Hồng Hà", "01", "Thành phố Hà Nội", "", false};
  r.address = v;
  return r;
}

class RegistryTest : public test::OnEachDatabase {
 protected:
  std::unique_ptr<Registry> Open() { return OpenOnIt<Registry>(); }
};

#ifndef HOSO_TEST_POSTGRES
TEST(RegistryUri, Forms) {
  EXPECT_EQ(RegistryUri::Parse("hoso.db")->location, "hoso.db");
  EXPECT_EQ(RegistryUri::Parse("sqlite:/tmp/x.db")->location, "/tmp/x.db");
  EXPECT_FALSE(RegistryUri::Parse("mysql://host/db").ok());
  EXPECT_FALSE(RegistryUri::Parse("sqlite:").ok());
  auto pg = RegistryUri::Parse("postgresql://hoso:s3cret@db.example:5433/registry?sslmode=require");
  ASSERT_TRUE(pg.ok()) << pg.status().ToString();
  EXPECT_EQ(pg->kind, RegistryUri::Kind::kPostgres);
  EXPECT_EQ(pg->connection, "host=db.example port=5433 dbname=registry user=hoso password=s3cret sslmode=require");
  EXPECT_EQ(pg->display.find("s3cret"), std::string::npos) << "no password in messages";
  auto socket = RegistryUri::Parse("postgresql://hoso@/registry?host=/run/postgresql");
  ASSERT_TRUE(socket.ok());
  EXPECT_EQ(socket->connection, "dbname=registry user=hoso host=/run/postgresql");
  EXPECT_FALSE(RegistryUri::Parse("postgresql://hoso@db.example/").ok()) << "no database";
}
#endif

TEST_F(RegistryTest, CreatesItsSchema) {
  auto reg = Open();
  EXPECT_EQ(reg->schema_version(), LatestSchemaVersion());
  EXPECT_EQ(*reg->CountDossiers(), 0);
}

TEST_F(RegistryTest, RoundTripsARecord) {
  auto reg = Open();
  const DossierRecord r = Record(std::string(64, 'a'));
  auto outcome = reg->Register(r);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_FALSE(outcome->duplicate);
  auto back = reg->Load(outcome->dossier_id);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->sha256, r.sha256);
  EXPECT_EQ(back->source, r.source);
  EXPECT_EQ(back->status, DossierStatus::kRegistered);
  EXPECT_EQ(back->doc_date, r.doc_date);
  ASSERT_EQ(back->pages.size(), 2u);
  EXPECT_EQ(back->pages[0].text, r.pages[0].text);
  EXPECT_EQ(back->pages[1].rotation, 90);
  EXPECT_TRUE(back->pages[1].blank);
  // How each page's resolution was found is kept (export and --reprocess
  // give the record as stored).
  EXPECT_EQ(back->pages[0].file_dpi, 300);
  EXPECT_EQ(back->pages[0].dpi_source, "file");
  EXPECT_FALSE(back->pages[0].perspective_corrected);
  EXPECT_EQ(back->pages[1].file_dpi, 0);
  EXPECT_EQ(back->pages[1].dpi_source, "estimated");
  EXPECT_TRUE(back->pages[1].perspective_corrected);
  EXPECT_EQ(back->fields, r.fields);
  EXPECT_EQ(back->flags, r.flags);
  ASSERT_TRUE(back->address.has_value());
  EXPECT_EQ(back->address->suggested->ward, "Phường Hồng Hà");
}

// The review queue: only dossiers waiting for review, newest first, each
// with its distinct flag codes in order.
TEST_F(RegistryTest, TheReviewQueueListsWaitingDossiersWithTheirFlags) {
  auto reg = Open();
  DossierRecord a = Record(std::string(64, '1'), DossierStatus::kNeedsReview);
  a.flags.push_back(Flag{"ADDRESS_OUTDATED", Severity::kWarning, "permanent_address", "old units"});
  a.flags.push_back(Flag{"LOW_CONFIDENCE", Severity::kWarning, "", "page 2"});
  const auto id_a = reg->Register(a)->dossier_id;
  (void)reg->Register(Record(std::string(64, '2'), DossierStatus::kRegistered));
  DossierRecord c = Record(std::string(64, '3'), DossierStatus::kNeedsReview);
  c.flags = {Flag{"ID_INCONSISTENT", Severity::kError, "id_number", "digit 4"}};
  c.doc_type = "citizen_id";
  c.doc_date.reset();
  const auto id_c = reg->Register(c)->dossier_id;
  auto page = reg->ReviewQueue();
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const auto& queue = page->dossiers;
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_EQ(page->waiting, 2);
  EXPECT_EQ(page->matching, 2);
  EXPECT_EQ(queue[0].id, id_c);
  EXPECT_EQ(queue[0].doc_type, "citizen_id");
  EXPECT_EQ(queue[0].doc_date, "");
  EXPECT_EQ(queue[0].flags, std::vector<std::string>{"ID_INCONSISTENT"});
  EXPECT_EQ(queue[1].id, id_a);
  EXPECT_EQ(queue[1].source, a.source);
  EXPECT_EQ(queue[1].doc_date, "2025-07-05");
  EXPECT_EQ(queue[1].flags, (std::vector<std::string>{"ADDRESS_OUTDATED", "LOW_CONFIDENCE"}));
  EXPECT_EQ(page->by_flag.at("ADDRESS_OUTDATED"), 1);
  EXPECT_EQ(page->by_doc_type.at("citizen_id"), 1);
  // Decided, it leaves the queue.
  ASSERT_TRUE(reg->Decide(id_c, DossierStatus::kRegistered, "", "lan").ok());
  EXPECT_EQ(reg->ReviewQueue()->dossiers.size(), 1u);
}

// The queue is searched by the applicant's name (with or without marks),
// the ID's digits or the dossier's number, filtered by intake point and
// paged, all in the database.
TEST_F(RegistryTest, TheReviewQueueIsSearchedFilteredAndPaged) {
  auto reg = Open();
  std::vector<std::int64_t> ids;
  const std::vector<std::pair<std::string, std::string>> people = {
      {"Nguyễn Văn An", "001085012345"}, {"Trần Thị Bình", "079190067890"}, {"Nguyễn Thị Ánh", "036201000111"}};
  for (size_t i = 0; i < people.size(); ++i) {
    DossierRecord r = Record(std::string(64, static_cast<char>('a' + i)), DossierStatus::kNeedsReview);
    r.fields["full_name"] = FieldValue{people[i].first, 0.9, 0, Box{}};
    r.fields["id_number"] = FieldValue{people[i].second, 0.9, 0, Box{}};
    r.intake_point = i == 1 ? "Điểm số 2" : "Trụ sở phường";
    ids.push_back(reg->Register(r)->dossier_id);
  }
  auto find = [&](Registry::QueueQuery q) {
    std::vector<std::int64_t> found;
    auto page = reg->ReviewQueue(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok())
      for (const auto& e : page->dossiers) found.push_back(e.id);
    return found;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(find({.q = "nguyen"}), (V{ids[2], ids[0]}));
  EXPECT_EQ(find({.q = "Nguyễn Văn"}), V{ids[0]});
  EXPECT_EQ(find({.q = "thi anh"}), V{ids[2]});
  EXPECT_EQ(find({.q = "an"}), (V{ids[2], ids[0]}));  // "An" and "Ánh" both begin so
  EXPECT_EQ(find({.q = "079190067890"}), V{ids[1]});
  EXPECT_EQ(find({.q = "0067"}), V{ids[1]});
  EXPECT_EQ(find({.q = "#" + std::to_string(ids[1])}), V{ids[1]});
  EXPECT_EQ(find({.q = "Lê"}), V{});
  EXPECT_EQ(find({.intake_point = "Điểm số 2"}), V{ids[1]});
  EXPECT_EQ(find({.q = "nguyen", .intake_point = "Điểm số 2"}), V{});
  // One page of two, then the rest; the count is of all that match.
  auto first = reg->ReviewQueue({.offset = 0, .limit = 2});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->dossiers.size(), 2u);
  EXPECT_EQ(first->matching, 3);
  EXPECT_EQ(first->by_intake_point.at("Trụ sở phường"), 2);
  EXPECT_EQ(find({.offset = 2, .limit = 2}), V{ids[0]});
  // A corrected name is found by its new words.
  ASSERT_TRUE(reg->CorrectField(ids[1], "full_name", "Trần Thị Bích", "lan").ok());
  EXPECT_EQ(find({.q = "bich"}), V{ids[1]});
  EXPECT_EQ(find({.q = "binh"}), V{});
  // Received before today: none.
  EXPECT_EQ(find({.received_to = "2000-01-01T00:00:00Z"}), V{});
  EXPECT_EQ(find({.received_from = "2000-01-01T00:00:00Z"}).size(), 3u);
}

// The service points side by side: received, waiting, and how long a
// reviewer took.
TEST_F(RegistryTest, IntakePointsAreCompared) {
  auto reg = Open();
  for (int i = 0; i < 3; ++i) {
    DossierRecord r = Record(std::string(64, static_cast<char>('a' + i)), DossierStatus::kNeedsReview);
    r.intake_point = i == 0 ? "Điểm số 2" : "Trụ sở phường";
    ASSERT_TRUE(reg->Register(r).ok());
  }
  auto id = reg->ReviewQueue({.intake_point = "Trụ sở phường"})->dossiers.at(0).id;
  ASSERT_TRUE(reg->Decide(id, DossierStatus::kRegistered, "", "lan").ok());
  auto points = reg->CompareIntakePoints(30);
  ASSERT_TRUE(points.ok()) << points.status().ToString();
  ASSERT_EQ(points->size(), 2u);
  const auto& two = (*points)[0].intake_point == "Điểm số 2" ? (*points)[0] : (*points)[1];
  const auto& hall = (*points)[0].intake_point == "Điểm số 2" ? (*points)[1] : (*points)[0];
  EXPECT_EQ(two.waiting, 1);
  EXPECT_EQ(two.decided, 0);
  EXPECT_EQ(hall.waiting, 1);
  EXPECT_EQ(hall.decided, 1);
  int received = 0;
  for (const auto& [day, n] : hall.received) {
    EXPECT_EQ(day.size(), 10u);
    received += n;
  }
  EXPECT_EQ(received, 2);
  EXPECT_GE(hall.median_review_hours, 0.0);
  EXPECT_LT(hall.median_review_hours, 1.0);
}

TEST_F(RegistryTest, TheSameFileIsNotRegisteredTwice) {
  auto reg = Open();
  const DossierRecord r = Record(std::string(64, 'b'));
  auto first = reg->Register(r);
  auto second = reg->Register(r);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(second->duplicate);
  EXPECT_EQ(second->dossier_id, first->dossier_id);
  EXPECT_EQ(*reg->CountDossiers(), 1);
  auto found = reg->FindBySha256(r.sha256);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->dossier_id, first->dossier_id);
}

// A citizen's ID number already in other dossiers: the new one says which
// (info: it needs no review by itself), and the number is not in the message.
TEST_F(RegistryTest, AnIdNumberSeenBeforeNamesTheDossiers) {
  auto reg = Open();
  auto with_id = [](char sha, const std::string& id) {
    DossierRecord r = Record(std::string(64, sha));
    r.fields["id_number"] = FieldValue{id, 0.9, 0, Box{}};
    return r;
  };
  auto first = reg->Register(with_id('1', "001088012345"));
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->added_flags.empty()) << "nothing before it";
  auto other = reg->Register(with_id('2', "001088099999"));
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->added_flags.empty());
  auto second = reg->Register(with_id('3', "001088012345"));
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->added_flags.size(), 1u);
  const Flag& f = second->added_flags[0];
  EXPECT_EQ(f.code, "ID_SEEN_BEFORE");
  EXPECT_EQ(f.severity, Severity::kInfo);
  EXPECT_EQ(f.field, "id_number");
  EXPECT_NE(f.message.find("hồ sơ " + std::to_string(first->dossier_id)), std::string::npos) << f.message;
  EXPECT_EQ(f.message.find("001088012345"), std::string::npos) << "no ID number in a message";
  auto stored = reg->Load(second->dossier_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->HasFlag("ID_SEEN_BEFORE"));
  auto third = reg->Register(with_id('4', "001088012345"), false, /*english=*/true);
  ASSERT_TRUE(third.ok());
  ASSERT_EQ(third->added_flags.size(), 1u);
  EXPECT_NE(third->added_flags[0].message.find("dossiers " + std::to_string(first->dossier_id) + ", " +
                                               std::to_string(second->dossier_id)),
            std::string::npos)
      << third->added_flags[0].message;
}

TEST_F(RegistryTest, ARejectedAttemptIsReplacedByTheNextOne) {
  auto reg = Open();
  DossierRecord rejected;
  rejected.source = "x.tif";
  rejected.sha256 = std::string(64, 'c');
  rejected.status = DossierStatus::kRejected;
  rejected.error = ErrorInfo{"OCR_FAILED", "engine"};
  auto first = reg->Register(rejected);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(reg->FindBySha256(rejected.sha256)->has_value()) << "rejected files may be tried again";
  auto second = reg->Register(Record(rejected.sha256));
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->duplicate);
  EXPECT_EQ(second->dossier_id, first->dossier_id);
  auto back = reg->Load(first->dossier_id);
  EXPECT_EQ(back->status, DossierStatus::kRegistered);
  EXPECT_FALSE(back->error.has_value());
  EXPECT_EQ(*reg->CountDossiers(), 1);
}

// What no field took, and the labels reviewers taught: kept, listed, one
// per label (the latest), undone, each step in the dossier's audit.
TEST_F(RegistryTest, OtherValuesAndLearntLabels) {
  auto reg = Open();
  DossierRecord r = Record(std::string(64, 'e'));
  r.other = {{"Nơi ĐKTT", "tổ 5, phường Hồng Hà, thành phố Hà Nội", 0.93, 0, Box{10, 20, 300, 40}}};
  const std::int64_t id = reg->Register(r)->dossier_id;
  auto loaded = reg->Load(id);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->other, r.other);
  Registry::LearntLabel l;
  l.label_key = "noi dktt";
  l.label = "Nơi ĐKTT";
  l.field = "current_address";
  l.dossier_id = id;
  l.learnt_by = "lan";
  ASSERT_TRUE(reg->LearnLabel(l).ok());
  l.field = "permanent_address";  // taught again: the latest holds
  ASSERT_TRUE(reg->LearnLabel(l).ok());
  auto learnt = reg->LearntLabels();
  ASSERT_TRUE(learnt.ok()) << learnt.status().ToString();
  ASSERT_EQ(learnt->size(), 1u);
  EXPECT_EQ(learnt->front().field, "permanent_address");
  EXPECT_EQ(learnt->front().learnt_by, "lan");
  EXPECT_FALSE(learnt->front().learnt_at.empty());
  ASSERT_TRUE(reg->ForgetLabel(learnt->front().id, "chi").ok());
  EXPECT_TRUE(reg->LearntLabels()->empty());
  EXPECT_EQ(reg->ForgetLabel(learnt->front().id, "chi").code(), ErrorCode::kNotFound);
  const auto audit = reg->Audit(id);
  ASSERT_TRUE(audit.ok());
  std::vector<std::string> what;
  for (const auto& a : *audit) what.push_back(a.what);
  EXPECT_NE(std::find(what.begin(), what.end(), "learnt:permanent_address"), what.end());
  EXPECT_NE(std::find(what.begin(), what.end(), "forgot:permanent_address"), what.end());
}

TEST_F(RegistryTest, SurvivesReopening) {
  std::int64_t id;
  {
    auto reg = Open();
    id = reg->Register(Record(std::string(64, 'd')))->dossier_id;
  }
  auto reg = Open();
  EXPECT_EQ(reg->schema_version(), LatestSchemaVersion());
  EXPECT_EQ(reg->Load(id)->fields.at("full_name").value, "Trần Thị Bình");
}

TEST_F(RegistryTest, ConcurrentRegistrationsOfOneFileGiveOneRow) {
  auto reg = Open();
  std::vector<std::thread> threads;
  std::atomic<int> duplicates{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      auto o = reg->Register(Record(std::string(64, 'e')));
      if (o.ok() && o->duplicate) ++duplicates;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(duplicates.load(), 3);
  EXPECT_EQ(*reg->CountDossiers(), 1);
}

TEST_F(RegistryTest, ReprocessingKeepsAPersonsCorrectionsAndAuditsEveryChange) {
  auto reg = Open();
  DossierRecord first = Record(std::string(64, 'g'));
  first.status = DossierStatus::kNeedsReview;
  const auto id = reg->Register(first)->dossier_id;
  ASSERT_TRUE(reg->CorrectField(id, "full_name", "Trần Thị Bính", "reviewer-lan").ok());
  EXPECT_FALSE(reg->CorrectField(id + 100, "full_name", "x", "reviewer-lan").ok()) << "no such dossier";
  // Read again by a newer hoso: other values, another status.
  DossierRecord again = Record(first.sha256);
  again.fields["full_name"].value = "Tran Thi Binh";
  again.fields["phone"].value = "0987654321";
  EXPECT_TRUE(reg->Register(again)->duplicate) << "without reprocess, a known file stays as it is";
  auto outcome = reg->Register(again, /*reprocess=*/true);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_FALSE(outcome->duplicate);
  EXPECT_EQ(outcome->dossier_id, id);
  auto back = reg->Load(id);
  EXPECT_EQ(back->fields.at("full_name").value, "Trần Thị Bính") << "the person's correction stays";
  EXPECT_EQ(back->fields.at("phone").value, "0987654321") << "the machine's fields are the new reading";
  EXPECT_EQ(back->status, DossierStatus::kRegistered);
  EXPECT_EQ(*reg->CountDossiers(), 1);
  auto audit = reg->Audit(id);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ((*audit)[0].what, "status");
  EXPECT_FALSE((*audit)[0].before.has_value());
  EXPECT_EQ((*audit)[0].after, "needs_review");
  EXPECT_EQ((*audit)[1].actor, "reviewer-lan");
  EXPECT_EQ((*audit)[1].what, "field:full_name");
  EXPECT_EQ((*audit)[1].before, "Trần Thị Bình");
  EXPECT_EQ((*audit)[1].after, "Trần Thị Bính");
  EXPECT_EQ((*audit)[2].actor, "hoso");
  EXPECT_EQ((*audit)[2].before, "needs_review");
  EXPECT_EQ((*audit)[2].after, "registered");
}

// Two reviewers on one dossier: the second save, made on the version both
// opened, is refused; a decision is recorded with its reason.
TEST_F(RegistryTest, AStaleVersionIsRefusedAndDecisionsAreAudited) {
  auto reg = Open();
  DossierRecord r = Record(std::string(64, 'h'));
  r.status = DossierStatus::kNeedsReview;
  const auto id = reg->Register(r)->dossier_id;
  const int opened = *reg->Version(id);
  EXPECT_EQ(opened, 1);
  ASSERT_TRUE(reg->CorrectField(id, "phone", "0911111111", "lan", opened).ok());
  const Status second = reg->CorrectField(id, "phone", "0922222222", "minh", opened);
  EXPECT_EQ(second.code(), ErrorCode::kConflict) << second.ToString();
  EXPECT_EQ(reg->Load(id)->fields.at("phone").value, "0911111111") << "the first save stands";
  EXPECT_EQ(reg->Decide(id + 50, DossierStatus::kRegistered, "", "lan").code(), ErrorCode::kNotFound);
  ASSERT_TRUE(reg->Decide(id, DossierStatus::kRegistered, "checked against the ID card", "lan", opened + 1).ok());
  EXPECT_EQ(reg->Load(id)->status, DossierStatus::kRegistered);
  EXPECT_EQ(*reg->Version(id), opened + 2);
  const auto audit = *reg->Audit(id);
  EXPECT_EQ(audit.back().actor, "lan");
  EXPECT_EQ(audit.back().before, "needs_review");
  EXPECT_EQ(audit.back().after, "registered: checked against the ID card");
}

// Two machines (two connections) registering the same file at once: one
// row, the other told it is a duplicate.
TEST_F(RegistryTest, TwoConnectionsRegisteringOneFileGiveOneRow) {
  auto a = Open();
  auto b = Open();
  std::atomic<int> duplicates{0}, failures{0};
  std::vector<std::thread> threads;
  for (Registry* reg : {a.get(), b.get(), a.get(), b.get()})
    threads.emplace_back([&, reg] {
      for (int i = 0; i < 10; ++i) {
        auto o = reg->Register(Record(std::string(63, 'f') + static_cast<char>('0' + i)));
        if (!o.ok())
          ++failures;
        else if (o->duplicate)
          ++duplicates;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(duplicates.load(), 30);
  EXPECT_EQ(*a->CountDossiers(), 10);
}

#ifndef HOSO_TEST_POSTGRES
TEST(Registry, AnUnwritablePathIsAClearError) {
  auto reg = Registry::Open("/nonexistent-dir/hoso/r.db");
  ASSERT_FALSE(reg.ok());
  EXPECT_EQ(reg.status().code(), ErrorCode::kRegistryFailed);
}
#else
TEST(Registry, AnUnreachableServerIsAClearError) {
  auto reg = Registry::Open("postgresql://hoso@/nowhere?host=/nonexistent-dir&port=5432");
  ASSERT_FALSE(reg.ok());
  EXPECT_EQ(reg.status().code(), ErrorCode::kRegistryFailed);
  EXPECT_NE(reg.status().message().find("postgresql://hoso@/nowhere"), std::string::npos) << reg.status().message();
}
#endif

}  // namespace
}  // namespace hoso

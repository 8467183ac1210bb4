// The registry: where dossiers are recorded, through Poco::Data. SQLite is
// the default (a file); PostgreSQL serves a team (same schema, same
// behaviour; see connection.h for the --db forms). hoso creates and
// migrates the schema itself (table schema_version). Each dossier is
// written in one transaction, so a record is either whole or absent.
// Thread-safe: calls are serialised on one connection.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/record.h"
#include "core/status.h"
#include "registry/connection.h"

namespace hoso {

struct RegisterOutcome {
  std::int64_t dossier_id = 0;
  bool duplicate = false;  // the file was already registered; nothing written
  // Flags the registry adds, knowing the other dossiers: ID_SEEN_BEFORE
  // (info) when the citizen's ID number is in another dossier.
  std::vector<Flag> added_flags;
};

class Registry {
 public:
  static Result<std::unique_ptr<Registry>> Open(const std::string& uri);
  ~Registry();

  int schema_version();
  // How long a call waits for a lost PostgreSQL server to come back before
  // it fails (default 600 s: a batch rides out a restart or failover).
  void SetReconnectWait(int seconds);

  // The registered (or needs_review) dossier with this file hash, if any.
  // Rejected attempts do not count: a rejected file may be tried again.
  Result<std::optional<DossierRecord>> FindBySha256(const std::string& sha256);
  // The record as one moment of the registry saw it; *version, when given,
  // receives its version from the same moment (what a later change must
  // name to be accepted).
  Result<DossierRecord> Load(std::int64_t dossier_id, int* version = nullptr);

  // Writes the record in one transaction. A record whose sha256 is already
  // registered is not written again: the outcome says duplicate and gives
  // the existing id. A rejected attempt is replaced by the new one. With
  // `reprocess`, a registered one is replaced too (same id), except the
  // fields a person corrected, which stay as they set them.
  // `english`: the messages of the flags it adds (default Vietnamese).
  Result<RegisterOutcome> Register(const DossierRecord& record, bool reprocess = false, bool english = false);

  // How a dossier's checks are computed again after a person's change: it
  // gets the record as changed and sets its flags and address verdict.
  using Recheck = std::function<void(DossierRecord&)>;
  // A person's correction of one field (set_by = who), with its audit row;
  // the field keeps where it was read on the page. With expected_version > 0
  // the change is refused (kConflict) unless the dossier is still at that
  // version; every change adds one to it. With `recheck`, the flags and the
  // address verdict are computed again in the same transaction.
  Status CorrectField(std::int64_t dossier_id, const std::string& key, const std::string& value, const std::string& who,
                      int expected_version = 0, const Recheck& recheck = nullptr);
  // A reviewer's decision on a dossier that needs review: registered
  // (approved) or rejected, with a reason. A dossier already registered or
  // rejected is DENIED, whoever asks: it is reopened first (Reopen).
  Status Decide(std::int64_t dossier_id, DossierStatus status, const std::string& reason, const std::string& who,
                int expected_version = 0);
  // Puts a registered or rejected dossier back in the review queue (an
  // admin's explicit act), with a reason said in the audit as "status
  // (reopened)". DENIED when it already waits; a reason is required.
  Status Reopen(std::int64_t dossier_id, const std::string& reason, const std::string& who, int expected_version = 0);
  // The dossier's version (1 when registered, +1 per change).
  Result<int> Version(std::int64_t dossier_id);

  // For the dashboard: dossiers per day (of registration) and status, and
  // the most frequent flags.
  struct DayCount {
    std::string day, status;
    int count = 0;
  };
  Result<std::vector<DayCount>> CountsByDay(int days);
  Result<std::vector<std::pair<std::string, int>>> TopFlags(int n);
  // The service points compared, over the last `days` days: dossiers
  // received per day (Vietnam's calendar, UTC+7), those waiting now, and
  // the median time from receipt to a reviewer's decision.
  struct IntakeStats {
    std::string intake_point;             // "" for dossiers taken in nowhere named
    std::map<std::string, int> received;  // YYYY-MM-DD (Vietnam) → dossiers
    int waiting = 0;
    int decided = 0;                 // by a reviewer, in the period
    double median_review_hours = 0;  // 0 when none was decided
  };
  Result<std::vector<IntakeStats>> CompareIntakePoints(int days);

  // A finished batch (for the dashboard), and the latest ones.
  struct BatchRun {
    std::string finished_at, command;
    int dossiers = 0, pages = 0;
    double seconds = 0;
  };
  Status RecordBatch(const BatchRun& run);
  Result<std::vector<BatchRun>> RecentBatches(int n);

  // Every change of the dossier's status and fields, oldest first.
  struct AuditEntry {
    std::string at, actor, what;  // what: "status" or "field:KEY"
    std::optional<std::string> before, after;
  };
  Result<std::vector<AuditEntry>> Audit(std::int64_t dossier_id);

  // All of them, or those with `status` (registered, needs_review, rejected).
  Result<std::int64_t> CountDossiers(const std::string& status = "");

  // Labels learnt from corrections: a printed label hoso did not
  // understand, and the field a reviewer filled with the value it stood
  // before. Extraction uses them for the next dossiers.
  struct LearntLabel {
    std::int64_t id = 0;
    std::string label_key;  // the label's bare words, one space apart
    std::string label;      // as printed
    std::string field;      // the record key
    std::int64_t dossier_id = 0;
    std::string learnt_by, learnt_at;
  };
  // Keeps one (replacing what was learnt for the same label_key), with a
  // row in the dossier's audit.
  Status LearnLabel(const LearntLabel& learnt);
  Result<std::vector<LearntLabel>> LearntLabels();
  // Forgets one (a reviewer's undo); kNotFound when there is no such id.
  Status ForgetLabel(std::int64_t id, const std::string& who);

  // The review queue: the dossiers waiting for review, newest first, as
  // one page of a search. Filters and paging are done by the database, so
  // a backlog of any length costs one page's rows.
  struct QueueQuery {
    // Words of the applicant's name, each the start of one of its words
    // (marks optional: "nguyen van an" finds "Nguyễn Văn An"); digits, found
    // anywhere in the ID number or the dossier's number; "#12": dossier 12.
    std::string q;
    std::string flag, doc_type;
    std::optional<std::string> intake_point;  // "" matches dossiers taken in nowhere named
    // Received from/to (UTC instants, ISO 8601; to is exclusive).
    std::string received_from, received_to;
    int offset = 0, limit = 50;
  };
  struct QueueEntry {
    std::int64_t id = 0;
    std::string source, doc_type, doc_date;
    std::string applicant, id_number;  // as the fields hold them (mask the ID before showing it)
    // An official document's "1535/SGDĐT-CTrTT — subject" (it has no applicant).
    std::string document;
    std::string received_at, intake_point;
    std::vector<std::string> flags;  // codes, distinct, sorted
  };
  struct QueuePage {
    std::vector<QueueEntry> dossiers;
    int matching = 0;  // all pages of this search
    int waiting = 0;   // the whole queue
    // Of the whole queue.
    std::map<std::string, int> by_flag, by_doc_type, by_intake_point;
  };
  Result<QueuePage> ReviewQueue(const QueueQuery& query);
  Result<QueuePage> ReviewQueue();  // the first page, unfiltered

  // The ids of the dossiers with one of `statuses` (all when empty) changed
  // on or after `since` (an ISO date or time; none when empty), in id order.
  Result<std::vector<std::int64_t>> DossierIds(const std::vector<std::string>& statuses, const std::string& since);

 private:
  struct Impl;
  explicit Registry(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoso

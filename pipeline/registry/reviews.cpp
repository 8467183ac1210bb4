// A person's work on a dossier: the review queue, corrected fields and
// decisions (each refused when the dossier changed since it was read), and
// the audit trail they leave.
#include "registry/registry.h"

#include <algorithm>
#include <map>
#include <sstream>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>

#include "registry/impl.h"

namespace hoso {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace {

// The WHERE clause of a queue search and its parameters, in order.
struct QueueFilter {
  std::string where = "d.status = 'needs_review'";
  std::vector<std::string> params;
  void Add(const std::string& condition, std::vector<std::string> values) {
    where += " AND " + condition;
    for (auto& v : values) params.push_back(std::move(v));
  }
};

QueueFilter FilterOf(const Registry::QueueQuery& q) {
  QueueFilter f;
  const std::string text = q.q;
  if (size_t start = text.find_first_not_of(" \t"); start != std::string::npos && text[start] == '#') {
    // "#12": that dossier.
    f.Add("d.search_key LIKE ?", {"% #" + SearchWords(text.substr(start + 1)) + " %"});
  } else {
    // Each word begins a word of the key; digits may stand anywhere in the ID.
    std::istringstream words(SearchWords(text));
    for (std::string w; words >> w;) {
      const bool digits = w.find_first_not_of("0123456789") == std::string::npos;
      f.Add("d.search_key LIKE ?", {digits ? "%" + w + "%" : "% " + w + "%"});
    }
  }
  if (!q.flag.empty()) f.Add("EXISTS (SELECT 1 FROM flags x WHERE x.dossier_id = d.id AND x.code = ?)", {q.flag});
  if (!q.doc_type.empty()) f.Add("d.doc_type = ?", {q.doc_type});
  if (q.intake_point) f.Add("d.intake_point = ?", {*q.intake_point});
  if (!q.received_from.empty()) f.Add("d.created_at >= ?", {q.received_from});
  if (!q.received_to.empty()) f.Add("d.created_at < ?", {q.received_to});
  return f;
}

}  // namespace

Result<Registry::QueuePage> Registry::ReviewQueue() { return ReviewQueue(QueueQuery{}); }

Result<Registry::QueuePage> Registry::ReviewQueue(const QueueQuery& query) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const QueueFilter filter = FilterOf(query);
  const auto bind_filter = [&](Statement& st) {
    for (const std::string& p : filter.params) st, bind(p);
  };
  const int limit = std::clamp(query.limit, 1, 500);
  const int offset = std::max(0, query.offset);
  QueuePage out;
  Session& s = impl_->session();
  try {
    WithReconnect(*impl_->db, [&] {
      out = QueuePage{};
      const Connection& db = *impl_->db;
      impl_->db->BeginRead();  // the page, its flags and the counts from one moment
      ForEachRow(s, db, "SELECT COUNT(*) AS n FROM dossiers d WHERE " + filter.where, bind_filter,
                 [&](RecordSet& rs) { out.matching = GetNum<int>(rs, "n"); });
      std::map<std::int64_t, size_t> at;
      ForEachRow(s, db,
                 "SELECT d.id, d.source, d.doc_type, d.doc_date, d.created_at, d.intake_point, n.value AS applicant, "
                 "i.value AS id_number, dn.value AS doc_number, ds.value AS doc_symbol, dj.value AS subject "
                 "FROM dossiers d "
                 "LEFT JOIN fields n ON n.dossier_id = d.id AND n.key = 'full_name' "
                 "LEFT JOIN fields i ON i.dossier_id = d.id AND i.key = 'id_number' "
                 "LEFT JOIN fields dn ON dn.dossier_id = d.id AND dn.key = 'doc_number' "
                 "LEFT JOIN fields ds ON ds.dossier_id = d.id AND ds.key = 'doc_symbol' "
                 "LEFT JOIN fields dj ON dj.dossier_id = d.id AND dj.key = 'subject' WHERE " +
                     filter.where + " ORDER BY d.id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
                     std::to_string(offset),
                 bind_filter, [&](RecordSet& rs) {
                   QueueEntry e;
                   e.id = GetNum<std::int64_t>(rs, "id");
                   e.source = Get(rs, "source");
                   e.doc_type = Get(rs, "doc_type");
                   e.doc_date = Get(rs, "doc_date");
                   e.received_at = Get(rs, "created_at");
                   e.intake_point = Get(rs, "intake_point");
                   e.applicant = Get(rs, "applicant");
                   e.id_number = Get(rs, "id_number");
                   const std::string number = Get(rs, "doc_number"), symbol = Get(rs, "doc_symbol"),
                                     subject = Get(rs, "subject");
                   e.document = symbol.empty() ? "" : (number.empty() ? "" : number) + "/" + symbol;
                   if (!subject.empty()) e.document += (e.document.empty() ? "" : " — ") + subject;
                   at[e.id] = out.dossiers.size();
                   out.dossiers.push_back(std::move(e));
                 });
      if (!at.empty()) {
        std::string ids;
        for (const auto& [id, _] : at) ids += (ids.empty() ? "" : ",") + std::to_string(id);
        ForEachRow(
            s, db,
            "SELECT DISTINCT dossier_id, code FROM flags WHERE dossier_id IN (" + ids + ") ORDER BY dossier_id, code",
            nullptr, [&](RecordSet& rs) {
              if (auto it = at.find(GetNum<std::int64_t>(rs, "dossier_id")); it != at.end())
                out.dossiers[it->second].flags.push_back(Get(rs, "code"));
            });
      }
      // The whole queue's counts, for the filters.
      ForEachRow(s, db,
                 "SELECT f.code, COUNT(DISTINCT f.dossier_id) AS n FROM flags f JOIN dossiers d ON d.id = "
                 "f.dossier_id WHERE d.status = 'needs_review' GROUP BY f.code",
                 nullptr, [&](RecordSet& rs) { out.by_flag[Get(rs, "code")] = GetNum<int>(rs, "n"); });
      for (const auto& [column, counts] :
           {std::pair{"doc_type", &out.by_doc_type}, std::pair{"intake_point", &out.by_intake_point}})
        ForEachRow(s, db,
                   std::string("SELECT ") + column +
                       " AS k, COUNT(*) AS n FROM dossiers WHERE status = "
                       "'needs_review' GROUP BY " +
                       column,
                   nullptr, [&, counts = counts](RecordSet& rs) { (*counts)[Get(rs, "k")] = GetNum<int>(rs, "n"); });
      for (const auto& [_, n] : out.by_doc_type) out.waiting += n;
      impl_->db->Commit();
    });
  } catch (const Poco::Exception& e) {
    impl_->db->Rollback();
    return RegistryError("cannot list the review queue", e);
  }
  return out;
}

namespace {

Status BumpVersion(Session& s, const Connection& db, std::int64_t id, int expected, const std::string& at) {
  int version = 0, found = 0;
  {
    Statement st(s);
    st << db.Sql("SELECT version FROM dossiers WHERE id = ?"), bind(id), now;
    RecordSet rs(st);
    if (rs.moveFirst()) {
      found = 1;
      version = GetNum<int>(rs, "version");
    }
  }
  if (!found) return Status::Error(ErrorCode::kNotFound, "no dossier " + std::to_string(id));
  if (expected > 0 && expected != version)
    return Status::Error(ErrorCode::kConflict, "dossier " + std::to_string(id) +
                                                   " was changed by someone else (version " + std::to_string(version) +
                                                   ", not " + std::to_string(expected) + "): reload it");
  s << db.Sql("UPDATE dossiers SET version = version + 1, updated_at = ? WHERE id = ?"), bind(at), bind(id), now;
  return Status::Ok();
}

}  // namespace

Status Registry::Impl::Change(std::int64_t id, int expected, const std::string& what,
                              const std::function<Status(Session&, const std::string& at)>& work) {
  std::lock_guard<std::mutex> lock(mutex);
  try {
    // A change whose commit was lost with the connection is refused when
    // tried again (its version is taken): said, never applied twice.
    return WithReconnect(*db, [&]() -> Status {
      db->Begin();
      const std::string at = NowUtc();
      Status st = BumpVersion(session(), *db, id, expected, at);
      if (st.ok()) st = work(session(), at);
      if (!st.ok()) {
        db->Rollback();
        return st;
      }
      db->Commit();
      return Status::Ok();
    });
  } catch (const Poco::Exception& e) {
    db->Rollback();
    return RegistryError(what, e);
  }
}

Status Registry::CorrectField(std::int64_t id, const std::string& key, const std::string& value, const std::string& who,
                              int expected_version, const Recheck& recheck) {
  return impl_->Change(id, expected_version, "cannot correct the field", [&](Session& s, const std::string& at) {
    Poco::Nullable<std::string> before;
    int page = 0;
    Box box;
    ForEachRow(
        s, *impl_->db,
        "SELECT value, page, bbox_x, bbox_y, bbox_w, bbox_h FROM fields WHERE dossier_id = ? AND key = ?",
        [&](Statement& st) { st, bind(id), bind(key); },
        [&](RecordSet& rs) {
          before = Get(rs, "value");
          page = GetNum<int>(rs, "page");
          box = Box{GetNum<int>(rs, "bbox_x"), GetNum<int>(rs, "bbox_y"), GetNum<int>(rs, "bbox_w"),
                    GetNum<int>(rs, "bbox_h")};
        });
    s << impl_->Sql("DELETE FROM fields WHERE dossier_id = ? AND key = ?"), bind(id), bind(key), now;
    // Where it was read stays: the box on the scan is still the value's.
    s << impl_->Sql(
        "INSERT INTO fields(dossier_id, key, value, confidence, page, bbox_x, bbox_y, bbox_w, bbox_h, "
        "set_by, updated_at) VALUES(?, ?, ?, 1.0, ?, ?, ?, ?, ?, ?, ?)"),
        bind(id), bind(key), bind(value), bind(page), bind(box.x), bind(box.y), bind(box.w), bind(box.h), bind(who),
        bind(at), now;
    AddAuditRow(s, *impl_->db, id, at, who, "field:" + key, before, value);
    if (key == "full_name" || key == "id_number") WriteSearchKey(s, *impl_->db, id);
    // The document's date keyed (an official document's day written in by
    // hand): the dossier's date, as export and the checks read it.
    if (key == "doc_date" && value.size() == 10 && value[4] == '-' && value[7] == '-')
      s << impl_->Sql("UPDATE dossiers SET doc_date = ? WHERE id = ?"), bind(value), bind(id), now;
    if (recheck) {
      std::optional<DossierRecord> r = ReadRecord(s, *impl_->db, id, nullptr);
      if (!r) return Status::Error(ErrorCode::kNotFound, "no dossier " + std::to_string(id));
      recheck(*r);
      WriteChecks(s, *impl_->db, id, r->flags, r->address);
    }
    return Status::Ok();
  });
}

namespace {

// The dossier's status, inside the caller's transaction.
std::string StatusNow(Session& s, const Connection& db, std::int64_t id) {
  std::string status;
  ForEachRow(
      s, db, "SELECT status FROM dossiers WHERE id = ?", [&](Statement& st) { st, bind(id); },
      [&](RecordSet& rs) { status = Get(rs, "status"); });
  return status;
}

}  // namespace

Status Registry::Decide(std::int64_t id, DossierStatus status, const std::string& reason, const std::string& who,
                        int expected_version) {
  if (status == DossierStatus::kNeedsReview)
    return Status::Error(ErrorCode::kInvalidArgument, "a decision registers or rejects");
  return impl_->Change(id, expected_version, "cannot record the decision", [&](Session& s, const std::string& at) {
    const std::string before = StatusNow(s, *impl_->db, id);  // the version was bumped, the status not yet changed
    if (before != DossierStatusName(DossierStatus::kNeedsReview))
      return Status::Error(ErrorCode::kDenied, "dossier " + std::to_string(id) + " is already " + before +
                                                   ": an admin reopens it first, with a reason");
    const std::string after = DossierStatusName(status);
    Poco::Nullable<std::string> code, message;
    if (status == DossierStatus::kRejected) {
      code = std::string("REVIEW_REJECTED");
      message = reason;
    }
    s << impl_->Sql("UPDATE dossiers SET status = ?, error_code = ?, error_message = ?, decided_at = ? WHERE id = ?"),
        bind(after), bind(code), bind(message), bind(at), bind(id), now;
    AddAuditRow(s, *impl_->db, id, at, who, "status", Poco::Nullable<std::string>(before),
                reason.empty() ? after : after + ": " + reason);
    return Status::Ok();
  });
}

Status Registry::Reopen(std::int64_t id, const std::string& reason, const std::string& who, int expected_version) {
  if (reason.empty()) return Status::Error(ErrorCode::kInvalidArgument, "reopening a decided dossier needs a reason");
  return impl_->Change(id, expected_version, "cannot reopen the dossier", [&](Session& s, const std::string& at) {
    const std::string before = StatusNow(s, *impl_->db, id);
    const std::string after = DossierStatusName(DossierStatus::kNeedsReview);
    if (before == after)
      return Status::Error(ErrorCode::kDenied, "dossier " + std::to_string(id) + " already waits for review");
    // Back in the queue: no decision, no rejection's code.
    s << impl_->Sql(
        "UPDATE dossiers SET status = ?, error_code = NULL, error_message = NULL, decided_at = NULL WHERE id = ?"),
        bind(after), bind(id), now;
    AddAuditRow(s, *impl_->db, id, at, who, "status (reopened)", Poco::Nullable<std::string>(before),
                after + ": " + reason);
    return Status::Ok();
  });
}

Result<int> Registry::Version(std::int64_t id) {
  auto versions = impl_->Select<int>(
      "cannot read the version", "SELECT version FROM dossiers WHERE id = ?", [&](Statement& st) { st, bind(id); },
      [](RecordSet& rs) { return GetNum<int>(rs, "version"); });
  if (!versions.ok()) return versions.status();
  if (versions->empty()) return Status::Error(ErrorCode::kNotFound, "no dossier " + std::to_string(id));
  return versions->front();
}

Result<std::vector<Registry::AuditEntry>> Registry::Audit(std::int64_t id) {
  return impl_->Select<AuditEntry>(
      "cannot read the audit trail",
      "SELECT at, actor, what, before_value, after_value FROM audit WHERE dossier_id = ? ORDER BY id",
      [&](Statement& st) { st, bind(id); },
      [](RecordSet& rs) {
        AuditEntry e{Get(rs, "at"), Get(rs, "actor"), Get(rs, "what"), std::nullopt, std::nullopt};
        if (!rs["before_value"].isEmpty()) e.before = Get(rs, "before_value");
        if (!rs["after_value"].isEmpty()) e.after = Get(rs, "after_value");
        return e;
      });
}

Status Registry::LearnLabel(const LearntLabel& l) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    return WithReconnect(*impl_->db, [&]() -> Status {
      impl_->db->Begin();
      Session& s = impl_->session();
      const std::string at = NowUtc();
      s << impl_->Sql("DELETE FROM learnt_labels WHERE label_key = ?"), bind(l.label_key), now;
      s << impl_->Sql(
          "INSERT INTO learnt_labels(label_key, label, field, dossier_id, learnt_by, learnt_at) "
          "VALUES(?, ?, ?, ?, ?, ?)"),
          bind(l.label_key), bind(l.label), bind(l.field), bind(l.dossier_id), bind(l.learnt_by), bind(at), now;
      AddAuditRow(s, *impl_->db, l.dossier_id, at, l.learnt_by, "learnt:" + l.field, Poco::Nullable<std::string>(),
                  l.label);
      impl_->db->Commit();
      return Status::Ok();
    });
  } catch (const Poco::Exception& e) {
    impl_->db->Rollback();
    return RegistryError("cannot keep the learnt label", e);
  }
}

Result<std::vector<Registry::LearntLabel>> Registry::LearntLabels() {
  return impl_->Select<LearntLabel>(
      "cannot read the learnt labels",
      "SELECT id, label_key, label, field, dossier_id, learnt_by, learnt_at FROM learnt_labels ORDER BY id",
      [](Statement&) {},
      [](RecordSet& rs) {
        return LearntLabel{
            GetNum<std::int64_t>(rs, "id"),         Get(rs, "label_key"), Get(rs, "label"),    Get(rs, "field"),
            GetNum<std::int64_t>(rs, "dossier_id"), Get(rs, "learnt_by"), Get(rs, "learnt_at")};
      });
}

Status Registry::ForgetLabel(std::int64_t id, const std::string& who) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    return WithReconnect(*impl_->db, [&]() -> Status {
      impl_->db->Begin();
      Session& s = impl_->session();
      std::optional<LearntLabel> found;
      ForEachRow(
          s, *impl_->db, "SELECT dossier_id, label, field FROM learnt_labels WHERE id = ?",
          [&](Statement& st) { st, bind(id); },
          [&](RecordSet& rs) {
            found = LearntLabel{};
            found->id = id;
            found->label = Get(rs, "label");
            found->field = Get(rs, "field");
            found->dossier_id = GetNum<std::int64_t>(rs, "dossier_id");
          });
      if (!found) {
        impl_->db->Rollback();
        return Status::Error(ErrorCode::kNotFound, "no learnt label " + std::to_string(id));
      }
      s << impl_->Sql("DELETE FROM learnt_labels WHERE id = ?"), bind(id), now;
      // The dossier it was learnt on may be gone; the undo is in the log then.
      std::int64_t dossiers = 0;
      s << impl_->Sql("SELECT COUNT(*) FROM dossiers WHERE id = ?"), bind(found->dossier_id), into(dossiers), now;
      if (dossiers)
        AddAuditRow(s, *impl_->db, found->dossier_id, NowUtc(), who, "forgot:" + found->field,
                    Poco::Nullable<std::string>(found->label), "");
      impl_->db->Commit();
      return Status::Ok();
    });
  } catch (const Poco::Exception& e) {
    impl_->db->Rollback();
    return RegistryError("cannot forget the learnt label", e);
  }
}

}  // namespace hoso

// The record's life: registered whole in one transaction, found by its
// file's hash, loaded as one moment saw it, listed.
#include "registry/registry.h"

#include "core/say.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>

#include "core/vn_text.h"
#include "registry/impl.h"
#include "core/record_json.h"
#include "registry/schema.h"

namespace hoso {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

std::string NowUtc() { return Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ"); }

void AddAuditRow(Session& s, const Connection& db, std::int64_t id, const std::string& at, const std::string& actor,
                 const std::string& what, const Poco::Nullable<std::string>& before, const std::string& after) {
  s << db.Sql("INSERT INTO audit(dossier_id, at, actor, what, before_value, after_value) VALUES(?, ?, ?, ?, ?, ?)"),
      bind(id), bind(at), bind(actor), bind(what), bind(before), bind(after), now;
}

Registry::Registry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Registry::~Registry() = default;

Result<std::unique_ptr<Registry>> Registry::Open(const std::string& uri) {
  auto db = Connect(uri);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  // Dossiers registered before the queue's search (schema 9) get their key.
  try {
    Connection& c = *impl->db;
    std::vector<std::int64_t> unkeyed;
    ForEachRow(*c.session, c, "SELECT id FROM dossiers WHERE search_key = ''", nullptr,
               [&](RecordSet& rs) { unkeyed.push_back(GetNum<std::int64_t>(rs, "id")); });
    if (!unkeyed.empty()) {
      c.Begin();
      for (std::int64_t id : unkeyed) WriteSearchKey(*c.session, c, id);
      c.Commit();
    }
  } catch (const Poco::Exception& e) {
    impl->db->Rollback();
    return RegistryError("cannot index the dossiers for search", e);
  }
  return std::unique_ptr<Registry>(new Registry(std::move(impl)));
}

int Registry::schema_version() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return CurrentSchemaVersion(*impl_->db);
}

void Registry::SetReconnectWait(int seconds) { impl_->db->reconnect_seconds = seconds; }

Result<std::optional<DossierRecord>> Registry::FindBySha256(const std::string& sha256) {
  std::int64_t id = 0;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    try {
      WithReconnect(*impl_->db, [&] {
        id = 0;
        Statement st(impl_->session());
        st << impl_->Sql("SELECT id FROM dossiers WHERE sha256 = ? AND status <> 'rejected'"), bind(sha256), now;
        RecordSet rs(st);
        if (rs.moveFirst()) id = GetNum<std::int64_t>(rs, "id");
      });
      if (!id) return std::optional<DossierRecord>();
    } catch (const Poco::Exception& e) { return RegistryError("lookup by sha256 failed", e); }
  }
  auto rec = Load(id);
  if (!rec.ok()) return rec.status();
  return std::optional<DossierRecord>(std::move(rec).value());
}

std::optional<DossierRecord> ReadRecord(Session& s, const Connection& db, std::int64_t dossier_id, int* version) {
  DossierRecord r;
  {
    Statement st(s);
    st << db.Sql("SELECT * FROM dossiers WHERE id = ?"), bind(dossier_id), now;
    RecordSet rs(st);
    if (!rs.moveFirst()) return std::nullopt;
    r.dossier_id = dossier_id;
    if (version) *version = GetNum<int>(rs, "version");
    r.sha256 = Get(rs, "sha256");
    r.source = Get(rs, "source");
    r.status = ParseDossierStatus(Get(rs, "status")).value_or(DossierStatus::kRejected);
    r.doc_type = Get(rs, "doc_type");
    r.intake_point = Get(rs, "intake_point");
    r.received_at = Get(rs, "created_at");
    if (std::string d = Get(rs, "doc_date"); !d.empty()) r.doc_date = d;
    if (std::string code = Get(rs, "error_code"); !code.empty()) r.error = ErrorInfo{code, Get(rs, "error_message")};
    if (std::string a = Get(rs, "address_json"); !a.empty()) {
      // The verdict is stored as the JSON the record carries.
      if (auto v = AddressVerdictFromJson(a); v.ok()) r.address = std::move(v).value();
    }
    if (std::string o = Get(rs, "other_json"); !o.empty())
      if (auto v = OtherValuesFromJson(o); v.ok()) r.other = std::move(v).value();
  }
  {
    Statement st(s);
    st << db.Sql("SELECT * FROM pages WHERE dossier_id = ? ORDER BY idx"), bind(dossier_id), now;
    RecordSet rs(st);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
      PageRecord p;
      p.index = GetNum<int>(rs, "idx");
      p.width = GetNum<int>(rs, "width");
      p.height = GetNum<int>(rs, "height");
      p.dpi = GetNum<int>(rs, "dpi");
      p.dpi_source = Get(rs, "dpi_source");
      p.file_dpi = GetNum<int>(rs, "file_dpi");
      p.perspective_corrected = GetNum<int>(rs, "perspective_corrected") != 0;
      p.rotation = GetNum<int>(rs, "rotation");
      p.skew_deg = GetNum<double>(rs, "skew_deg");
      p.blank = GetNum<int>(rs, "blank") != 0;
      p.ocr_confidence = GetNum<double>(rs, "ocr_confidence");
      p.text = Get(rs, "text");
      r.pages.push_back(std::move(p));
    }
  }
  {
    Statement st(s);
    st << db.Sql("SELECT * FROM fields WHERE dossier_id = ? ORDER BY key"), bind(dossier_id), now;
    RecordSet rs(st);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
      FieldValue f;
      f.value = Get(rs, "value");
      f.confidence = GetNum<double>(rs, "confidence");
      f.page = GetNum<int>(rs, "page");
      f.bbox = Box{GetNum<int>(rs, "bbox_x"), GetNum<int>(rs, "bbox_y"), GetNum<int>(rs, "bbox_w"),
                   GetNum<int>(rs, "bbox_h")};
      r.fields[Get(rs, "key")] = f;
    }
  }
  {
    Statement st(s);
    st << db.Sql("SELECT * FROM flags WHERE dossier_id = ? ORDER BY id"), bind(dossier_id), now;
    RecordSet rs(st);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      r.flags.push_back(Flag{Get(rs, "code"), ParseSeverity(Get(rs, "severity")).value_or(Severity::kInfo),
                             Get(rs, "field"), Get(rs, "message")});
  }
  return r;
}

std::string SearchKey(std::int64_t id, const std::string& name, const std::string& id_number) {
  std::string digits;
  for (char c : id_number)
    if (c >= '0' && c <= '9') digits += c;
  return " #" + std::to_string(id) + " " + vn::MakeKey(name).Ascii() + " " + digits + " ";
}

std::string SearchWords(std::string_view query) { return vn::MakeKey(query).Ascii(); }

void WriteSearchKey(Session& s, const Connection& db, std::int64_t id) {
  std::string name, id_number;
  ForEachRow(
      s, db, "SELECT key, value FROM fields WHERE dossier_id = ? AND key IN ('full_name', 'id_number')",
      [&](Statement& st) { st, bind(id); },
      [&](RecordSet& rs) { (Get(rs, "key") == "full_name" ? name : id_number) = Get(rs, "value"); });
  s << db.Sql("UPDATE dossiers SET search_key = ? WHERE id = ?"), bind(SearchKey(id, name, id_number)), bind(id), now;
}

void WriteChecks(Session& s, const Connection& db, std::int64_t id, const std::vector<Flag>& flags,
                 const std::optional<AddressVerdict>& verdict) {
  s << db.Sql("DELETE FROM flags WHERE dossier_id = ?"), bind(id), now;
  for (const auto& f : flags)
    s << db.Sql("INSERT INTO flags(dossier_id, code, severity, field, message) VALUES(?, ?, ?, ?, ?)"), bind(id),
        bind(f.code), bind(std::string(SeverityName(f.severity))), bind(f.field), bind(f.message), now;
  Poco::Nullable<std::string> address_json;
  if (verdict) address_json = AddressVerdictToJson(*verdict);
  s << db.Sql("UPDATE dossiers SET address_json = ? WHERE id = ?"), bind(address_json), bind(id), now;
}

Result<DossierRecord> Registry::Load(std::int64_t dossier_id, int* version) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    return WithReconnect(*impl_->db, [&]() -> Result<DossierRecord> {
      impl_->db->BeginRead();
      std::optional<DossierRecord> r = ReadRecord(impl_->session(), *impl_->db, dossier_id, version);
      if (!r) {
        impl_->db->Rollback();
        return Status::Error(ErrorCode::kNotFound, "no dossier " + std::to_string(dossier_id));
      }
      impl_->db->Commit();
      return std::move(*r);
    });
  } catch (const Poco::Exception& e) {
    impl_->db->Rollback();
    return RegistryError("cannot load dossier " + std::to_string(dossier_id), e);
  }
}

namespace {

// A record's pages, fields and flags, inside the caller's transaction.
// Fields a person set stay (ON CONFLICT: theirs is kept).
// The record's pages, fields and flags, and the flags the registry adds.
void InsertContent(Session& s, const Connection& db, std::int64_t id, const DossierRecord& r, const std::string& at,
                   const std::vector<Flag>& added) {
  for (const auto& p : r.pages) {
    s << db.Sql(
        "INSERT INTO pages(dossier_id, idx, width, height, dpi, file_dpi, dpi_source, perspective_corrected, "
        "rotation, skew_deg, blank, ocr_confidence, text) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        bind(id), bind(p.index), bind(p.width), bind(p.height), bind(p.dpi), bind(p.file_dpi), bind(p.dpi_source),
        bind(p.perspective_corrected ? 1 : 0), bind(p.rotation), bind(p.skew_deg), bind(p.blank ? 1 : 0),
        bind(p.ocr_confidence), bind(p.text), now;
  }
  for (const auto& [key, f] : r.fields) {
    s << db.Sql(
        "INSERT INTO fields(dossier_id, key, value, confidence, page, bbox_x, bbox_y, bbox_w, "
        "bbox_h, set_by, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 'machine', ?) "
        "ON CONFLICT (dossier_id, key) DO NOTHING"),
        bind(id), bind(key), bind(f.value), bind(f.confidence), bind(f.page), bind(f.bbox.x), bind(f.bbox.y),
        bind(f.bbox.w), bind(f.bbox.h), bind(at), now;
  }
  for (const auto* flags : {&r.flags, &added})
    for (const auto& f : *flags)
      s << db.Sql("INSERT INTO flags(dossier_id, code, severity, field, message) VALUES(?, ?, ?, ?, ?)"), bind(id),
          bind(f.code), bind(std::string(SeverityName(f.severity))), bind(f.field), bind(f.message), now;
}

// The citizen's ID number in other dossiers: the same person's earlier
// papers, or the same number misread on two people's (ID_SEEN_BEFORE, for
// a person to know; it names the dossiers, never the number).
std::vector<Flag> SeenBefore(Session& s, const Connection& db, std::int64_t id, const DossierRecord& r,
                             const Say& say) {
  auto it = r.fields.find("id_number");
  if (it == r.fields.end() || (it->second.value.size() != 12 && it->second.value.size() != 9)) return {};
  std::vector<std::int64_t> others;
  ForEachRow(
      s, db,
      "SELECT DISTINCT dossier_id FROM fields WHERE key = 'id_number' AND value = ? AND dossier_id <> ? "
      "ORDER BY dossier_id",
      [&](Statement& st) { st, bind(it->second.value), bind(id); },
      [&](RecordSet& rs) { others.push_back(GetNum<std::int64_t>(rs, "dossier_id")); });
  if (others.empty()) return {};
  std::string named;
  for (size_t i = 0; i < others.size() && i < 5; ++i) named += (i ? ", " : "") + std::to_string(others[i]);
  if (others.size() > 5)
    named += say(" and ", " và ") + std::to_string(others.size() - 5) + say(" more", " hồ sơ khác");
  return {{"ID_SEEN_BEFORE", Severity::kInfo, "id_number",
           say(std::string("the same ID number is in dossier") + (others.size() > 1 ? "s " : " "),
               "số định danh này đã có trong hồ sơ ") +
               named}};
}

}  // namespace

Result<RegisterOutcome> Registry::Register(const DossierRecord& r, bool reprocess, bool english) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  Session& s = impl_->session();
  RegisterOutcome out;
  try {
    // Registered again after a lost connection finds itself registered.
    return WithReconnect(*impl_->db, [&]() -> Result<RegisterOutcome> {
      out = RegisterOutcome{};
      impl_->db->Begin();
      std::int64_t existing = 0;
      std::string existing_status;
      {
        Statement st(s);
        st << impl_->Sql("SELECT id, status FROM dossiers WHERE sha256 = ?"), bind(r.sha256), now;
        RecordSet rs(st);
        if (rs.moveFirst()) {
          existing = GetNum<std::int64_t>(rs, "id");
          existing_status = Get(rs, "status");
        }
      }
      if (existing && existing_status != "rejected" && !reprocess) {
        impl_->db->Rollback();
        out.dossier_id = existing;
        out.duplicate = true;
        return out;
      }
      const std::string now_utc = NowUtc();
      Poco::Nullable<std::string> doc_date, error_code, error_message, address_json, other_json;
      if (r.doc_date) doc_date = *r.doc_date;
      if (r.error) {
        error_code = r.error->code;
        error_message = r.error->message;
      }
      if (r.address) address_json = AddressVerdictToJson(*r.address);
      if (!r.other.empty()) other_json = OtherValuesToJson(r.other);
      const std::string status = DossierStatusName(r.status);
      const int page_count = static_cast<int>(r.pages.size());
      if (existing) {
        // A new attempt at a file that was rejected before: same id, new content.
        s << impl_->Sql("DELETE FROM pages WHERE dossier_id = ?"), bind(existing), now;
        // A person's corrections outlive the machine's new reading.
        s << impl_->Sql("DELETE FROM fields WHERE dossier_id = ? AND set_by = 'machine'"), bind(existing), now;
        s << impl_->Sql("DELETE FROM flags WHERE dossier_id = ?"), bind(existing), now;
        s << impl_->Sql(
            "UPDATE dossiers SET source = ?, status = ?, doc_type = ?, doc_date = ?, error_code = ?, "
            "error_message = ?, page_count = ?, address_json = ?, other_json = ?, "
            // Read again without --intake-point: where it was taken in stays.
            "intake_point = COALESCE(NULLIF(?, ''), intake_point), "
            "updated_at = ?, version = version + 1 WHERE id = ?"),
            bind(r.source), bind(status), bind(r.doc_type), bind(doc_date), bind(error_code), bind(error_message),
            bind(page_count), bind(address_json), bind(other_json), bind(r.intake_point), bind(now_utc), bind(existing),
            now;
        out.dossier_id = existing;
      } else {
        s << impl_->Sql(
            "INSERT INTO dossiers(sha256, source, status, doc_type, doc_date, error_code, "
            "error_message, page_count, address_json, other_json, intake_point, created_at, updated_at) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            bind(r.sha256), bind(r.source), bind(status), bind(r.doc_type), bind(doc_date), bind(error_code),
            bind(error_message), bind(page_count), bind(address_json), bind(other_json), bind(r.intake_point),
            bind(now_utc), bind(now_utc), into(out.dossier_id), now;
      }
      const std::int64_t id = out.dossier_id;
      out.added_flags = SeenBefore(s, *impl_->db, id, r, Say{english});
      InsertContent(s, *impl_->db, id, r, now_utc, out.added_flags);
      WriteSearchKey(s, *impl_->db, id);
      // The audit trail: the status this run gave (and the one it replaced).
      Poco::Nullable<std::string> before;
      if (existing) before = existing_status;
      AddAuditRow(s, *impl_->db, id, now_utc, "hoso", "status", before, status);
      impl_->db->Commit();
      return out;
    });
  } catch (const Poco::Exception& e) {
    impl_->db->Rollback();
    // Another process registered the same file between our look and our
    // write (the UNIQUE sha256 refused the second row): a duplicate.
    try {
      std::int64_t winner = 0;
      Statement st(s);
      st << impl_->Sql("SELECT id FROM dossiers WHERE sha256 = ? AND status <> 'rejected'"), bind(r.sha256), now;
      RecordSet rs(st);
      if (rs.moveFirst()) winner = GetNum<std::int64_t>(rs, "id");
      if (winner) return RegisterOutcome{winner, true, {}};
    } catch (const Poco::Exception&) {}
    return RegistryError("cannot register the dossier", e);
  }
}

Result<std::int64_t> Registry::CountDossiers(const std::string& status) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  try {
    std::int64_t n = 0;
    if (status.empty())
      impl_->session() << "SELECT COUNT(*) FROM dossiers", into(n), now;
    else
      impl_->session() << impl_->Sql("SELECT COUNT(*) FROM dossiers WHERE status = ?"), bind(status), into(n), now;
    return n;
  } catch (const Poco::Exception& e) { return RegistryError("count failed", e); }
}

Result<std::vector<std::int64_t>> Registry::DossierIds(const std::vector<std::string>& statuses,
                                                       const std::string& since) {
  std::string sql = "SELECT id FROM dossiers WHERE updated_at >= ?";
  if (!statuses.empty()) {
    sql += " AND status IN (";
    for (size_t i = 0; i < statuses.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  sql += " ORDER BY id";
  return impl_->Select<std::int64_t>(
      "cannot list dossiers", sql,
      [&](Statement& st) {
        st, bind(since);
        for (const std::string& s : statuses) st, bind(s);
      },
      [](RecordSet& rs) { return GetNum<std::int64_t>(rs, "id"); });
}

}  // namespace hoso

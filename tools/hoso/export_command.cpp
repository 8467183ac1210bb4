#include "export_command.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/args.h"
#include "core/log.h"
#include "core/record_json.h"
#include "core/vietnam_time.h"
#include "exit_codes.h"
#include "registry/registry.h"

namespace hoso::cli {

namespace {

const char* const kExportHelp =
    "Usage: hoso export --db URI [--format jsonl|csv] [--excel] [--status S,...] [--since DATE]\n"
    "                   [--out PATH]\n"
    "\n"
    "Writes the registry's dossiers with their fields and address verdicts:\n"
    "jsonl (default) gives each whole record, as `hoso process --json` does;\n"
    "csv gives one row per dossier (UTF-8, RFC 4180 quoting, a header row): the\n"
    "status and why (the reviewer's reason, the flags that sent it to review,\n"
    "or why it was rejected), who decided and when (Vietnam time), the core\n"
    "fields, the address verdict, the flags, then every other field the\n"
    "dossiers' forms gave (parcel_number, household_head_name, ...).\n"
    "\n"
    "Options:\n"
    "  --excel           the CSV as Excel opens it whatever the computer's\n"
    "                    language: UTF-16 with a byte-order mark, columns\n"
    "                    separated by tabs (Vietnamese letters intact)\n"
    "  --status S,...    only these: registered, needs_review, rejected\n"
    "  --since DATE      only dossiers changed on or after DATE (YYYY-MM-DD, Vietnam's\n"
    "                    calendar)\n"
    "  --out PATH        write to PATH instead of standard output\n"
    "  --mask            mask personal data: names to their initials, ID and\n"
    "                    phone numbers to a few leading and trailing digits,\n"
    "                    dates of birth and page text left out\n"
    "\n";

const char* const kCoreFields[] = {"full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"};

// A cell: quoted when it holds the separator, a quote or a line break.
std::string Cell(const std::string& v, char separator) {
  if (v.find_first_of(std::string(1, separator) + "\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// UTF-8 to UTF-16LE (what Excel reads without asking which encoding).
std::string Utf16Le(const std::string& utf8) {
  std::string out;
  auto put = [&](unsigned v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
  };
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    size_t len = 1;
    if (c >= 0xF0) {
      cp = c & 0x07;
      len = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      len = 2;
    }
    for (size_t k = 1; k < len && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(0xD800 | (cp >> 10));
      put(0xDC00 | (cp & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

// Rows of cells, as CSV or as Excel's tab-separated UTF-16.
class TableWriter {
 public:
  TableWriter(std::ostream& out, bool excel) : out_(out), excel_(excel) {
    if (excel_) out_ << "\xFF\xFE";  // UTF-16LE byte-order mark
  }
  void Row(const std::vector<std::string>& cells) {
    const char sep = excel_ ? '\t' : ',';
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? std::string(1, sep) : "") + Cell(cells[i], sep);
    line += "\r\n";
    out_ << (excel_ ? Utf16Le(line) : line);
  }

 private:
  std::ostream& out_;
  bool excel_;
};

// Who decided the dossier, when, and why: its last status change made by a
// person (hoso's own registration is no decision).
struct Decision {
  std::string reviewer, at, reason;
};
Decision LastDecision(const std::vector<Registry::AuditEntry>& audit) {
  Decision d;
  for (const auto& e : audit) {
    if (e.what.rfind("status", 0) != 0 || e.actor == "hoso") continue;
    d.reviewer = e.actor;
    d.at = VietnamTime(e.at);
    const std::string after = e.after.value_or("");
    const size_t colon = after.find(": ");
    d.reason = colon == std::string::npos ? "" : after.substr(colon + 2);
  }
  return d;
}

// Why the dossier is where it is.
std::string StatusReason(const DossierRecord& r, const Decision& d) {
  if (!d.reviewer.empty()) return d.reason;
  if (r.status == DossierStatus::kRejected && r.error)
    return r.error->message.empty() ? r.error->code : r.error->code + ": " + r.error->message;
  if (r.status != DossierStatus::kNeedsReview) return "";
  std::string why;
  for (const auto& f : r.flags)
    if (f.severity != Severity::kInfo && why.find(f.code) == std::string::npos)
      why += (why.empty() ? "" : ";") + f.code;
  return why;
}

// What a masked export keeps: enough to tell records apart, not to know whose.
void MaskPersonalData(DossierRecord& r) {
  for (const char* key : {"full_name", "id_number", "phone"})
    if (auto it = r.fields.find(key); it != r.fields.end()) it->second.value = Mask(it->second.value);
  if (auto it = r.fields.find("date_of_birth"); it != r.fields.end()) it->second.value = it->second.value.substr(0, 4);
  for (auto& p : r.pages) p.text.clear();
  if (r.address) r.address->input.clear();
}

std::vector<std::string> Header(const std::vector<std::string>& form_fields) {
  std::vector<std::string> h = {"dossier_id",    "source",   "sha256",     "intake_point", "received_at", "status",
                                "status_reason", "reviewer", "decided_at", "doc_type",     "doc_date"};
  h.insert(h.end(), std::begin(kCoreFields), std::end(kCoreFields));
  for (const char* c : {"address_status", "suggested_ward", "suggested_province", "suggested_address", "flags"})
    h.push_back(c);
  h.insert(h.end(), form_fields.begin(), form_fields.end());
  return h;
}

std::vector<std::string> Row(const DossierRecord& r, const Decision& d, const std::vector<std::string>& form_fields) {
  auto field = [&](const std::string& key) {
    auto it = r.fields.find(key);
    return it == r.fields.end() ? std::string() : it->second.value;
  };
  std::vector<std::string> row = {std::to_string(r.dossier_id),
                                  r.source,
                                  r.sha256,
                                  r.intake_point,
                                  r.received_at.empty() ? "" : VietnamTime(r.received_at),
                                  DossierStatusName(r.status),
                                  StatusReason(r, d),
                                  d.reviewer,
                                  d.at,
                                  r.doc_type,
                                  r.doc_date.value_or("")};
  for (const char* f : kCoreFields) row.push_back(field(f));
  const bool suggested = r.address && r.address->suggested;
  row.push_back(r.address ? r.address->status : "");
  row.push_back(suggested ? r.address->suggested->ward : "");
  row.push_back(suggested ? r.address->suggested->province : "");
  row.push_back(r.address ? r.address->suggested_text : "");
  std::string flags;
  for (const auto& f : r.flags) flags += (flags.empty() ? "" : ";") + f.code;
  row.push_back(flags);
  for (const auto& key : form_fields) row.push_back(field(key));
  return row;
}

}  // namespace

int RunExport(const std::vector<std::string>& argv) {
  Args args(argv, {"--db", "--format", "--status", "--since", "--out"}, {"--help", "-h", "--mask", "--excel"});
  if (auto exit = HelpOrUsageError(args, "hoso export", kExportHelp)) return *exit;
  auto usage = [](const std::string& msg) { return UsageError("hoso export", msg); };
  if (!args.positional().empty()) return usage("unexpected argument " + args.positional()[0]);
  const std::string format = args.Value("--format").value_or("jsonl");
  if (format != "jsonl" && format != "csv") return usage("--format is jsonl or csv");
  if (args.Flag("--excel") && format != "csv") return usage("--excel goes with --format csv");
  std::vector<std::string> statuses;
  if (auto s = args.Value("--status")) {
    std::stringstream in(*s);
    for (std::string one; std::getline(in, one, ',');) {
      if (!ParseDossierStatus(one)) return usage("unknown status '" + one + "'");
      statuses.push_back(one);
    }
  }
  const std::string since = args.Value("--since").value_or("");
  if (!since.empty() && !IsIsoDate(since.substr(0, 10))) return usage("--since must be a date YYYY-MM-DD");
  // A day begins at midnight in Vietnam, 17:00 UTC the day before: the
  // registry's times are UTC. (A whole time is taken as the registry's.)
  const std::string from = since.size() == 10 ? VietnamDayStartUtc(since) : since;
  if (!since.empty() && from.empty()) return usage("--since must be a date YYYY-MM-DD");
  auto registry = Registry::Open(args.Value("--db").value_or("hoso.db"));
  if (!registry.ok()) return Fatal("hoso export", registry.status());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (auto path = args.Value("--out")) {
    file.open(*path, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!file) return usage("cannot write " + *path);
    out = &file;
  }
  auto ids = (*registry)->DossierIds(statuses, from);
  if (!ids.ok()) return Fatal("hoso export", ids.status());
  const bool table = format == "csv";
  // The forms' own fields, as columns after the core ones: every key the
  // exported dossiers have (a first pass; records are read one at a time).
  std::vector<std::string> form_fields;
  if (table) {
    std::set<std::string> keys;
    for (std::int64_t id : *ids) {
      auto r = (*registry)->Load(id);
      if (!r.ok()) return Fatal("hoso export", r.status());
      for (const auto& [key, value] : r->fields) keys.insert(key);
    }
    for (const char* f : kCoreFields) keys.erase(f);
    keys.erase("doc_date");  // the dossier's own column (a keyed date is the dossier's)
    form_fields.assign(keys.begin(), keys.end());
  }
  TableWriter writer(*out, args.Flag("--excel") && table);
  if (table) writer.Row(Header(form_fields));
  for (std::int64_t id : *ids) {
    auto r = (*registry)->Load(id);
    if (!r.ok()) return Fatal("hoso export", r.status());
    if (args.Flag("--mask")) MaskPersonalData(*r);
    if (!table) {
      *out << RecordToJson(*r) << '\n';
      continue;
    }
    auto audit = (*registry)->Audit(id);
    if (!audit.ok()) return Fatal("hoso export", audit.status());
    writer.Row(Row(*r, LastDecision(*audit), form_fields));
  }
  out->flush();
  std::cerr << "hoso export: " << ids->size() << " dossiers\n";
  return *out ? kExitOk : kExitFatal;
}

}  // namespace hoso::cli

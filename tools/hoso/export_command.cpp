#include "export_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "core/log.h"
#include "core/record_json.h"
#include "exit_codes.h"
#include "registry/registry.h"

namespace hoso::cli {

namespace {

const char* const kExportHelp =
    "Usage: hoso export --db URI [--format jsonl|csv] [--status S,...] [--since DATE] [--out PATH]\n"
    "\n"
    "Writes the registry's dossiers with their fields and address verdicts:\n"
    "jsonl (default) gives each whole record, as `hoso process --json` does;\n"
    "csv gives one row per dossier with the core fields, the address verdict\n"
    "and the flags (UTF-8, RFC 4180 quoting, a header row).\n"
    "\n"
    "Options:\n"
    "  --status S,...    only these: registered, needs_review, rejected\n"
    "  --since DATE      only dossiers changed on or after DATE (YYYY-MM-DD)\n"
    "  --out PATH        write to PATH instead of standard output\n"
    "  --mask            mask personal data: names to their initials, ID and\n"
    "                    phone numbers to a few leading and trailing digits,\n"
    "                    dates of birth and page text left out\n"
    "\n";

const char* const kCoreFields[] = {"full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"};

std::string Csv(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// What a masked export keeps: enough to tell records apart, not to know whose.
void MaskPersonalData(DossierRecord& r) {
  for (const char* key : {"full_name", "id_number", "phone"})
    if (auto it = r.fields.find(key); it != r.fields.end()) it->second.value = Mask(it->second.value);
  if (auto it = r.fields.find("date_of_birth"); it != r.fields.end()) it->second.value = it->second.value.substr(0, 4);
  for (auto& p : r.pages) p.text.clear();
  if (r.address) r.address->input.clear();
}

void WriteCsvHeader(std::ostream& out) {
  out << "dossier_id,source,sha256,status,doc_type,doc_date";
  for (const char* f : kCoreFields) out << ',' << f;
  out << ",address_status,suggested_ward,suggested_province,suggested_address,flags\r\n";
}

void WriteCsvRow(std::ostream& out, const DossierRecord& r) {
  out << r.dossier_id << ',' << Csv(r.source) << ',' << r.sha256 << ',' << DossierStatusName(r.status) << ','
      << Csv(r.doc_type) << ',' << (r.doc_date ? *r.doc_date : "");
  for (const char* f : kCoreFields) {
    auto it = r.fields.find(f);
    out << ',' << Csv(it == r.fields.end() ? "" : it->second.value);
  }
  const bool suggested = r.address && r.address->suggested;
  out << ',' << (r.address ? r.address->status : "") << ',' << Csv(suggested ? r.address->suggested->ward : "") << ','
      << Csv(suggested ? r.address->suggested->province : "") << ',' << Csv(r.address ? r.address->suggested_text : "");
  std::string flags;
  for (const auto& f : r.flags) flags += (flags.empty() ? "" : ";") + f.code;
  out << ',' << Csv(flags) << "\r\n";
}

}  // namespace

int RunExport(const std::vector<std::string>& argv) {
  Args args(argv, {"--db", "--format", "--status", "--since", "--out"}, {"--help", "-h", "--mask"});
  if (auto exit = HelpOrUsageError(args, "hoso export", kExportHelp)) return *exit;
  auto usage = [](const std::string& msg) { return UsageError("hoso export", msg); };
  if (!args.positional().empty()) return usage("unexpected argument " + args.positional()[0]);
  const std::string format = args.Value("--format").value_or("jsonl");
  if (format != "jsonl" && format != "csv") return usage("--format is jsonl or csv");
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
  auto registry = Registry::Open(args.Value("--db").value_or("hoso.db"));
  if (!registry.ok()) return Fatal("hoso export", registry.status());
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (auto path = args.Value("--out")) {
    file.open(*path, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!file) return usage("cannot write " + *path);
    out = &file;
  }
  auto ids = (*registry)->DossierIds(statuses, since);
  if (!ids.ok()) return Fatal("hoso export", ids.status());
  if (format == "csv") WriteCsvHeader(*out);
  for (std::int64_t id : *ids) {
    auto r = (*registry)->Load(id);
    if (!r.ok()) return Fatal("hoso export", r.status());
    if (args.Flag("--mask")) MaskPersonalData(*r);
    if (format == "csv")
      WriteCsvRow(*out, *r);
    else
      *out << RecordToJson(*r) << '\n';
  }
  out->flush();
  std::cerr << "hoso export: " << ids->size() << " dossiers\n";
  return *out ? kExitOk : kExitFatal;
}

}  // namespace hoso::cli

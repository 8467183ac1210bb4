#include "builder.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include "address/reform.h"
#include "core/csv.h"
#include "core/vn_text.h"

namespace hoso::gazetteer {
namespace {

namespace fs = std::filesystem;

// The overrides' old_name for a line that corrects the decision 1027 list.
constexpr const char* kList1027 = "(1027)";

// Cells carry stray spaces and line breaks (some as "<br>"): one space
// between words, NFC.
std::string Clean(const std::string& cell) {
  std::string s = cell;
  for (size_t at; (at = s.find("<br>")) != std::string::npos;) s.replace(at, 4, " ");  // HTML line breaks
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return vn::Nfc(out);
}

// "Thành phố Hà Nội (01)" -> ("Thành phố Hà Nội", "01").
std::pair<std::string, std::string> NameAndCode(const std::string& cell) {
  const std::string s = Clean(cell);
  const auto open = s.rfind('(');
  if (open == std::string::npos || s.back() != ')') return {s, ""};
  return {Clean(s.substr(0, open)), s.substr(open + 1, s.size() - open - 2)};
}

// "Phường Phúc Xá" -> ("phường", "Phúc Xá"); the unit words of every level.
std::pair<std::string, std::string> TypeAndName(const std::string& full) {
  if (full.rfind("Tp ", 0) == 0 || full.rfind("TP ", 0) == 0) return {"thành phố", full.substr(3)};
  // "Thi trấn" (sic) occurs once.
  static const char* kTypes[] = {"thành phố", "thị trấn", "thi trấn", "thị xã", "đặc khu",
                                 "phường",    "quận",     "huyện",    "tỉnh",   "xã"};
  const std::string lower = vn::Lower(full);
  for (const char* t : kTypes) {
    const std::string type(t);
    if (lower.size() > type.size() && lower.compare(0, type.size(), type) == 0 && lower[type.size()] == ' ')
      return {type == "thi trấn" ? "thị trấn" : type, full.substr(type.size() + 1)};
  }
  return {"", full};
}

// Names as the sources spell them differently: without marks, spaces or
// apostrophes, i for y, x for s, Roman numerals as digits, "NT" for "nông
// trường" ("Ea Bia"/"EaBia", "Quí"/"Quý", "Sà Phìn"/"Xà Phìn", "Hòa Tú II"/"2").
std::string Relaxed(const std::string& name) {
  std::string in = vn::MakeKey(name).Ascii(), out;
  std::istringstream words(in);
  for (std::string w; words >> w;) {
    static const std::map<std::string, std::string> kRoman = {
        {"i", "1"}, {"ii", "2"}, {"iii", "3"}, {"iv", "4"}, {"v", "5"}};
    if (auto r = kRoman.find(w); r != kRoman.end()) w = r->second;
    if (w == "nt") w = "nongtruong";
    out += w;
  }
  for (char& c : out) {
    if (c == 'y') c = 'i';
    if (c == 's') c = 'x';
  }
  return out;
}

bool SimilarName(const std::string& a, const std::string& b) {
  const std::string ra = Relaxed(a), rb = Relaxed(b);
  return ra == rb || (std::min(ra.size(), rb.size()) >= 5 && vn::AsciiEditDistance(ra, rb) <= 2);
}

bool SameName(const std::string& a, const std::string& b) { return vn::MakeKey(a).Toned() == vn::MakeKey(b).Toned(); }

Result<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kInputNotFound, "cannot read " + p.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The tuples of `INSERT INTO table(...) VALUES (...),` statements, one per line.
std::vector<std::vector<std::string>> SqlRows(const std::string& sql, const std::string& table) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(sql);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("INSERT INTO ", 0) == 0) {
      inside = line.rfind("INSERT INTO " + table + "(", 0) == 0;
      continue;
    }
    if (!inside || line.empty() || line[0] != '(') continue;
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (size_t i = 1; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          cell += '\'';
          ++i;
        } else if (c == '\'') {
          quoted = false;
        } else {
          cell += c;
        }
      } else if (c == '\'') {
        quoted = true;
      } else if (c == ',' || c == ')') {
        cells.push_back(cell);
        cell.clear();
        if (c == ')') break;
      } else if (c != ' ') {
        cell += c;
      }
    }
    rows.push_back(cells);
  }
  return rows;
}

struct Unit {
  std::string code, type, name, province_code, district_code, valid_from, valid_to, basis;
};

struct LinkRow {
  std::string level, from_code, from_valid_to, to_code, to_valid_from, kind;
  bool all_population = false;
  std::string basis;
  bool operator<(const LinkRow& o) const {
    return std::tie(level, from_code, from_valid_to, to_code, to_valid_from) <
           std::tie(o.level, o.from_code, o.from_valid_to, o.to_code, o.to_valid_from);
  }
};

// The NSO note, in words people misspell and space at random, as hoso's kind.
Result<std::pair<std::string, bool>> KindOf(const std::string& note_cell) {
  std::string note = vn::Lower(Clean(note_cell));
  // "Nhâp" for "Nhập" occurs once.
  if (note.rfind("nhâp", 0) == 0) note = "nhập" + note.substr(std::string("nhâp").size());
  auto has = [&](const char* s) { return note.find(s) != std::string::npos; };
  if (has("toàn bộ dân số")) return std::make_pair(std::string("part_area"), true);
  if (has("một phần diện tích")) return std::make_pair(std::string("part_area"), false);
  if (has("một phần") || has("phần còn lại")) return std::make_pair(std::string("part"), false);
  if (has("giữ nguyên")) return std::make_pair(std::string("unchanged"), false);
  if (has("đổi tên")) return std::make_pair(std::string("renamed"), false);
  if (has("đổi loại hình")) return std::make_pair(std::string("type_changed"), false);
  if (has("toàn bộ")) return std::make_pair(std::string("whole"), false);
  return Status::Error(ErrorCode::kInvalidArgument, "unknown note in the NSO table: '" + note_cell + "'");
}

struct Override {
  std::string new_code, old_name, field, value, reason;
  bool used = false;
};

Result<std::vector<Override>> ReadOverrides(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<Override> out;
  std::istringstream in(*text);
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, '\t');) f.push_back(cell);
    if (f.size() != 5 || f[4].empty())
      return Status::Error(ErrorCode::kInvalidArgument,
                           path + ":" + std::to_string(line_no) +
                               ": need 5 tab-separated fields (new_code old_name field value reason)");
    if (f[0] == "new_code") continue;  // header
    out.push_back({f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

std::string Tsv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "\t" : "") + cells[i];
    out += '\n';
  };
  line(header);
  for (const auto& r : rows) line(r);
  return out;
}

}  // namespace

Result<ModelFiles> Build(const std::string& source_dir, const std::string& overrides_path, BuildReport* report) {
  BuildReport local;
  BuildReport& rep = report ? *report : local;
  const fs::path dir(source_dir);
  auto overrides = ReadOverrides(overrides_path);
  if (!overrides.ok()) return overrides.status();

  // Before the reform: provinces, districts and communes (NSO list).
  std::map<std::string, Unit> old_provinces, districts, old_communes;
  {
    std::ifstream in(dir / "communes-pre-reform-2025-01-04.csv", std::ios::binary);
    if (!in) return Status::Error(ErrorCode::kInputNotFound, "no communes-pre-reform-2025-01-04.csv in " + source_dir);
    int row = 0;
    while (auto rec = ReadCsvRecord(in)) {
      if (++row == 1 || rec->size() < 7) continue;
      const auto& c = *rec;
      const std::string pcode = Clean(c[1]), dcode = Clean(c[3]), ccode = Clean(c[5]);
      auto [ptype, pname] = TypeAndName(Clean(c[0]));
      old_provinces[pcode] = {pcode, ptype, pname, "", "", "", kLastOldDay, ""};
      auto [dtype, dname] = TypeAndName(Clean(c[2]));
      districts[dcode] = {dcode, dtype, dname, pcode, "", "", kLastOldDay, ""};
      if (ccode.empty()) continue;  // island districts without communes
      auto [ctype, cname] = TypeAndName(Clean(c[4]));
      old_communes[ccode] = {ccode, ctype, cname, pcode, dcode, "", kLastOldDay, ""};
    }
  }

  // From 1 July 2025: 34 provinces (decision 915/CTK-CSCL) and 3,321
  // communes with their codes (decision 1027/CTK-CSCL). The units' types
  // and the provinces' full names come from the 2025 unit list.
  std::map<std::string, Unit> new_provinces, new_communes;
  {
    auto sql = ReadFile(dir / "units-2025-07-01.sql");
    if (!sql.ok()) return sql.status();
    std::map<std::string, std::string> province_by_name;  // toned key of the short name -> code
    for (const auto& r : SqlRows(*sql, "provinces")) {
      if (r.size() < 4) continue;
      auto [type, name] = TypeAndName(Clean(r[3]));
      new_provinces[r[0]] = {r[0], type, name, "", "", kReformDay, "", kProvinceResolution};
      province_by_name[vn::MakeKey(name).Toned()] = r[0];
    }
    std::ifstream in(dir / "new-ward-codes-1027.csv", std::ios::binary);
    if (!in) return Status::Error(ErrorCode::kInputNotFound, "no new-ward-codes-1027.csv in " + source_dir);
    int row = 0;
    while (auto rec = ReadCsvRecord(in)) {
      if (++row == 1 || rec->size() < 4) continue;
      std::string code = Clean((*rec)[1]);
      for (Override& o : *overrides) {
        if (o.old_name != kList1027 || o.new_code != code || o.field != "code") continue;
        o.used = true;
        ++rep.overrides_applied;
        rep.notes.push_back("decision 1027 list, " + code + ": code = " + o.value + " — " + o.reason);
        code = o.value;
      }
      auto [type, name] = TypeAndName(Clean((*rec)[2]));
      const std::string province = TypeAndName(Clean((*rec)[3])).second;
      auto p = province_by_name.find(vn::MakeKey(province).Toned());
      if (p == province_by_name.end())
        return Status::Error(ErrorCode::kInvalidArgument,
                             "new-ward-codes-1027.csv row " + std::to_string(row) + ": unknown province " + province);
      new_communes[code] = {code, type, name, p->second, "", kReformDay, "", ""};
    }
  }
  if (new_provinces.size() != 34 || new_communes.size() != 3321)
    return Status::Error(ErrorCode::kInvalidArgument, "expected 34 provinces and 3321 communes from 1 July 2025");

  // Citations: the resolution and clause that made each new commune.
  std::map<std::pair<std::string, std::string>, std::string> citation;  // (old, new) -> basis
  std::map<std::string, std::string> citation_of_new;
  std::map<std::string, std::string> clause_text;  // basis -> the clause's words
  {
    std::ifstream in(dir / "old-to-new-with-citations.csv", std::ios::binary);
    if (!in) return Status::Error(ErrorCode::kInputNotFound, "no old-to-new-with-citations.csv in " + source_dir);
    int row = 0;
    static const std::regex kClause(R"(^\s*(\d+)\.)");
    while (auto rec = ReadCsvRecord(in)) {
      if (++row == 1 || rec->size() < 15) continue;
      const auto& c = *rec;
      std::string basis = Clean(c[13]);
      if (basis.empty()) continue;
      std::smatch m;
      if (std::regex_search(c[14], m, kClause)) basis += ", khoản " + m[1].str();
      citation[{Clean(c[4]), Clean(c[8])}] = basis;
      citation_of_new.emplace(Clean(c[8]), basis);
      std::string text = Clean(c[14]);
      for (size_t at; (at = text.find("**")) != std::string::npos;) text.erase(at, 2);  // the source's bold marks
      clause_text.emplace(basis, text);
    }
  }

  // The conversion table, corrected by the overrides.
  std::set<LinkRow> links;
  int spelling_drift = 0, added_from_nso = 0;
  std::vector<std::string> problems;  // rows no override accounts for (as suggested override lines)
  std::vector<Unit> aliases;          // other old names of old communes
  {
    std::ifstream in(dir / "nso-conversion-2025-07-01.csv", std::ios::binary);
    if (!in) return Status::Error(ErrorCode::kInputNotFound, "no nso-conversion-2025-07-01.csv in " + source_dir);
    int row = 0;
    while (auto rec = ReadCsvRecord(in)) {
      ++row;
      if (row <= 2 || rec->size() < 8) continue;
      auto c = *rec;
      const std::string new_code = Clean(c[2]);
      if (new_code.empty()) continue;  // a province's section row
      std::string old_name = Clean(c[3]), old_code = Clean(c[4]), note = Clean(c[5]);
      auto [district_name, district_code] = NameAndCode(c[6]);
      auto [old_province_name, old_province_code] = NameAndCode(c[7]);
      bool skip = false;
      for (Override& o : *overrides) {
        if (o.new_code != new_code || o.old_name != old_name || o.old_name == kList1027) continue;
        o.used = true;
        ++rep.overrides_applied;
        if (o.field == "old_code")
          old_code = o.value;
        else if (o.field == "old_province_code")
          old_province_code = o.value;
        else if (o.field == "skip")
          skip = true;
        else
          return Status::Error(ErrorCode::kInvalidArgument, "overrides: unknown field " + o.field);
        rep.notes.push_back("row " + std::to_string(row) + " (" + new_code + " " + old_name + "): " + o.field +
                            (o.field == "skip" ? "" : " = " + o.value) + " — " + o.reason);
      }
      if (skip) continue;
      if (!new_communes.count(new_code))
        return Status::Error(ErrorCode::kInvalidArgument,
                             "nso row " + std::to_string(row) + ": new code " + new_code + " is not a commune of 2025");
      auto kind = KindOf(note);
      if (!kind.ok()) return kind.status();
      LinkRow link;
      link.to_code = new_code;
      link.to_valid_from = kReformDay;
      link.from_valid_to = kLastOldDay;
      link.kind = kind->first;
      link.all_population = kind->second;
      if (old_code.empty() && old_name.empty()) {
        // A whole island district became a special zone (đặc khu).
        if (!districts.count(district_code))
          return Status::Error(ErrorCode::kInvalidArgument, "nso row " + std::to_string(row) + ": no old unit");
        if (old_province_code != districts[district_code].province_code) {
          problems.push_back(new_code + "\t\told_province_code\t" + districts[district_code].province_code +
                             "\tThe NSO table puts " + district_name + " in province " + old_province_code +
                             "; it was in province " + districts[district_code].province_code + ".");
          continue;
        }
        link.level = "district";
        link.from_code = district_code;
        link.kind = "whole";
      } else {
        auto [written_type, written] = TypeAndName(old_name);
        auto it = old_communes.find(old_code);
        if (it == old_communes.end() && !old_code.empty() && districts.count(district_code)) {
          // Created between the January list and the reform (Mộc Châu's
          // wards, Hồ Chí Minh City's renumbered wards): the NSO row is the
          // record of it.
          it = old_communes
                   .emplace(old_code, Unit{old_code, written_type, written, districts[district_code].province_code,
                                           district_code, "", kLastOldDay, ""})
                   .first;
          ++added_from_nso;
        }
        if (it == old_communes.end()) {
          problems.push_back("nso row " + std::to_string(row) + ": old code '" + old_code + "' (" + old_name +
                             ") is not a commune");
          continue;
        }
        if (SameName(written, it->second.name)) {
        } else if (SimilarName(written, it->second.name)) {
          // The commune list's spelling stands; the table's is kept as
          // another name people (and the table's users) write.
          ++spelling_drift;
          aliases.push_back({old_code, it->second.type, written, it->second.province_code, it->second.district_code, "",
                             kLastOldDay, ""});
        } else {
          // Another commune of the district by that name: the row has the wrong code.
          std::string right;
          for (const auto& [code, u] : old_communes)
            if (u.district_code == district_code && code != old_code && Relaxed(u.name) == Relaxed(written))
              right = code;
          if (!right.empty()) {
            problems.push_back(new_code + "\t" + old_name + "\told_code\t" + right + "\tThe NSO table gives " +
                               old_name + " (" + district_name + ") the code " + old_code + ", which is " +
                               it->second.name + "'s; " + written + " is " + right + " in the NSO commune list.");
            continue;
          }
          // Renamed before the reform (the list is of January 2025): both names are old names of the unit.
          aliases.push_back({old_code, written_type.empty() ? it->second.type : written_type, written,
                             it->second.province_code, district_code, "", kLastOldDay, ""});
        }
        if (old_province_code != it->second.province_code) {
          problems.push_back(new_code + "\t" + old_name + "\told_province_code\t" + it->second.province_code +
                             "\tThe NSO table puts " + old_name + " (" + old_code + ") in province " +
                             old_province_code + "; its district " + district_name + " is in province " +
                             it->second.province_code + ".");
          continue;
        }
        link.level = "commune";
        link.from_code = old_code;
      }
      if (auto cit = citation.find({link.from_code, new_code}); cit != citation.end())
        link.basis = cit->second;
      else if (auto any = citation_of_new.find(new_code); any != citation_of_new.end())
        link.basis = any->second;
      links.insert(link);
    }
  }
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += "\n  " + p;
    return Status::Error(
        ErrorCode::kInvalidArgument,
        std::to_string(problems.size()) + " row(s) of the NSO table need an override (check, then add):" + all);
  }
  if (added_from_nso)
    rep.notes.push_back(std::to_string(added_from_nso) +
                        " old commune(s) not in the January 2025 list taken from the NSO table");
  if (!aliases.empty())
    rep.notes.push_back(std::to_string(aliases.size()) +
                        " old commune name(s) written otherwise in the NSO table than in "
                        "the January list (spelling, or renamed in 2025): both kept");
  if (spelling_drift) rep.notes.push_back("of which " + std::to_string(spelling_drift) + " spelling variants");
  for (const Override& o : *overrides)
    if (!o.used)
      return Status::Error(ErrorCode::kInvalidArgument,
                           "override for " + o.new_code + " '" + o.old_name + "' matches no row: remove it");
  // A new commune the citations miss (the special zones) falls under its
  // province's resolution (one resolution per province), without a clause.
  std::map<std::string, std::map<std::string, int>> resolutions;  // province -> resolution -> links
  for (const LinkRow& l : links)
    if (!l.basis.empty()) ++resolutions[new_communes[l.to_code].province_code][l.basis.substr(0, l.basis.find(','))];
  int by_province = 0;
  std::set<LinkRow> cited;
  for (LinkRow l : links) {
    if (l.basis.empty()) {
      const auto& counts = resolutions[new_communes[l.to_code].province_code];
      auto best = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
      if (best != counts.end()) {
        l.basis = best->first;
        ++by_province;
      }
    }
    // The basis a new commune was created by is its basis.
    if (!l.basis.empty()) new_communes[l.to_code].basis = l.basis;
    cited.insert(l);
  }
  links.swap(cited);
  if (by_province)
    rep.notes.push_back(std::to_string(by_province) + " link(s) without a citation given their province's resolution");

  // 30 April 2026: Đồng Nai and the units that changed with it.
  {
    auto text = ReadFile(dir / "units-current-2026-04-30.json");
    if (!text.ok()) return text.status();
    Poco::JSON::Parser parser;
    const auto root = parser.parse(*text).extract<Poco::JSON::Array::Ptr>();
    std::map<std::string, Unit> later_provinces, later_communes;
    for (size_t i = 0; i < root->size(); ++i) {
      const auto p = root->getObject(static_cast<unsigned>(i));
      const std::string pcode = p->getValue<std::string>("Code");
      auto [ptype, pname] = TypeAndName(Clean(p->getValue<std::string>("FullName")));
      later_provinces[pcode] = {pcode, ptype, pname, "", "", kDongNaiDay, "", kDongNaiProvinceResolution};
      const auto wards = p->getArray("Wards");
      for (size_t k = 0; k < wards->size(); ++k) {
        const auto w = wards->getObject(static_cast<unsigned>(k));
        const std::string code = w->getValue<std::string>("Code");
        auto [type, name] = TypeAndName(Clean(w->getValue<std::string>("FullName")));
        later_communes[code] = {code, type, name, pcode, "", kDongNaiDay, "", kDongNaiCommuneResolution};
      }
    }
    std::vector<Unit> opened_provinces, opened_communes;
    for (auto& [code, p] : new_provinces) {
      auto it = later_provinces.find(code);
      if (it == later_provinces.end())
        return Status::Error(ErrorCode::kInvalidArgument, "province " + code + " is gone in the 2026 list");
      if (it->second.type == p.type && SameName(it->second.name, p.name)) continue;
      p.valid_to = kLastDayBeforeDongNai;
      opened_provinces.push_back(it->second);
    }
    // The 2026 list numbers a few communes differently from decision 1027
    // (Ba Chẽ: 06978 there, 06970 in the decision): such a unit is matched
    // by its province and name, and keeps the decision's code.
    std::map<std::pair<std::string, std::string>, std::string> later_by_name;
    for (const auto& [code, u] : later_communes) later_by_name[{u.province_code, vn::MakeKey(u.name).Ascii()}] = code;
    int recoded = 0;
    for (auto& [code, c] : new_communes) {
      auto it = later_communes.find(code);
      if (it == later_communes.end() || vn::MakeKey(it->second.name).Ascii() != vn::MakeKey(c.name).Ascii()) {
        auto by_name = later_by_name.find({c.province_code, vn::MakeKey(c.name).Ascii()});
        if (by_name != later_by_name.end()) {
          it = later_communes.find(by_name->second);
          it->second.code = code;
          ++recoded;
        }
      }
      if (it == later_communes.end())
        return Status::Error(ErrorCode::kInvalidArgument,
                             "commune " + code + " " + c.name + " is gone in the 2026 list");
      if (it->second.type == c.type && SameName(it->second.name, c.name)) continue;
      c.valid_to = kLastDayBeforeDongNai;
      opened_communes.push_back(it->second);
      LinkRow l{"commune",
                code,
                kLastDayBeforeDongNai,
                code,
                kDongNaiDay,
                SameName(it->second.name, c.name) ? "type_changed" : "renamed",
                false,
                kDongNaiCommuneResolution};
      links.insert(l);
    }
    if (later_communes.size() != new_communes.size())
      return Status::Error(ErrorCode::kInvalidArgument, "the 2026 list adds or drops communes: not modelled yet");
    for (Unit& u : opened_provinces) new_provinces[u.code + "@" + u.valid_from] = u;
    for (Unit& u : opened_communes) new_communes[u.code + "@" + u.valid_from] = u;
    if (recoded)
      rep.notes.push_back(
          std::to_string(recoded) +
          " commune(s) numbered otherwise in the 2026 list than in decision 1027: the decision's code kept");
    rep.notes.push_back(std::to_string(opened_provinces.size()) + " province(s) and " +
                        std::to_string(opened_communes.size()) + " commune(s) changed on " + kDongNaiDay);
  }

  ModelFiles files;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [k, p] : old_provinces) rows.push_back({p.code, p.type, p.name, p.valid_from, p.valid_to, ""});
  for (const auto& [k, p] : new_provinces) rows.push_back({p.code, p.type, p.name, p.valid_from, p.valid_to, p.basis});
  rep.provinces = static_cast<int>(rows.size());
  files["provinces.tsv"] = Tsv({"code", "type", "name", "valid_from", "valid_to", "basis"}, rows);
  rows.clear();
  for (const auto& [k, d] : districts) rows.push_back({d.code, d.type, d.name, d.province_code, d.valid_to});
  rep.districts = static_cast<int>(rows.size());
  files["districts.tsv"] = Tsv({"code", "type", "name", "province_code", "valid_to"}, rows);
  rows.clear();
  for (const auto* set : {&old_communes, &new_communes})
    for (const auto& [k, c] : *set)
      rows.push_back({c.code, c.type, c.name, c.province_code, c.district_code, c.valid_from, c.valid_to, c.basis});
  std::sort(aliases.begin(), aliases.end(), [](const Unit& a, const Unit& b) {
    return std::tie(a.code, a.name, a.district_code) < std::tie(b.code, b.name, b.district_code);
  });
  aliases.erase(std::unique(aliases.begin(), aliases.end(),
                            [](const Unit& a, const Unit& b) { return a.code == b.code && a.name == b.name; }),
                aliases.end());
  for (const Unit& c : aliases)
    rows.push_back({c.code, c.type, c.name, c.province_code, c.district_code, c.valid_from, c.valid_to, "alias"});
  rep.communes = static_cast<int>(rows.size());
  files["communes.tsv"] =
      Tsv({"code", "type", "name", "province_code", "district_code", "valid_from", "valid_to", "basis"}, rows);
  rows.clear();
  for (const LinkRow& l : links)
    rows.push_back({l.level, l.from_code, l.from_valid_to, l.to_code, l.to_valid_from, l.kind,
                    l.all_population ? "1" : "0", l.basis});
  rep.links = static_cast<int>(rows.size());
  files["links.tsv"] =
      Tsv({"from_level", "from_code", "from_valid_to", "to_code", "to_valid_from", "kind", "all_population", "basis"},
          rows);
  // The words of each clause the links cite: what a person reads to see
  // which part of a divided commune went where.
  std::set<std::string> bases;
  for (const LinkRow& l : links) bases.insert(l.basis);
  rows.clear();
  for (const auto& [basis, text] : clause_text)
    if (bases.count(basis) && !text.empty()) rows.push_back({basis, text});
  files["clauses.tsv"] = Tsv({"basis", "text"}, rows);
  return files;
}

}  // namespace hoso::gazetteer

#include "address/gazetteer.h"
#include "core/data_dir.h"
#include "address/reform.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace hoso {
namespace {

std::string Capitalised(const std::string& type) {
  if (type.empty()) return type;
  std::vector<vn::Glyph> g = vn::Decode(type);
  g[0].upper = true;
  return vn::Encode(g);
}

std::string Full(const std::string& type, const std::string& name) {
  return type.empty() ? name : Capitalised(type) + " " + name;
}

// Reads a TSV file with a header line; calls `row` with the cells of each line.
Status ReadTsv(const std::filesystem::path& path, size_t columns,
               const std::function<void(const std::vector<std::string>&)>& row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(ErrorCode::kInputNotFound, "gazetteer: cannot read " + path.string());
  std::string line;
  std::getline(in, line);  // header
  std::vector<std::string> cells;
  int line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    cells.clear();
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() != columns)
      return Status::Error(ErrorCode::kInvalidArgument, "gazetteer: " + path.string() + ":" + std::to_string(line_no) +
                                                            ": expected " + std::to_string(columns) + " fields");
    row(cells);
  }
  return Status::Ok();
}

template <typename Index>
std::vector<size_t> Find(const Index& index, const std::string& key) {
  std::vector<size_t> out;
  auto [a, b] = index.equal_range(key);
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

vn::Key UnitNameKey(const std::string& name) {
  vn::Key key = vn::MakeKey(name);
  static const char* kRoman[] = {"i",  "ii",  "iii",  "iv",  "v",  "vi",  "vii",  "viii",  "ix",  "x",
                                 "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
  if (key.has_marks) return key;
  const std::string ascii = key.Ascii();
  for (int n = 0; n < 20; ++n)
    if (ascii == kRoman[n]) return vn::MakeKey(std::to_string(n + 1));
  return key;
}

std::string Province::FullName() const { return Full(type, name); }
std::string District::FullName() const { return Full(type, name); }
std::string Commune::FullName() const { return Full(type, name); }

std::string Gazetteer::DefaultDir() {
  return (std::filesystem::path(DataDir("models", "HOSO_MODELS")) / "gazetteer").string();
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& dir) {
  auto g = std::make_shared<Gazetteer>();
  const std::filesystem::path d(dir);
  Status s = ReadTsv(d / "provinces.tsv", 6, [&](const std::vector<std::string>& c) {
    g->provinces_.push_back({c[0], c[1], c[2], {c[3], c[4]}, c[5]});
  });
  if (!s.ok()) return s;
  s = ReadTsv(d / "districts.tsv", 5, [&](const std::vector<std::string>& c) {
    g->districts_.push_back({c[0], c[1], c[2], c[3]});
  });
  if (!s.ok()) return s;
  s = ReadTsv(d / "communes.tsv", 8, [&](const std::vector<std::string>& c) {
    const bool alias = c[7] == "alias";
    g->communes_.push_back({c[0], c[1], c[2], c[3], c[4], {c[5], c[6]}, alias ? "" : c[7], alias});
  });
  if (!s.ok()) return s;
  s = ReadTsv(d / "links.tsv", 8, [&](const std::vector<std::string>& c) {
    g->links_.push_back({c[0] == "district", c[1], c[2], c[3], c[4], c[5], c[6] == "1", c[7]});
  });
  if (!s.ok()) return s;
  // The clauses' words (a model built before them has none).
  if (std::filesystem::exists(d / "clauses.tsv")) {
    s = ReadTsv(d / "clauses.tsv", 2, [&](const std::vector<std::string>& c) { g->clauses_.emplace(c[0], c[1]); });
    if (!s.ok()) return s;
  }
  if (g->provinces_.empty() || g->communes_.empty() || g->links_.empty())
    return Status::Error(ErrorCode::kInvalidArgument, "gazetteer: " + dir + " holds an empty model");

  for (size_t i = 0; i < g->provinces_.size(); ++i) {
    g->province_by_name_.emplace(vn::MakeKey(g->provinces_[i].name).Ascii(), i);
    g->province_by_code_.emplace(g->provinces_[i].code, i);
  }
  for (size_t i = 0; i < g->districts_.size(); ++i) {
    g->district_by_name_.emplace(UnitNameKey(g->districts_[i].name).Ascii(), i);
    g->district_by_code_.emplace(g->districts_[i].code, i);
  }
  for (size_t i = 0; i < g->communes_.size(); ++i) {
    g->commune_by_name_.emplace(UnitNameKey(g->communes_[i].name).Ascii(), i);
    if (!g->communes_[i].alias) g->commune_by_code_.emplace(g->communes_[i].code, i);
  }
  std::map<std::string, std::set<std::string>> successors, predecessors, districts_into;
  for (size_t i = 0; i < g->links_.size(); ++i) {
    const UnitLink& l = g->links_[i];
    g->links_by_from_.emplace((l.from_district ? "d" : "c") + l.from_code + "@" + l.from_valid_to, i);
    g->links_by_to_.emplace(l.to_code + "@" + l.to_valid_from, i);
    if (l.from_district || l.to_valid_from != kReformDay) continue;
    const Commune* from = nullptr;
    for (size_t k : Find(g->commune_by_code_, l.from_code))
      if (g->communes_[k].valid.to == l.from_valid_to) from = &g->communes_[k];
    const Commune* to = g->CommuneOn(l.to_code, l.to_valid_from);
    if (!from || !to) continue;
    successors[from->province_code].insert(to->province_code);
    predecessors[to->province_code].insert(from->province_code);
    if (!from->district_code.empty()) districts_into[to->code].insert(from->district_code);
  }
  for (auto& [old_code, news] : successors) g->province_successors_[old_code] = {news.begin(), news.end()};
  for (auto& [new_code, olds] : predecessors) g->province_predecessors_[new_code] = {olds.begin(), olds.end()};
  for (auto& [code, ds] : districts_into) g->districts_into_[code] = {ds.begin(), ds.end()};
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

std::vector<const Province*> Gazetteer::ProvincesNamed(const std::string& ascii) const {
  std::vector<const Province*> out;
  for (size_t i : Find(province_by_name_, ascii)) out.push_back(&provinces_[i]);
  return out;
}

std::vector<const District*> Gazetteer::DistrictsNamed(const std::string& ascii) const {
  std::vector<const District*> out;
  for (size_t i : Find(district_by_name_, ascii)) out.push_back(&districts_[i]);
  return out;
}

std::vector<const Commune*> Gazetteer::CommunesNamed(const std::string& ascii) const {
  std::vector<const Commune*> out;
  for (size_t i : Find(commune_by_name_, ascii)) out.push_back(&communes_[i]);
  return out;
}

const Province* Gazetteer::ProvinceOn(const std::string& code, const std::string& date) const {
  for (size_t i : Find(province_by_code_, code))
    if (provinces_[i].valid.On(date)) return &provinces_[i];
  return nullptr;
}

const Commune* Gazetteer::CommuneOn(const std::string& code, const std::string& date) const {
  for (size_t i : Find(commune_by_code_, code))
    if (communes_[i].valid.On(date)) return &communes_[i];
  return nullptr;
}

const District* Gazetteer::DistrictByCode(const std::string& code) const {
  auto it = district_by_code_.find(code);
  return it == district_by_code_.end() ? nullptr : &districts_[it->second];
}

std::vector<const UnitLink*> Gazetteer::LinksFrom(bool district, const std::string& code,
                                                  const std::string& valid_to) const {
  std::vector<const UnitLink*> out;
  for (size_t i : Find(links_by_from_, (district ? "d" : "c") + code + "@" + valid_to)) out.push_back(&links_[i]);
  return out;
}

std::vector<const UnitLink*> Gazetteer::LinksInto(const std::string& code, const std::string& valid_from) const {
  std::vector<const UnitLink*> out;
  for (size_t i : Find(links_by_to_, code + "@" + valid_from)) out.push_back(&links_[i]);
  return out;
}

std::vector<std::string> Gazetteer::ProvincePredecessors(const std::string& new_code) const {
  auto it = province_predecessors_.find(new_code);
  return it == province_predecessors_.end() ? std::vector<std::string>{} : it->second;
}

bool Gazetteer::TookLandFrom(const std::string& new_code, const std::string& district_code) const {
  auto it = districts_into_.find(new_code);
  return it != districts_into_.end() &&
         std::find(it->second.begin(), it->second.end(), district_code) != it->second.end();
}

std::vector<std::string> Gazetteer::ProvinceSuccessors(const std::string& old_code) const {
  auto it = province_successors_.find(old_code);
  return it == province_successors_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace hoso

namespace hoso {

std::string Gazetteer::ClauseText(const std::string& basis) const {
  auto it = clauses_.find(basis);
  return it == clauses_.end() ? std::string() : it->second;
}

}  // namespace hoso

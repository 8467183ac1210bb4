// The versioned gazetteer: Vietnam's provinces, districts and communes with
// the dates they existed, and the old→new links of the 1 July 2025 reform
// and the 30 April 2026 Đồng Nai change. Loaded from models/gazetteer/
// (built by tools/gazetteer from the official tables); read-only and
// shareable between threads once loaded.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/vn_text.h"

namespace hoso {

// Dates are "YYYY-MM-DD"; an empty valid_from is "always", an empty
// valid_to "still".
struct Validity {
  std::string from, to;
  bool On(const std::string& date) const { return (from.empty() || from <= date) && (to.empty() || date <= to); }
};

struct Province {
  std::string code, type, name;  // type: "tỉnh" | "thành phố"
  Validity valid;
  std::string basis;
  std::string FullName() const;  // "Thành phố Hà Nội"
};

struct District {  // all gone on 1 July 2025
  std::string code, type, name, province_code;
  std::string FullName() const;
};

struct Commune {
  std::string code, type, name, province_code, district_code;  // district only before the reform
  Validity valid;
  std::string basis;
  bool alias = false;            // another old name of the same unit
  std::string FullName() const;  // "Phường Hồng Hà"
};

struct UnitLink {
  bool from_district = false;  // an island district that became a special zone
  std::string from_code, from_valid_to, to_code, to_valid_from;
  std::string kind;  // whole | part | part_area | unchanged | renamed | type_changed
  bool all_population = false;
  std::string basis;  // "1656/NQ-UBTVQH15, khoản 14"
};

// A unit's name as a comparison key: vn::MakeKey, with a Roman numeral
// alone read as its number ("Phường IV" is Phường 4, as people also write it).
vn::Key UnitNameKey(const std::string& name);

class Gazetteer {
 public:
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& dir);
  // $HOSO_MODELS/gazetteer if set, else the source tree's models/gazetteer.
  static std::string DefaultDir();

  // Units whose name has these bare letters (vn::Key::Ascii()).
  std::vector<const Province*> ProvincesNamed(const std::string& ascii) const;
  std::vector<const District*> DistrictsNamed(const std::string& ascii) const;
  std::vector<const Commune*> CommunesNamed(const std::string& ascii) const;
  const std::vector<Commune>& communes() const { return communes_; }
  const std::vector<District>& districts() const { return districts_; }

  // The unit with this code that existed on `date`.
  const Province* ProvinceOn(const std::string& code, const std::string& date) const;
  const Commune* CommuneOn(const std::string& code, const std::string& date) const;
  const District* DistrictByCode(const std::string& code) const;
  // Links out of a unit that ended on `valid_to`.
  std::vector<const UnitLink*> LinksFrom(bool district, const std::string& code, const std::string& valid_to) const;
  // Links into a unit that began on `valid_from`.
  std::vector<const UnitLink*> LinksInto(const std::string& code, const std::string& valid_from) const;
  // The provinces an old province's communes went to, and the old provinces
  // whose communes went to a province of 1 July 2025.
  std::vector<std::string> ProvinceSuccessors(const std::string& old_code) const;
  std::vector<std::string> ProvincePredecessors(const std::string& new_code) const;
  // Whether the commune of 1 July 2025 with this code took land from the
  // old district with this code.
  bool TookLandFrom(const std::string& new_code, const std::string& district_code) const;
  // The words of a resolution's clause ("1656/NQ-UBTVQH15, khoản 14" →
  // "14. Sắp xếp toàn bộ diện tích …"); empty when not known.
  std::string ClauseText(const std::string& basis) const;

  size_t size() const { return provinces_.size() + districts_.size() + communes_.size() + links_.size(); }

 private:
  std::vector<Province> provinces_;
  std::vector<District> districts_;
  std::vector<Commune> communes_;
  std::vector<UnitLink> links_;
  std::unordered_multimap<std::string, size_t> province_by_name_, district_by_name_, commune_by_name_;
  std::unordered_multimap<std::string, size_t> province_by_code_, commune_by_code_, links_by_from_, links_by_to_;
  std::unordered_map<std::string, size_t> district_by_code_;
  std::unordered_map<std::string, std::string> clauses_;  // basis -> text (clauses.tsv)
  std::unordered_map<std::string, std::vector<std::string>> province_successors_, province_predecessors_;
  std::unordered_map<std::string, std::vector<std::string>> districts_into_;  // new commune -> old districts
};

}  // namespace hoso

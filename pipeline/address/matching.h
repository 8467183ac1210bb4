// Finding the units an address names in the gazetteer: by name, with the
// marks OCR or a hurried writer left out forgiven and OCR's letter errors
// forgiven within a province. Shared by the parser and the verdict.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "address/gazetteer.h"
#include "core/vn_text.h"

namespace hoso::address {

// Of `units`, those whose names the written name matches with the fewest
// marks differing (none where a mark is wrong, not just left out).
template <typename Unit>
std::vector<const Unit*> BestByMarks(const vn::Key& written, const std::vector<const Unit*>& units) {
  int best = 1 << 20;
  std::vector<const Unit*> out;
  for (const Unit* u : units) {
    const int d = vn::MarkDistance(written, UnitNameKey(u->name));
    if (d < 0) continue;
    if (d < best) {
      best = d;
      out.clear();
    }
    if (d == best) out.push_back(u);
  }
  return out;
}

// Communes (and districts) named so, with OCR's letter errors forgiven
// within a province when nothing matches exactly.
template <typename Unit>
std::vector<const Unit*> MatchUnits(const vn::Key& key, std::vector<const Unit*> exact, const std::vector<Unit>& all,
                                    const std::set<std::string>& provinces) {
  auto in_scope = [&](const Unit* u) { return provinces.empty() || provinces.count(u->province_code); };
  exact.erase(std::remove_if(exact.begin(), exact.end(), [&](const Unit* u) { return !in_scope(u); }), exact.end());
  if (!exact.empty()) {
    auto best = BestByMarks(key, exact);
    if (!best.empty()) return best;
  }
  // Sources and people space highland names differently ("Adơk", "A Dơk"),
  // and OCR gets a letter wrong: within the province, the same letters
  // without spaces, or one letter off in a longer name.
  const std::string ascii = key.Ascii();
  if (provinces.empty()) return {};
  auto compact = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  const std::string packed = compact(ascii);
  std::vector<const Unit*> same, near;
  for (const Unit& u : all) {
    if (!in_scope(&u)) continue;
    const std::string other = UnitNameKey(u.name).Ascii();
    if (compact(other) == packed)
      same.push_back(&u);
    else if (ascii.size() >= 6 && vn::AsciiEditDistance(other, ascii) == 1)
      near.push_back(&u);
  }
  return same.empty() ? near : same;
}

// Province names people write for the two big cities ("hcm", "sai gon",
// "hn") as the gazetteer's; any other name as it is.
std::string ProvinceAlias(const std::string& ascii);

// Provinces (of any date) named so.
std::vector<const Province*> MatchProvinces(const Gazetteer& g, const std::string& name);

// The codes of `provinces` and of the old provinces that merged into them:
// where an old district written with its new province is looked for.
std::set<std::string> ProvinceScope(const Gazetteer& g, const std::vector<const Province*>& provinces);

// A unit's name as a key: a Roman numeral alone as digits ("phường IV" is
// Phường 4), and, when the address carries marks anywhere, a name written
// without them means plain letters ("Nga Thanh" is not Nga Thành).
vn::Key NameKey(const std::string& name, bool marked_address);

// "phường Hồng Hà": the unit word (when known) and the name.
std::string UnitText(const std::string& type, const std::string& name);

}  // namespace hoso::address

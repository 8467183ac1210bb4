#include "transition.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/vn_text.h"

namespace samplegen {

const std::vector<TransitionStyle>& AllTransitionStyles() {
  static const std::vector<TransitionStyle> kAll = {
      TransitionStyle::kNewWardOldDistrict, TransitionStyle::kOldDistrictNewProvince,
      TransitionStyle::kNewWardOldProvince, TransitionStyle::kNoUnitWords};
  return kAll;
}

const char* TransitionStyleName(TransitionStyle style) {
  switch (style) {
    case TransitionStyle::kNewWardOldDistrict: return "new_ward_old_district";
    case TransitionStyle::kOldDistrictNewProvince: return "old_district_new_province";
    case TransitionStyle::kNewWardOldProvince: return "new_ward_old_province";
    case TransitionStyle::kNoUnitWords: return "no_unit_words";
  }
  return "?";
}

bool WritesNewWard(TransitionStyle style) {
  return style == TransitionStyle::kNewWardOldDistrict || style == TransitionStyle::kNewWardOldProvince;
}

std::pair<std::string, std::string> SplitUnitName(const std::string& full) {
  static const std::vector<std::pair<std::string, std::string>> kWords = {
      {"Thành phố ", "thành phố"}, {"Thị trấn ", "thị trấn"}, {"Thị xã ", "thị xã"}, {"Đặc khu ", "đặc khu"},
      {"Thành Phố ", "thành phố"}, {"Thị Trấn ", "thị trấn"}, {"Thị Xã ", "thị xã"}, {"Phường ", "phường"},
      {"Quận ", "quận"},           {"Huyện ", "huyện"},       {"Tỉnh ", "tỉnh"},     {"Xã ", "xã"}};
  for (const auto& [word, type] : kWords)
    if (full.rfind(word, 0) == 0) return {type, full.substr(word.size())};
  return {"", full};
}

std::string TransitionWriter::Key(const std::string& name) { return hoso::vn::MakeKey(name).Toned(); }

TransitionWriter::TransitionWriter(const UnitTable& table) {
  for (const UnitLink& l : table.links) {
    const auto [old_type, old_name] = SplitUnitName(l.old_commune);
    const auto [new_type, new_name] = SplitUnitName(l.new_commune);
    const std::string district = Key(SplitUnitName(l.old_district).second);
    auto& olds = old_named_[{l.old_province, district, Key(old_name)}];
    const std::pair<std::string, std::string> old_unit{l.old_commune_code, old_type};
    if (std::find(olds.begin(), olds.end(), old_unit) == olds.end()) olds.push_back(old_unit);
    new_named_[{l.old_province, district, Key(new_name)}].insert({l.new_commune_code, new_type});
    targets_[{l.old_province, l.old_commune_code}].insert(l.new_commune_code);
    predecessors_[l.new_province].insert(l.old_province);
    auto& in_province = new_in_province_[{l.new_province, Key(new_name)}][l.new_commune_code];
    in_province.first = new_type;
    in_province.second.insert(l.old_province);
  }
}

TransitionWriter::Codes TransitionWriter::Readings(const std::set<std::string>& provinces, const std::string& district,
                                                   const std::string& type, const std::string& name) const {
  // Both readings, the unit word written deciding between them where it fits either.
  std::vector<std::pair<std::string, std::string>> old_units, new_units;  // (old province, code) / (code, type)
  std::vector<std::string> old_types;
  for (const std::string& province : provinces) {
    const std::tuple<std::string, std::string, std::string> at{province, Key(district), Key(name)};
    if (auto it = old_named_.find(at); it != old_named_.end())
      for (const auto& [code, t] : it->second) {
        old_units.push_back({province, code});
        old_types.push_back(t);
      }
    if (auto it = new_named_.find(at); it != new_named_.end())
      for (const auto& unit : it->second) new_units.push_back(unit);
  }
  bool typed = false;
  for (const std::string& t : old_types) typed = typed || t == type;
  for (const auto& unit : new_units) typed = typed || unit.second == type;
  Codes out;
  for (size_t i = 0; i < old_units.size(); ++i)
    if (!typed || old_types[i] == type)
      for (const std::string& to : targets_.at(old_units[i])) out.insert(to);
  for (const auto& [code, t] : new_units)
    if (!typed || t == type) out.insert(code);
  return out;
}

void TransitionWriter::Verdict(const Codes& targets, Address& a) const {
  if (targets.size() == 1) {
    a.kind = "outdated";
    a.ward_code = *targets.begin();
  } else {
    a.kind = "ambiguous";
    a.candidate_codes.assign(targets.begin(), targets.end());
  }
}

void TransitionWriter::Reread(const UnitLink& l, Address& a) const {
  if (a.kind == "current") return;
  const auto [type, name] = SplitUnitName(l.old_commune);
  a.ward_code.clear();
  a.candidate_codes.clear();
  Verdict(Readings({l.old_province}, SplitUnitName(l.old_district).second, type, name), a);
}

namespace {

bool HasDigit(const std::string& s) { return s.find_first_of("0123456789") != std::string::npos; }

// A house number or hamlet as people write it before a commune named without
// its unit word ("12", "Số 5 ngõ 12", "thôn 3"), or a whole street part.
std::string PlainStreet(Rng& rng, bool rural) {
  char buf[96];
  if (rural) {
    static const std::vector<std::string> kHamlet = {"thôn", "xóm", "ấp", "tổ"};
    std::snprintf(buf, sizeof buf, "%s %d", rng.Pick(kHamlet).c_str(), rng.Int(1, 12));
    return buf;
  }
  switch (rng.Int(0, 3)) {
    case 0: std::snprintf(buf, sizeof buf, "%d", rng.Int(1, 300)); break;
    case 1: std::snprintf(buf, sizeof buf, "Số %d ngõ %d", rng.Int(1, 120), rng.Int(2, 200)); break;
    case 2: std::snprintf(buf, sizeof buf, "%d/%d", rng.Int(1, 300), rng.Int(1, 40)); break;
    default: return MakeStreet(rng, false);
  }
  return buf;
}

}  // namespace

std::optional<Address> TransitionWriter::Write(Rng& rng, const UnitLink& l, TransitionStyle style) const {
  Address a;
  const bool rural = (WritesNewWard(style) ? l.new_commune : l.old_commune).rfind("Xã", 0) == 0;
  const auto [new_type, new_name] = SplitUnitName(l.new_commune);
  const auto [old_type, old_name] = SplitUnitName(l.old_commune);
  const std::string old_district = SplitUnitName(l.old_district).second;
  const bool province_renamed = Key(SplitUnitName(l.old_province).second) != Key(SplitUnitName(l.new_province).second);
  switch (style) {
    case TransitionStyle::kNewWardOldDistrict: {
      // The province as the writer knew it or as it is now.
      const bool new_province = province_renamed && rng.Chance(0.5);
      a.street = MakeStreet(rng, rural);
      a.text = a.street + ", " + ToLowerUnitWord(l.new_commune) + ", " + ToLowerUnitWord(l.old_district) + ", " +
               ToLowerUnitWord(new_province ? l.new_province : l.old_province);
      std::set<std::string> provinces = {l.old_province};
      if (new_province) provinces = predecessors_.at(l.new_province);
      Verdict(Readings(provinces, old_district, new_type, new_name), a);
      return a;
    }
    case TransitionStyle::kOldDistrictNewProvince: {
      if (!province_renamed) return std::nullopt;
      a.street = MakeStreet(rng, rural);
      a.text = a.street + ", " + ToLowerUnitWord(l.old_commune) + ", " + ToLowerUnitWord(l.old_district) + ", " +
               ToLowerUnitWord(l.new_province);
      // The new province's name may be an old one's too: the district is
      // looked for there first, then in every province that merged into it.
      std::set<std::string> provinces;
      for (const std::string& p : predecessors_.at(l.new_province))
        if (Key(SplitUnitName(p).second) == Key(SplitUnitName(l.new_province).second)) provinces.insert(p);
      Codes targets = Readings(provinces, old_district, old_type, old_name);
      if (targets.empty()) targets = Readings(predecessors_.at(l.new_province), old_district, old_type, old_name);
      Verdict(targets, a);
      return a;
    }
    case TransitionStyle::kNewWardOldProvince: {
      if (!province_renamed) return std::nullopt;
      a.street = MakeStreet(rng, rural);
      a.text = a.street + ", " + ToLowerUnitWord(l.new_commune) + ", " + ToLowerUnitWord(l.old_province);
      // The new communes so named in the new province, those that took land
      // from the written old province first.
      Codes all, from_written;
      for (const auto& [code, unit] : new_in_province_.at({l.new_province, Key(new_name)})) {
        if (unit.first != new_type) continue;
        all.insert(code);
        if (unit.second.count(l.old_province)) from_written.insert(code);
      }
      Verdict(from_written.empty() ? all : from_written, a);
      return a;
    }
    case TransitionStyle::kNoUnitWords: {
      if (HasDigit(old_name) || HasDigit(old_district)) return std::nullopt;
      // Only where the district makes the name unique.
      const auto it = old_named_.find({l.old_province, Key(old_district), Key(old_name)});
      if (it == old_named_.end() || it->second.size() != 1) return std::nullopt;
      a.street = PlainStreet(rng, rural);
      const bool ends_in_number = std::isdigit(static_cast<unsigned char>(a.street.back()));
      a.text = a.street + (ends_in_number && rng.Chance(0.7) ? " " : ", ") + old_name + ", " + old_district + ", " +
               SplitUnitName(l.old_province).second;
      Verdict(Readings({l.old_province}, old_district, "", old_name), a);
      return a;
    }
  }
  return std::nullopt;
}

}  // namespace samplegen

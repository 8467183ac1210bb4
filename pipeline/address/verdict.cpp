// The verdict: which units an address names, whether they exist on the
// date, and where the old ones went (CheckAddress, step by step).
#include "address/address.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>

#include "address/matching.h"
#include "address/reform.h"

namespace hoso {

using address::MatchProvinces;
using address::MatchUnits;
using address::NameKey;
using address::UnitText;

namespace {

// A date as the message's language writes it.
std::string HumanDate(const std::string& iso, bool english) {
  if (iso == kReformDay) return english ? "1 July 2025" : "1/7/2025";
  if (iso == kDongNaiDay) return english ? "30 April 2026" : "30/4/2026";
  int y = 0, m = 0, d = 0;
  if (!english && std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d, m, y);
    return buf;
  }
  return iso;
}

struct Target {
  const Commune* commune = nullptr;
  const UnitLink* link = nullptr;  // the reform's link into it
  std::string basis;               // every resolution on the way
};

// Where an old unit went, followed through later changes up to `date`.
std::vector<Target> Successors(const Gazetteer& g, bool district, const std::string& code, const std::string& valid_to,
                               const std::string& date) {
  std::vector<Target> out;
  for (const UnitLink* l : g.LinksFrom(district, code, valid_to)) {
    if (l->to_valid_from > date) continue;
    const Commune* to = g.CommuneOn(l->to_code, l->to_valid_from);
    if (!to) continue;
    Target t{to, l, l->basis.empty() ? to->basis : l->basis};
    // Changed again since (Đồng Nai, 30 April 2026)?
    while (!t.commune->valid.to.empty() && t.commune->valid.to < date) {
      auto next = g.LinksFrom(false, t.commune->code, t.commune->valid.to);
      if (next.size() != 1) break;
      const Commune* later = g.CommuneOn(next[0]->to_code, next[0]->to_valid_from);
      if (!later) break;
      t.basis += "; " + next[0]->basis;
      t.commune = later;
    }
    out.push_back(t);
  }
  return out;
}

AddressTarget ToTarget(const Gazetteer& g, const Target& t, const std::string& date) {
  AddressTarget a;
  a.ward_code = t.commune->code;
  a.ward = t.commune->FullName();
  a.province_code = t.commune->province_code;
  if (const Province* p = g.ProvinceOn(t.commune->province_code, date)) a.province = p->FullName();
  a.kind = t.link ? t.link->kind : "";
  a.all_population = t.link && t.link->all_population;
  a.basis = t.basis;
  a.basis_text = g.ClauseText(t.basis);
  return a;
}

std::string SuggestedText(const ParsedAddress& p, const AddressTarget& t, const Gazetteer& g, const std::string& date) {
  std::string text = p.street;
  const Commune* c = g.CommuneOn(t.ward_code, date);
  const Province* pr = g.ProvinceOn(t.province_code, date);
  if (!c || !pr) return "";
  if (!text.empty()) text += ", ";
  text += UnitText(c->type, c->name) + ", " + UnitText(pr->type, pr->name);
  return text;
}

// One address checked: what was parsed, the date, and the verdict as it is
// built. Each step either settles the verdict or finds what the next one needs.
class Check {
 public:
  Check(std::string_view text, const Gazetteer& g, const AddressOptions& options)
      : g_(g),
        options_(options),
        date_(options.as_of.empty() ? Today() : options.as_of),
        p_(ParseAddress(text, g)),
        marked_(vn::MakeKey(text).has_marks) {
    v_.input = std::string(text);
    v_.street = p_.street;
    v_.commune = p_.commune.name;
    v_.district = p_.district.name;
    v_.province = p_.province.name;
    v_.status = "unknown";
    v_.severity = Severity::kWarning;
  }

  // No unit found, or no province written: unknown, saying where a
  // commune of that name is.
  std::optional<AddressVerdict> Unplaced();
  // The written province, of any date; unknown when there is none such.
  std::optional<AddressVerdict> Province();
  // The old district and commune written, when a district is; unknown when
  // it names none of the province's (or of one elsewhere holding the
  // commune). The commune is read both ways: an old commune of the district,
  // and a commune of today that took land from it ("Phường Sài Gòn, Quận 1").
  std::optional<AddressVerdict> OldUnits();
  // Before the reform the old units were the current ones.
  std::optional<AddressVerdict> BeforeTheReform();
  // No district: a commune of today (current, or rewritten for a new
  // province or unit word), several (ambiguous), or an old commune of the
  // province found for the last step.
  std::optional<AddressVerdict> CommuneOfToday();
  // Old units: where they went, one commune (outdated) or several (ambiguous).
  AddressVerdict WhereTheOldUnitsWent();
  // How the commune's name was read, when no unit word said so.
  void Matched();

 private:
  // The message's words: Vietnamese, or English on request.
  std::string T(const std::string& en, const std::string& vi) const { return options_.english ? en : vi; }
  std::string Date(const std::string& iso) const { return HumanDate(iso, options_.english); }
  AddressVerdict Unknown(std::string message) {
    v_.status = "unknown";
    v_.severity = Severity::kWarning;
    v_.message = std::move(message);
    return v_;
  }
  AddressVerdict Current(std::string message) {
    v_.status = "current";
    v_.severity = Severity::kInfo;
    v_.message = std::move(message);
    return v_;
  }
  AddressVerdict Rewritten(const Commune* c);
  // What happened to the old units on the way to `t` (one commune).
  std::string Story(const Target& t) const;
  // "; Tỉnh Hà Nam was merged into Tỉnh Ninh Bình" when the old province's
  // name is gone; adds the resolution on provinces to the legal basis.
  std::string ProvinceChange(const std::string& old_province_code, const std::string& new_province_code);
  // Whether a commune of today took land from one of these old provinces.
  bool FromProvinces(const Commune* c, const std::set<std::string>& old_codes) const;

  const Gazetteer& g_;
  const AddressOptions& options_;
  const std::string date_;
  const ParsedAddress p_;
  const bool marked_;
  AddressVerdict v_;
  // Found on the way.
  std::set<std::string> old_codes_, current_codes_;  // of the written province
  std::set<std::string> predecessor_codes_;          // old provinces merged into the written one
  const hoso::Province* written_current_ = nullptr;
  std::string province_note_;  // when the district was found in another province
  std::vector<const Commune*> old_communes_;
  std::vector<const Commune*> new_wards_;  // of today, named so, took land from the written district
  const District* old_district_ = nullptr;
};

std::optional<AddressVerdict> Check::Unplaced() {
  if (p_.commune.empty() && p_.district.empty())
    return Unknown(
        T("no commune or district found in the address", "không thấy xã, phường hay quận, huyện nào trong địa chỉ"));
  if (!p_.province.empty()) return std::nullopt;
  // A commune name alone is not an address: say where it could be.
  std::set<std::string> now, before;
  if (!p_.commune.empty()) {
    const vn::Key key = NameKey(p_.commune.name, marked_);
    for (const Commune* c : MatchUnits(key, g_.CommunesNamed(key.Ascii()), g_.communes(), {})) {
      const bool current = c->valid.On(date_);
      if (const hoso::Province* pr = g_.ProvinceOn(c->province_code, current ? date_ : c->valid.to))
        (current ? now : before).insert(pr->FullName());
    }
  }
  auto list = [](const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  };
  std::string message = T("no province written", "địa chỉ không ghi tỉnh, thành phố");
  if (!now.empty())
    message +=
        "; " + p_.commune.name + T(" is a commune of " + list(now) + " now", " hiện là đơn vị cấp xã của " + list(now));
  if (!before.empty())
    message += (now.empty() ? "; " : ", ") + T("was one of " + list(before) + " before " + Date(kReformDay),
                                               "trước " + Date(kReformDay) + " thuộc " + list(before));
  return Unknown(message);
}

std::optional<AddressVerdict> Check::Province() {
  const auto provinces = MatchProvinces(g_, p_.province.name);
  for (const hoso::Province* pr : provinces) {
    if (pr->valid.to == kLastOldDay) old_codes_.insert(pr->code);
    if (pr->valid.On(date_)) {
      current_codes_.insert(pr->code);
      written_current_ = pr;
    }
  }
  if (provinces.empty())
    return Unknown(T("province '" + p_.province.name + "' not found",
                     "không tìm thấy tỉnh, thành phố '" + p_.province.name + "'"));
  for (const std::string& code : current_codes_)
    for (const std::string& old : g_.ProvincePredecessors(code))
      if (!old_codes_.count(old)) predecessor_codes_.insert(old);
  return std::nullopt;
}

std::optional<AddressVerdict> Check::OldUnits() {
  if (p_.district.empty()) return std::nullopt;
  const vn::Key dk = NameKey(p_.district.name, marked_);
  // The district in the written province, or in one that merged into it
  // ("huyện Bình Lục, tỉnh Ninh Bình": Hà Nam's, now Ninh Bình's).
  std::set<std::string> scope = old_codes_;
  scope.insert(predecessor_codes_.begin(), predecessor_codes_.end());
  auto ds = MatchUnits(dk, g_.DistrictsNamed(dk.Ascii()), g_.districts(), scope);
  if (ds.empty() && !p_.commune.empty()) {
    // The wrong province written (or the official table's): a district of
    // that name elsewhere holding the commune is taken, and said.
    std::vector<const District*> elsewhere;
    const vn::Key ck = NameKey(p_.commune.name, marked_);
    for (const District* d : MatchUnits(dk, g_.DistrictsNamed(dk.Ascii()), g_.districts(), {}))
      for (const Commune* c : g_.CommunesNamed(ck.Ascii()))
        if (c->district_code == d->code && c->valid.to == kLastOldDay) {
          elsewhere.push_back(d);
          break;
        }
    if (elsewhere.size() == 1) {
      ds = elsewhere;
      const hoso::Province* real = g_.ProvinceOn(ds[0]->province_code, kLastOldDay);
      const std::string real_name = real ? real->FullName() : "?";
      province_note_ = T("; note: " + ds[0]->FullName() + " was in " + real_name + ", not " + p_.province.name,
                         "; lưu ý: " + ds[0]->FullName() + " thuộc " + real_name + ", không thuộc " + p_.province.name);
    }
  }
  if (ds.empty())
    return Unknown(T("district '" + p_.district.name + "' not found in " + p_.province.name,
                     "không tìm thấy quận, huyện '" + p_.district.name + "' trong " + p_.province.name));
  old_district_ = ds.front();
  if (p_.commune.empty()) return std::nullopt;
  const vn::Key ck = NameKey(p_.commune.name, marked_);
  // Each district read both ways; the written province's own districts
  // first when they hold the name.
  struct Reading {
    const District* district;
    std::vector<const Commune*> old, now;
  };
  std::vector<Reading> readings;
  for (const District* d : ds) {
    Reading r{d, {}, {}};
    std::vector<const Commune*> named;
    for (const Commune* c : g_.CommunesNamed(ck.Ascii()))
      if (c->district_code == d->code) named.push_back(c);
    for (const Commune* c : MatchUnits(ck, named, g_.communes(), {d->province_code}))
      if (c->district_code == d->code) r.old.push_back(c);
    if (date_ >= std::string(kReformDay)) {
      std::vector<const Commune*> now;
      for (const Commune* c : g_.CommunesNamed(ck.Ascii()))
        if (c->valid.On(date_) && !c->alias && g_.TookLandFrom(c->code, d->code)) now.push_back(c);
      r.now = address::BestByMarks(ck, now);
    }
    if (!r.old.empty() || !r.now.empty()) readings.push_back(r);
  }
  // A name found as written in one district and only with a letter
  // forgiven in another ("Tân Hiệp", "An Hiệp"): the first.
  auto exact = [&](const Commune* c) { return UnitNameKey(c->name).Ascii() == ck.Ascii(); };
  auto exact_reading = [&](const Reading& r) {
    return std::any_of(r.old.begin(), r.old.end(), exact) || std::any_of(r.now.begin(), r.now.end(), exact);
  };
  if (std::any_of(readings.begin(), readings.end(), exact_reading))
    std::erase_if(readings, [&](const Reading& r) { return !exact_reading(r); });
  if (std::any_of(readings.begin(), readings.end(),
                  [&](const Reading& r) { return old_codes_.count(r.district->province_code) > 0; }))
    readings.erase(std::remove_if(readings.begin(), readings.end(),
                                  [&](const Reading& r) { return !old_codes_.count(r.district->province_code); }),
                   readings.end());
  for (const Reading& r : readings) {
    old_communes_.insert(old_communes_.end(), r.old.begin(), r.old.end());
    new_wards_.insert(new_wards_.end(), r.now.begin(), r.now.end());
  }
  if (!readings.empty()) old_district_ = readings.front().district;
  if (old_communes_.empty() && new_wards_.empty()) {
    std::string message = T("commune '" + p_.commune.name + "' not found in " + old_district_->FullName(),
                            "không tìm thấy xã, phường '" + p_.commune.name + "' trong " + old_district_->FullName());
    // A commune of today elsewhere: say so (the district may be the wrong one).
    std::set<std::string> now_in;
    for (const std::string& code : scope)
      for (const std::string& s : g_.ProvinceSuccessors(code)) now_in.insert(s);
    for (const Commune* c : g_.CommunesNamed(ck.Ascii()))
      if (c->valid.On(date_) && !c->alias && now_in.count(c->province_code) &&
          !address::BestByMarks(ck, std::vector<const Commune*>{c}).empty())
        message += "; " + c->FullName() +
                   T(" exists now, but took no land from " + old_district_->FullName(),
                     " hiện có, nhưng không nhận địa bàn nào của " + old_district_->FullName());
    return Unknown(message);
  }
  // The readings compared as one: a name read one way exactly and the other
  // only with a letter forgiven, or with fewer marks differing, is the first.
  std::vector<const Commune*> both = old_communes_;
  both.insert(both.end(), new_wards_.begin(), new_wards_.end());
  const std::vector<const Commune*> best = address::BestByMarks(ck, both);
  if (!best.empty()) {
    auto worse = [&](const Commune* c) { return std::find(best.begin(), best.end(), c) == best.end(); };
    std::erase_if(old_communes_, worse);
    std::erase_if(new_wards_, worse);
  }
  // A document dated before the reform cannot name a commune of today.
  if (!old_communes_.empty() && !options_.doc_date.empty() && options_.doc_date < std::string(kReformDay))
    new_wards_.clear();
  // "xã Trạm Tấu" and "thị trấn Trạm Tấu" in one district, "phường Sài Gòn"
  // of today and no old one: the unit word decides, when it fits either.
  auto typed = [&](const Commune* c) { return c->type == p_.commune.type; };
  if (std::any_of(old_communes_.begin(), old_communes_.end(), typed) ||
      std::any_of(new_wards_.begin(), new_wards_.end(), typed)) {
    std::erase_if(old_communes_, [&](const Commune* c) { return !typed(c); });
    std::erase_if(new_wards_, [&](const Commune* c) { return !typed(c); });
  }
  return std::nullopt;
}

std::optional<AddressVerdict> Check::BeforeTheReform() {
  if (date_ < std::string(kReformDay) && (!old_communes_.empty() || (old_district_ && p_.commune.empty())))
    return Current(T("the units existed on " + date_, "các đơn vị này còn tồn tại ngày " + Date(date_)));
  return std::nullopt;
}

std::optional<AddressVerdict> Check::CommuneOfToday() {
  if (!old_communes_.empty() || !new_wards_.empty() || p_.commune.empty()) return std::nullopt;
  const vn::Key ck = NameKey(p_.commune.name, marked_);
  std::vector<const Commune*> now;
  if (!current_codes_.empty())
    for (const Commune* c : MatchUnits(ck, g_.CommunesNamed(ck.Ascii()), g_.communes(), current_codes_))
      if (c->valid.On(date_) && !c->alias) now.push_back(c);
  // A province merged away: its communes now sit in a successor province.
  std::set<std::string> successors;
  for (const std::string& old : old_codes_)
    if (!current_codes_.count(old) || !written_current_)
      for (const std::string& s : g_.ProvinceSuccessors(old)) successors.insert(s);
  if (now.empty() && !successors.empty()) {
    for (const Commune* c : MatchUnits(ck, g_.CommunesNamed(ck.Ascii()), g_.communes(), successors))
      if (c->valid.On(date_) && !c->alias) now.push_back(c);
    // The old province written supports those that took land from it.
    std::vector<const Commune*> from_written;
    for (const Commune* c : now)
      if (FromProvinces(c, old_codes_)) from_written.push_back(c);
    if (!from_written.empty()) now = from_written;
  }
  // The unit word written decides between a "xã" and a "phường" of one name.
  if (now.size() > 1 && !p_.commune.type.empty()) {
    std::vector<const Commune*> typed;
    for (const Commune* c : now)
      if (c->type == p_.commune.type) typed.push_back(c);
    if (!typed.empty()) now = typed;
  }
  if (now.size() == 1) return Rewritten(now.front());
  if (now.size() > 1) {
    v_.status = "ambiguous";
    for (const Commune* c : now) v_.candidates.push_back(ToTarget(g_, Target{c, nullptr, ""}, date_));
    v_.message = T("several communes named " + p_.commune.name + " in " + p_.province.name,
                   "có nhiều đơn vị cấp xã tên " + p_.commune.name + " trong " + p_.province.name);
    return v_;
  }
  // Not a commune of today: an old commune of the province, district left out.
  for (const Commune* c : MatchUnits(ck, g_.CommunesNamed(ck.Ascii()), g_.communes(), old_codes_))
    if (c->valid.to == kLastOldDay) old_communes_.push_back(c);
  if (old_communes_.empty())
    return Unknown(T("commune '" + p_.commune.name + "' not found in " + p_.province.name,
                     "không tìm thấy xã, phường '" + p_.commune.name + "' trong " + p_.province.name));
  return std::nullopt;
}

// The one commune of today the address names: current when written with
// its own unit word and province; otherwise the same commune, rewritten.
AddressVerdict Check::Rewritten(const Commune* c) {
  const hoso::Province* pr = g_.ProvinceOn(c->province_code, date_);
  const bool type_ok = p_.commune.type.empty() || p_.commune.type == c->type;
  const bool province_ok = written_current_ && written_current_->code == c->province_code &&
                           (p_.province.type.empty() || p_.province.type == written_current_->type);
  if (type_ok && province_ok)
    return Current(c->FullName() + ", " + (pr ? pr->FullName() : "") +
                   T(" exists on " + date_, " còn tồn tại ngày " + Date(date_)));
  // Renamed type, or a province merged or changed: the same commune, rewritten.
  // A province renamed or retyped in place (Đồng Nai, 2026) carries its
  // own basis; one merged away, the 2025 resolution on provinces.
  const bool same_province = written_current_ && written_current_->code == c->province_code;
  std::string change = kReformDay;
  Target t{c, nullptr, c->basis};
  if (!province_ok) {
    t.basis = same_province ? written_current_->basis : kProvinceResolution;
    if (same_province) change = written_current_->valid.from;
  }
  if (!type_ok) {
    // The link that changed its type (Đồng Nai 2026) gives the basis.
    for (const Commune& older : g_.communes())
      if (older.code == c->code && !older.valid.to.empty() && older.valid.to < date_)
        for (const UnitLink* l : g_.LinksFrom(false, older.code, older.valid.to))
          t.basis = province_ok ? l->basis : l->basis + "; " + t.basis;
  }
  v_.suggested = ToTarget(g_, t, date_);
  v_.suggested->kind.clear();
  v_.suggested_text = SuggestedText(p_, *v_.suggested, g_, date_);
  v_.status = "outdated";
  v_.legal_basis = t.basis;
  if (!type_ok && c->valid.from > change) change = c->valid.from;
  v_.severity = !options_.doc_date.empty() && options_.doc_date < change ? Severity::kInfo : Severity::kWarning;
  std::string what;
  const std::string province_now = pr ? pr->FullName() : "";
  if (!type_ok) what = T("the commune is now a " + c->type, "đơn vị cấp xã nay là " + c->type);
  if (!province_ok)
    what += T(std::string(what.empty() ? "the" : " and the") + " province is now " + province_now,
              std::string(what.empty() ? "" : ", ") + "tỉnh, thành phố nay là " + province_now);
  v_.message = what + T(" (since " + Date(change) + "): ", " (từ " + Date(change) + "): ") + v_.suggested_text;
  return v_;
}

bool Check::FromProvinces(const Commune* c, const std::set<std::string>& old_codes) const {
  for (const UnitLink* l : g_.LinksInto(c->code, kReformDay)) {
    if (l->from_district) continue;
    const Commune* from = g_.CommuneOn(l->from_code, l->from_valid_to);
    if (from && old_codes.count(from->province_code)) return true;
  }
  return false;
}

std::string Check::ProvinceChange(const std::string& old_code, const std::string& new_code) {
  const hoso::Province* was = g_.ProvinceOn(old_code, kLastOldDay);
  const hoso::Province* now = g_.ProvinceOn(new_code, date_);
  if (!was || !now || vn::MakeKey(was->name).Toned() == vn::MakeKey(now->name).Toned()) return "";
  if (v_.legal_basis.find(kProvinceResolution) == std::string::npos)
    v_.legal_basis += (v_.legal_basis.empty() ? "" : "; ") + std::string(kProvinceResolution);
  return "; " + was->FullName() + T(" was merged into ", " đã nhập vào ") + now->FullName();
}

namespace {

// The text with its first letter a capital ("part of ..." starting a sentence).
std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// "Xã B, Xã C and 4 more" ("Xã B, Xã C và 4 đơn vị khác").
std::string NameList(const std::vector<std::string>& names, bool english) {
  const std::string and_ = english ? " and " : " và ";
  std::string out;
  const size_t shown = names.size() > 4 ? 3 : names.size();
  for (size_t i = 0; i < shown; ++i) out += (i == 0 ? "" : i + 1 == names.size() ? and_ : ", ") + names[i];
  if (shown < names.size()) out += and_ + std::to_string(names.size() - shown) + (english ? " more" : " đơn vị khác");
  return out;
}

}  // namespace

std::string Check::Story(const Target& t) const {
  const bool en = options_.english;
  const std::string reform = Date(kReformDay);
  const std::string now = t.commune->FullName();
  const std::string district = old_district_ ? old_district_->FullName() : T("the district", "quận, huyện");
  if (!t.link)  // a commune of today written with an old district
    return T(district + " was abolished on " + reform + " (districts were); " + now +
                 " is a commune of today that took land from it",
             district + " không còn từ " + reform + " (cấp huyện không còn); " + now +
                 " là đơn vị cấp xã hiện nay có nhận địa bàn của " + district);
  if (t.link->from_district)
    return T(district + " became " + now + " on " + reform, district + " trở thành " + now + " từ " + reform);
  const Commune* oc = nullptr;
  for (const Commune* c : old_communes_)
    for (const UnitLink* l : g_.LinksFrom(false, c->code, c->valid.to))
      if (l == t.link) oc = c;
  const std::string old_name = oc ? oc->FullName() : p_.commune.name;
  const std::string& kind = t.link->kind;
  if (kind == "renamed")
    return T(old_name + " was renamed " + now + " on " + reform, old_name + " đổi tên thành " + now + " từ " + reform);
  if (kind == "type_changed")
    return T(old_name + " became " + now + " on " + reform, old_name + " trở thành " + now + " từ " + reform);
  // The other old communes it took in, whole or in part.
  std::vector<std::string> wholes, parts;
  std::set<std::string> seen;
  for (const UnitLink* l : g_.LinksInto(t.commune->code, kReformDay)) {
    if (l->from_district || (oc && l->from_code == oc->code) || !seen.insert(l->from_code).second) continue;
    if (const Commune* o = g_.CommuneOn(l->from_code, l->from_valid_to))
      (l->kind == "whole" ? wholes : parts).push_back(o->FullName());
  }
  const std::string part_of = parts.empty()       ? ""
                              : parts.size() == 1 ? T("part of ", "một phần ") + parts[0]
                              : parts.size() == 2
                                  ? T("parts of ", "một phần ") + parts[0] + T(" and ", " và ") + parts[1]
                                  : T("parts of " + std::to_string(parts.size()) + " other communes",
                                      "một phần " + std::to_string(parts.size()) + " đơn vị cấp xã khác");
  const bool same_name = old_name == now;
  if (kind == "unchanged" || (same_name && wholes.empty() && parts.empty()))
    return T(district + " was abolished on " + reform + "; " + old_name + " is unchanged",
             district + " không còn từ " + reform + "; " + old_name + " giữ nguyên");
  if (same_name) {
    if (!part_of.empty()) wholes.push_back(part_of);
    return T(old_name + " kept its name and took in " + NameList(wholes, en) + " on " + reform,
             old_name + " giữ tên và nhận thêm " + NameList(wholes, en) + " từ " + reform);
  }
  const std::string subject = kind == "whole" ? old_name : T("part of ", "một phần ") + old_name;
  if (wholes.empty() && parts.empty())
    return T(Capitalised(subject) + " was merged into " + now + " on " + reform,
             Capitalised(subject) + " nhập vào " + now + " từ " + reform);
  wholes.insert(wholes.begin(), subject);
  if (!part_of.empty()) wholes.push_back(part_of);
  return T(Capitalised(NameList(wholes, en)) + " were merged into " + now + " on " + reform,
           Capitalised(NameList(wholes, en)) + " nhập thành " + now + " từ " + reform);
}

AddressVerdict Check::WhereTheOldUnitsWent() {
  std::vector<Target> targets;
  std::set<std::string> seen_old;
  for (const Commune* oc : old_communes_) {
    if (!seen_old.insert(oc->code).second) continue;
    for (const Target& t : Successors(g_, false, oc->code, oc->valid.to, date_)) targets.push_back(t);
  }
  const size_t from_old = targets.size();
  std::vector<std::string> targets_of_old;
  for (const Target& t : targets) targets_of_old.push_back(t.commune->FullName());
  // A commune of today the old reading already leads to adds nothing to say.
  std::erase_if(new_wards_, [&](const Commune* c) {
    return std::any_of(targets.begin(), targets.end(), [&](const Target& t) { return t.commune == c; });
  });
  for (const Commune* c : new_wards_) targets.push_back(Target{c, nullptr, c->basis});
  if (old_communes_.empty() && new_wards_.empty() && old_district_)
    targets = Successors(g_, true, old_district_->code, kLastOldDay, date_);
  if (targets.empty())
    return Unknown(old_communes_.empty()
                       ? T("no commune found, and " + old_district_->FullName() +
                               " alone does not say which commune it is now (districts were abolished on " +
                               Date(kReformDay) + ")",
                           "không thấy xã, phường; riêng " + old_district_->FullName() +
                               " không cho biết nay là đơn vị cấp xã nào (cấp huyện không còn từ " + Date(kReformDay) +
                               ")")
                       : T("no successor found for the old units", "không tìm thấy đơn vị kế thừa các đơn vị cũ"));
  // One target per commune of today, the old reading's (with its link) kept.
  std::stable_sort(targets.begin(), targets.end(),
                   [](const Target& a, const Target& b) { return a.commune->code < b.commune->code; });
  targets.erase(std::unique(targets.begin(), targets.end(),
                            [](const Target& a, const Target& b) { return a.commune == b.commune; }),
                targets.end());
  const std::string old_province_code = !old_communes_.empty() ? old_communes_.front()->province_code
                                        : old_district_        ? old_district_->province_code
                                                               : "";
  if (!old_communes_.empty()) {
    const Commune* oc = old_communes_.front();
    const District* d = g_.DistrictByCode(oc->district_code);
    const hoso::Province* op = g_.ProvinceOn(oc->province_code, kLastOldDay);
    v_.old = AddressUnit{oc->code, oc->FullName(), d ? d->FullName() : "", op ? op->FullName() : ""};
  } else if (old_district_) {
    const hoso::Province* op = g_.ProvinceOn(old_district_->province_code, kLastOldDay);
    v_.old = AddressUnit{"", "", old_district_->FullName(), op ? op->FullName() : ""};
  }
  std::set<std::string> bases;
  for (const Target& t : targets) bases.insert(t.basis);
  for (const std::string& b : bases) v_.legal_basis += (v_.legal_basis.empty() ? "" : "; ") + b;
  v_.severity =
      !options_.doc_date.empty() && options_.doc_date < std::string(kReformDay) ? Severity::kInfo : Severity::kWarning;
  const std::string reform = Date(kReformDay);
  if (targets.size() == 1) {
    v_.status = "outdated";
    v_.suggested = ToTarget(g_, targets.front(), date_);
    v_.suggested_text = SuggestedText(p_, *v_.suggested, g_, date_);
    const std::string province = ProvinceChange(old_province_code, targets.front().commune->province_code);
    v_.message = Story(targets.front()) + province + ": " + v_.suggested_text + province_note_;
    return v_;
  }
  v_.status = "ambiguous";
  for (const Target& t : targets) v_.candidates.push_back(ToTarget(g_, t, date_));
  std::string province;
  for (const Target& t : targets)
    if (province.empty()) province = ProvinceChange(old_province_code, t.commune->province_code);
  if (!new_wards_.empty() && from_old > 0) {
    // Both readings: an old commune of the district, and a commune of today.
    std::string old_names;
    for (const Commune* oc : old_communes_)
      if (old_names.find(oc->FullName()) == std::string::npos)
        old_names += (old_names.empty() ? "" : ", ") + oc->FullName();
    const std::string went = from_old == 1 ? T("now in ", "nay thuộc ") + targets_of_old.front()
                                           : T("divided among " + std::to_string(from_old) + " communes",
                                               "chia cho " + std::to_string(from_old) + " đơn vị cấp xã");
    const std::string district = old_district_->FullName(), today = new_wards_.front()->FullName();
    v_.message = T("'" + p_.commune.name + "' names both the old " + old_names + " of " + district + " (" + went +
                       ") and " + today + " of today, which took land from " + district + ": choose one",
                   "'" + p_.commune.name + "' vừa là tên " + old_names + " cũ của " + district + " (" + went +
                       ") vừa là tên " + today + " hiện nay, có nhận địa bàn của " + district + ": cần chọn một") +
                 province + province_note_;
    return v_;
  }
  if (seen_old.size() > 1 || new_wards_.size() > 1) {
    std::string names;
    for (const Commune* c : old_communes_.empty() ? new_wards_ : old_communes_)
      if (names.find(c->FullName()) == std::string::npos) names += (names.empty() ? "" : ", ") + c->FullName();
    v_.message = T("'" + p_.commune.name + "' could be any of " + names + ": choose one",
                   "'" + p_.commune.name + "' có thể là " + names + ": cần chọn một") +
                 province;
    return v_;
  }
  const std::string old_name = v_.old ? (v_.old->commune.empty() ? v_.old->district : v_.old->commune) : "";
  v_.message =
      T(old_name + " was divided on " + reform + " among " + std::to_string(targets.size()) + " communes: choose one",
        old_name + " được chia từ " + reform + " cho " + std::to_string(targets.size()) +
            " đơn vị cấp xã: cần chọn một") +
      province + province_note_;
  return v_;
}

void Check::Matched() {
  if (p_.commune.from_street)
    v_.matched =
        T("'" + p_.commune.name + "' at the end of the street part taken as the commune (no unit word written)",
          "'" + p_.commune.name + "' ở cuối phần số nhà, đường được hiểu là tên xã, phường (không ghi chữ xã, phường)");
}

}  // namespace

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

AddressVerdict CheckAddress(std::string_view text, const Gazetteer& g, const AddressOptions& options) {
  Check check(text, g, options);
  check.Matched();
  for (auto step :
       {&Check::Unplaced, &Check::Province, &Check::OldUnits, &Check::BeforeTheReform, &Check::CommuneOfToday})
    if (auto verdict = (check.*step)()) return *verdict;
  return check.WhereTheOldUnitsWent();
}

std::optional<AddressVerdict> CheckDossierAddress(const std::map<std::string, FieldValue>& fields,
                                                  const Gazetteer& gazetteer, const AddressOptions& options) {
  auto it = fields.find("permanent_address");
  if (it == fields.end() || it->second.value.empty()) return std::nullopt;
  return CheckAddress(it->second.value, gazetteer, options);
}

}  // namespace hoso

#include "people.h"

#include "core/csv.h"

#include <cstdio>
#include <optional>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace samplegen {
namespace {

const std::vector<std::string> kFamily = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần",  "Lê", "Lê",
                                          "Phạm",   "Hoàng",  "Huỳnh",  "Phan", "Vũ",    "Võ", "Đặng",
                                          "Bùi",    "Đỗ",     "Hồ",     "Ngô",  "Dương", "Lý"};
const std::vector<std::string> kMiddleMale = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Xuân", "Công", "Đình"};
const std::vector<std::string> kMiddleFemale = {"Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hoài", "Phương"};
const std::vector<std::string> kGivenMale = {"An",    "Bình", "Cường", "Dũng", "Hải",   "Hiếu", "Hùng", "Khánh",
                                             "Long",  "Minh", "Nam",   "Phúc", "Quang", "Quân", "Sơn",  "Thắng",
                                             "Trung", "Tuấn", "Việt",  "Đạt",  "Hưng",  "Lộc"};
const std::vector<std::string> kGivenFemale = {"Anh",  "Chi",  "Giang", "Hà",   "Hạnh",  "Hoa",    "Hương",
                                               "Lan",  "Linh", "Mai",   "Ngọc", "Nhung", "Phương", "Tâm",
                                               "Thảo", "Thủy", "Trang", "Yến",  "Huyền", "Loan",   "Oanh"};
const std::vector<std::string> kStreets = {"Lê Lợi",         "Trần Hưng Đạo", "Nguyễn Trãi",    "Hai Bà Trưng",
                                           "Lý Thường Kiệt", "Quang Trung",   "Hùng Vương",     "Phan Chu Trinh",
                                           "Nguyễn Huệ",     "Lê Duẩn",       "Điện Biên Phủ",  "Trần Phú",
                                           "Bạch Đằng",      "Phúc Xá",       "Hoàng Hoa Thám", "Nguyễn Văn Cừ"};
// Old (63-province) codes for the ID's first three digits.
const std::vector<std::string> kIdProvince = {"001", "079", "031", "048", "092", "036", "038", "040",
                                              "024", "027", "033", "045", "052", "066", "075", "089"};

std::string Trim(const std::string& raw) {
  // No-break spaces (U+00A0) become spaces first; a byte-wise trim would cut
  // letters like "à" (C3 A0) in half.
  std::string s;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0') {
      s += ' ';
      ++i;
    } else {
      s += raw[i];
    }
  }
  const char* ws = " \t\r\n";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(ws);
  std::string out = s.substr(b, e - b + 1);
  // Collapse inner line breaks and runs of spaces.
  std::string clean;
  for (char c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !clean.empty() && clean.back() == ' ') continue;
    clean += c;
  }
  return clean;
}

// "Thành phố Hà Nội (01)" -> name, code
void SplitCode(const std::string& cell, std::string& name, std::string& code) {
  std::string s = Trim(cell);
  auto open = s.rfind('(');
  if (open != std::string::npos && s.back() == ')') {
    code = s.substr(open + 1, s.size() - open - 2);
    name = Trim(s.substr(0, open));
  } else {
    name = s;
    code.clear();
  }
}

}  // namespace

UnitTable UnitTable::Load(const std::string& path) {
  UnitTable t;
  std::ifstream in(path);
  if (!in) return t;
  int row = 0;
  while (auto record = hoso::ReadCsvRecord(in)) {
    const std::vector<std::string>& cells = *record;
    if (++row <= 2 || cells.size() < 8 || Trim(cells[2]).empty()) continue;
    UnitLink l;
    SplitCode(cells[0], l.new_province, l.new_province_code);
    l.new_commune = Trim(cells[1]);
    l.new_commune_code = Trim(cells[2]);
    l.old_commune = Trim(cells[3]);
    l.old_commune_code = Trim(cells[4]);
    l.note = Trim(cells[5]);
    std::string code;
    SplitCode(cells[6], l.old_district, code);
    SplitCode(cells[7], l.old_province, code);
    if (l.old_commune.empty() || l.old_commune_code.empty()) continue;
    t.links.push_back(std::move(l));
  }
  return t;
}

std::string ToLowerUnitWord(const std::string& name) {
  static const std::vector<std::pair<std::string, std::string>> kWords = {
      {"Thành phố ", "thành phố "}, {"Thị trấn ", "thị trấn "}, {"Thị xã ", "thị xã "},
      {"Đặc khu ", "đặc khu "},     {"Phường ", "phường "},     {"Quận ", "quận "},
      {"Huyện ", "huyện "},         {"Tỉnh ", "tỉnh "},         {"Xã ", "xã "}};
  for (const auto& [from, to] : kWords)
    if (name.rfind(from, 0) == 0) return to + name.substr(from.size());
  return name;
}

Address MakeAddress(Rng& rng, const UnitTable& table) {
  const UnitLink* link = table.links.empty() ? nullptr : &table.links[rng.Next() % table.links.size()];
  return MakeAddressFor(rng, table, link, std::nullopt);
}

std::string MakeStreet(Rng& rng, bool rural) {
  char buf[128];
  if (rural) {
    static const std::vector<std::string> kHamlet = {"thôn", "xóm", "ấp", "bản", "thôn"};
    std::snprintf(buf, sizeof buf, "%s %d", rng.Pick(kHamlet).c_str(), rng.Int(1, 12));
    return buf;
  }
  const int r = rng.Int(0, 2);
  if (r == 0)
    std::snprintf(buf, sizeof buf, "Số %d, ngõ %d phố %s", rng.Int(1, 199), rng.Int(2, 120),
                  rng.Pick(kStreets).c_str());
  else if (r == 1)
    std::snprintf(buf, sizeof buf, "%d/%d đường %s", rng.Int(1, 399), rng.Int(1, 60), rng.Pick(kStreets).c_str());
  else
    std::snprintf(buf, sizeof buf, "Số %d đường %s", rng.Int(1, 450), rng.Pick(kStreets).c_str());
  return buf;
}

Address MakeAddressFor(Rng& rng, const UnitTable& table, const UnitLink* link, std::optional<bool> pre_merger) {
  Address a;
  // The street part: town addresses have numbers and streets, rural ones hamlets.
  a.street = MakeStreet(rng, link && link->old_commune.rfind("Xã", 0) == 0);
  if (link && !table.links.empty()) a.link = static_cast<int>(link - table.links.data());
  if (!link) {
    a.kind = "current";
    a.ward = "Phường Hồng Hà";
    a.ward_code = "00097";
    a.province = "Thành phố Hà Nội";
    a.text = a.street + ", phường Hồng Hà, thành phố Hà Nội";
    return a;
  }
  // How many new communes the old one went to.
  std::vector<const UnitLink*> targets;
  for (const auto& l : table.links)
    if (l.old_commune_code == link->old_commune_code && l.old_province == link->old_province) targets.push_back(&l);
  // Drawn after the street part, as samples/ were generated.
  if (!pre_merger) pre_merger = rng.Int(0, 2) != 0;  // one in three current
  if (!*pre_merger) {
    a.kind = "current";
    a.ward = link->new_commune;
    a.ward_code = link->new_commune_code;
    a.province = link->new_province;
    a.text = a.street + ", " + ToLowerUnitWord(link->new_commune) + ", " + ToLowerUnitWord(link->new_province);
    return a;
  }
  a.old_commune_code = link->old_commune_code;
  a.text = a.street + ", " + ToLowerUnitWord(link->old_commune) + ", " + ToLowerUnitWord(link->old_district) + ", " +
           ToLowerUnitWord(link->old_province);
  std::set<std::string> codes;
  for (auto* t : targets) codes.insert(t->new_commune_code);
  if (codes.size() > 1) {
    a.kind = "ambiguous";
    a.candidate_codes.assign(codes.begin(), codes.end());
    a.province = link->new_province;
  } else {
    a.kind = "outdated";
    a.ward = link->new_commune;
    a.ward_code = link->new_commune_code;
    a.province = link->new_province;
  }
  return a;
}

Person MakePerson(Rng& rng, const UnitTable& table, double inconsistent_id_rate) {
  Person p;
  const bool male = rng.Chance(0.5);
  p.gender = male ? "male" : "female";
  p.full_name = rng.Pick(kFamily) + " " + rng.Pick(male ? kMiddleMale : kMiddleFemale) + " " +
                rng.Pick(male ? kGivenMale : kGivenFemale);
  const int year = rng.Int(1950, 2006), month = rng.Int(1, 12), day = rng.Int(1, 28);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  p.date_of_birth = buf;
  int century_digit = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
  int yy = year % 100;
  p.id_consistent = !rng.Chance(inconsistent_id_rate);
  if (!p.id_consistent) {
    if (rng.Chance(0.5))
      century_digit ^= 1;  // gender digit disagrees
    else
      yy = (yy + rng.Int(1, 9)) % 100;  // birth year disagrees
  }
  std::snprintf(buf, sizeof buf, "%s%d%02d%06d", rng.Pick(kIdProvince).c_str(), century_digit, yy, rng.Int(0, 999999));
  p.id_number = buf;
  static const std::vector<std::string> kPrefixes = {"090", "091", "093", "094", "096", "097", "098", "086",
                                                     "088", "032", "035", "038", "070", "077", "081"};
  std::snprintf(buf, sizeof buf, "%s%07d", rng.Pick(kPrefixes).c_str(), rng.Int(0, 9999999));
  p.phone = buf;
  p.address = MakeAddress(rng, table);
  return p;
}

}  // namespace samplegen

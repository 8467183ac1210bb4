#include "address/matching.h"

namespace hoso::address {

std::string ProvinceAlias(const std::string& ascii) {
  if (ascii == "hcm" || ascii == "tphcm" || ascii == "sai gon" || ascii == "ho chi minh") return "ho chi minh";
  if (ascii == "hn") return "ha noi";
  return ascii;
}

std::vector<const Province*> MatchProvinces(const Gazetteer& g, const std::string& name) {
  const vn::Key key = vn::MakeKey(name);
  const std::string ascii = ProvinceAlias(key.Ascii());
  auto found = g.ProvincesNamed(ascii);
  if (ascii != key.Ascii()) return found;  // an alias: marks are not comparable
  return BestByMarks(key, found);
}

std::set<std::string> ProvinceScope(const Gazetteer& g, const std::vector<const Province*>& provinces) {
  std::set<std::string> out;
  for (const Province* p : provinces) {
    out.insert(p->code);
    for (const std::string& old : g.ProvincePredecessors(p->code)) out.insert(old);
  }
  return out;
}

vn::Key NameKey(const std::string& name, bool marked_address) {
  vn::Key key = UnitNameKey(name);
  key.has_marks = key.has_marks || marked_address;
  return key;
}

std::string UnitText(const std::string& type, const std::string& name) {
  return type.empty() ? name : type + " " + name;
}

}  // namespace hoso::address

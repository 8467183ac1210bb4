#include "layouts.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

namespace samplegen {

namespace {

std::vector<std::string> Strings(const Poco::JSON::Array::Ptr& a) {
  std::vector<std::string> out;
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::map<std::string, std::vector<std::string>> LabelMap(const Poco::JSON::Object::Ptr& o) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& key : o->getNames()) out[key] = Strings(o->getArray(key));
  return out;
}

}  // namespace

std::optional<LayoutList> LayoutList::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    auto o = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    LayoutList list;
    list.applicant = LabelMap(o->getObject("applicant"));
    for (const char* key : {"full_name", "date_of_birth", "gender", "id_number", "permanent_address", "phone"})
      if (list.applicant[key].empty()) {
        *error = path + ": no labels for " + key;
        return std::nullopt;
      }
    if (auto people = o->getArray("people"))
      for (size_t i = 0; i < people->size(); ++i) {
        auto p = people->getObject(static_cast<unsigned>(i));
        PersonBlock b;
        b.role = p->getValue<std::string>("role");
        b.headings = Strings(p->getArray("headings"));
        if (b.headings.empty()) b.headings = {""};
        b.labels = LabelMap(p->getObject("labels"));
        if (b.labels["name"].empty()) {
          *error = path + ": " + b.role + " has no name labels";
          return std::nullopt;
        }
        list.people.push_back(std::move(b));
      }
    if (auto extras = o->getArray("extras"))
      for (size_t i = 0; i < extras->size(); ++i) {
        auto e = extras->getObject(static_cast<unsigned>(i));
        list.extras.push_back({Strings(e->getArray("labels")), Strings(e->getArray("values"))});
      }
    return list;
  } catch (const Poco::Exception& e) {
    *error = path + ": " + e.displayText();
    return std::nullopt;
  }
}

}  // namespace samplegen

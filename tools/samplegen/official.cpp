#include "official.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace samplegen {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> Strings(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  Array::Ptr a = o->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

OfficialForm Read(const std::string& type, const Object::Ptr& f) {
  OfficialForm form;
  form.type = type;
  form.name = f->optValue<std::string>("name", "");
  form.source = f->optValue<std::string>("source", "");
  form.addressee = f->optValue<std::string>("addressee", "");
  form.title = Strings(f, "title");
  form.members = Strings(f, "members");
  form.closing = f->optValue<std::string>("closing", "");
  form.date_line = f->optValue<std::string>("date_line", "{place}, ngày {day} tháng {month} năm {year}");
  form.signers = Strings(f, "signers");
  form.sign_note = f->optValue<std::string>("sign_note", "(Ký, ghi rõ họ tên)");
  Array::Ptr lines = f->getArray("lines");
  for (size_t i = 0; lines && i < lines->size(); ++i) {
    Array::Ptr items = lines->getArray(static_cast<unsigned>(i));
    std::vector<OfficialForm::Item> line;
    for (size_t j = 0; items && j < items->size(); ++j) {
      Object::Ptr o = items->getObject(static_cast<unsigned>(j));
      OfficialForm::Item item;
      item.label = o->optValue<std::string>("label", "");
      item.key = o->optValue<std::string>("key", "");
      item.text = o->optValue<std::string>("text", "");
      item.before = Strings(o, "before");
      item.after = o->optValue<std::string>("after", "");
      item.boxes = o->optValue<bool>("boxes", false);
      line.push_back(std::move(item));
    }
    form.lines.push_back(std::move(line));
  }
  return form;
}

}  // namespace

std::map<std::string, OfficialForm> LoadOfficialForms(const std::string& dir, std::string* error) {
  std::map<std::string, OfficialForm> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    try {
      auto o = Poco::JSON::Parser().parse(text.str()).extract<Object::Ptr>();
      if (!o->has("form") || !o->has("type")) continue;
      const std::string type = o->getValue<std::string>("type");
      out[type] = Read(type, o->getObject("form"));
    } catch (const Poco::Exception& x) {
      *error = e.path().string() + ": " + x.displayText();
      return {};
    }
  }
  if (out.empty()) *error = "no template with a \"form\" in " + dir;
  return out;
}

}  // namespace samplegen

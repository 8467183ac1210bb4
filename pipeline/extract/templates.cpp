#include "extract/templates.h"
#include "core/data_dir.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace hoso {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::optional<FieldType> ParseType(const std::string& s) {
  static const std::map<std::string, FieldType> kTypes = {
      {"text", FieldType::kText},     {"name", FieldType::kName},          {"date", FieldType::kDate},
      {"gender", FieldType::kGender}, {"id_number", FieldType::kIdNumber}, {"address", FieldType::kAddress},
      {"phone", FieldType::kPhone},   {"number", FieldType::kNumber}};
  auto it = kTypes.find(s);
  if (it == kTypes.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Strings(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  if (!o->has(key)) return out;
  const Array::Ptr a = o->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

Result<std::vector<FieldSpec>> Fields(const Object::Ptr& o, const std::string& file) {
  std::vector<FieldSpec> out;
  if (!o->has("fields")) return out;
  const Array::Ptr a = o->getArray("fields");
  for (size_t i = 0; a && i < a->size(); ++i) {
    const Object::Ptr f = a->getObject(static_cast<unsigned>(i));
    FieldSpec spec;
    spec.key = f->optValue<std::string>("key", "");
    auto type = ParseType(f->optValue<std::string>("type", "text"));
    if (spec.key.empty() || !type)
      return Status::Error(ErrorCode::kInvalidArgument,
                           file + ": field " + std::to_string(i) + " needs a key and a known type");
    spec.type = *type;
    spec.required = f->optValue<bool>("required", false);
    spec.labels = Strings(f, "labels");
    if (spec.labels.empty())
      return Status::Error(ErrorCode::kInvalidArgument, file + ": field " + spec.key + " has no labels");
    out.push_back(std::move(spec));
  }
  return out;
}

}  // namespace

const char* FieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::kText: return "text";
    case FieldType::kName: return "name";
    case FieldType::kDate: return "date";
    case FieldType::kGender: return "gender";
    case FieldType::kIdNumber: return "id_number";
    case FieldType::kAddress: return "address";
    case FieldType::kPhone: return "phone";
    case FieldType::kNumber: return "number";
  }
  return "text";
}

std::string Templates::DefaultDir() {
  return (std::filesystem::path(DataDir("models", "HOSO_MODELS")) / "doctypes").string();
}

const DocTemplate* Templates::Find(const std::string& type) const {
  for (const auto& d : docs)
    if (d.type == type) return &d;
  return nullptr;
}

Result<std::shared_ptr<const Templates>> Templates::Load(const std::string& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  if (ec || files.empty()) return Status::Error(ErrorCode::kInputNotFound, "doctypes: no templates in " + dir);
  std::sort(files.begin(), files.end());
  std::map<std::string, std::vector<FieldSpec>> groups;
  std::vector<std::pair<DocTemplate, std::vector<std::string>>> pending;  // template, groups it uses
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    Object::Ptr o;
    try {
      o = Poco::JSON::Parser().parse(ss.str()).extract<Object::Ptr>();
    } catch (const Poco::Exception& e) {
      return Status::Error(ErrorCode::kInvalidArgument, path.string() + ": " + e.displayText());
    }
    auto fields = Fields(o, path.string());
    if (!fields.ok()) return fields.status();
    if (o->has("group")) {
      groups[o->getValue<std::string>("group")] = std::move(fields).value();
      continue;
    }
    DocTemplate t;
    t.type = o->optValue<std::string>("type", "");
    if (t.type.empty()) return Status::Error(ErrorCode::kInvalidArgument, path.string() + ": no \"type\"");
    t.titles = Strings(o, "titles");
    t.stop_labels = Strings(o, "stop_labels");
    t.id_card = o->optValue<bool>("id_card", false);
    t.fields = std::move(fields).value();
    t.optional = Strings(o, "optional");
    if (o->has("form")) t.source = o->getObject("form")->optValue<std::string>("source", "");
    pending.emplace_back(std::move(t), Strings(o, "uses"));
  }
  auto out = std::make_shared<Templates>();
  for (auto& [t, uses] : pending) {
    std::vector<FieldSpec> merged;
    for (const auto& g : uses) {
      auto it = groups.find(g);
      if (it == groups.end()) return Status::Error(ErrorCode::kInvalidArgument, t.type + ": unknown group " + g);
      merged.insert(merged.end(), it->second.begin(), it->second.end());
    }
    merged.insert(merged.end(), t.fields.begin(), t.fields.end());
    // Fields of a group the form does not print (the birth form asks the
    // requester for no date of birth): not required of it.
    for (FieldSpec& f : merged)
      if (std::find(t.optional.begin(), t.optional.end(), f.key) != t.optional.end()) f.required = false;
    t.fields = std::move(merged);
    out->docs.push_back(std::move(t));
  }
  return std::shared_ptr<const Templates>(std::move(out));
}

}  // namespace hoso

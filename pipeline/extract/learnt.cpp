#include "extract/learnt.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/vn_text.h"
#include "extract/reader.h"

namespace hoso {

std::string LabelKey(const std::vector<std::string>& tokens) {
  std::string key;
  for (const auto& t : tokens) key += (key.empty() ? "" : " ") + t;
  return key;
}

Result<std::map<std::string, std::string>> LoadLearntLabels(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    try {
      auto o = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Object::Ptr>();
      auto list = o->getArray("learnt_labels");
      for (size_t i = 0; list && i < list->size(); ++i) {
        auto l = list->getObject(static_cast<unsigned>(i));
        const std::string key = LabelKey(AsciiTokens(l->getValue<std::string>("label")));
        if (!key.empty()) out[key] = l->getValue<std::string>("field");
      }
    } catch (const Poco::Exception& e) {
      return Status::Error(ErrorCode::kInvalidArgument, file.string() + ": " + e.displayText());
    }
  }
  return out;
}

std::string LearntLabelsJson(const std::vector<std::pair<std::string, std::string>>& labels) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("comment",
        "Labels learnt from reviewers' corrections (hoso learnt export): each printed label and the field its "
        "value fills, for labels hoso's reader does not understand. Kept in models/doctypes/local/.");
  Poco::JSON::Array list;
  for (const auto& [label, field] : labels) {
    Poco::JSON::Object l(Poco::JSON_PRESERVE_KEY_ORDER);
    l.set("label", label);
    l.set("field", field);
    list.add(l);
  }
  o.set("learnt_labels", list);
  std::ostringstream out;
  o.stringify(out, 2);
  return out.str() + "\n";
}

FieldType TypeOfKey(const std::string& key) {
  auto ends = [&](const std::string& tail) {
    return key.size() >= tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("name")) return FieldType::kName;
  if (ends("date_of_birth") || ends("_date") || key == "doc_date") return FieldType::kDate;
  if (ends("gender")) return FieldType::kGender;
  if (ends("id_number")) return FieldType::kIdNumber;
  if (ends("address")) return FieldType::kAddress;
  if (ends("phone")) return FieldType::kPhone;
  return FieldType::kText;
}

// A learnt label as OCR reads it another time: the same letters, spaces
// aside ("Nơi ĐK TT" for "Nơi ĐKTT"), or one letter off in six or more
// ("Nơi ĐKTTT"); the one that is closest, when only one is.
std::map<std::string, std::string>::const_iterator FindLearnt(const std::map<std::string, std::string>& learnt,
                                                              const std::vector<std::string>& tokens) {
  const std::string key = LabelKey(tokens);
  if (auto it = learnt.find(key); it != learnt.end()) return it;
  auto squash = [](const std::string& s) {
    std::string out;
    for (char c : s)
      if (c != ' ') out += c;
    return out;
  };
  const std::string letters = squash(key);
  auto best = learnt.end();
  int best_distance = 2, ties = 0;
  for (auto it = learnt.begin(); it != learnt.end(); ++it) {
    const std::string other = squash(it->first);
    if (std::min(other.size(), letters.size()) < 6 && other != letters) continue;
    const int d = vn::AsciiEditDistance(letters, other);
    if (d < best_distance) {
      best = it;
      best_distance = d;
      ties = 0;
    } else if (d == best_distance) {
      ++ties;
    }
  }
  return ties == 0 ? best : learnt.end();
}

}  // namespace hoso

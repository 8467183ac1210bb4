#include "scoring.h"

#include "core/vn_text.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <set>

#include "core/text_metrics.h"

namespace evaluate {

using Poco::JSON::Object;

const std::vector<std::string>& CoreFields() {
  static const std::vector<std::string> kCore = {"full_name", "date_of_birth",     "gender",
                                                 "id_number", "permanent_address", "phone"};
  return kCore;
}

namespace {

std::optional<TruthHeader> HeaderFrom(const Object::Ptr& o) {
  if (!o || !o->has("doc_kind")) return std::nullopt;
  TruthHeader h;
  for (const char* key :
       {"doc_kind", "number", "symbol", "issuer", "issuer_parent", "place", "date", "subject", "signer"})
    if (o->has(key) && !o->isNull(key)) h.values[key] = o->getValue<std::string>(key);
  if (auto a = o->getArray("handwritten"))
    for (size_t i = 0; i < a->size(); ++i) h.handwritten.push_back(a->getElement<std::string>(i));
  return h;
}

}  // namespace

std::optional<TruthHeader> ParseTruthHeader(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    return HeaderFrom(parser.parse(json).extract<Object::Ptr>());
  } catch (const std::exception&) { return std::nullopt; }
}

HeaderScore ScoreHeaders(const std::vector<TruthDossier>& truth,
                         const std::map<std::string, hoso::DossierRecord>& records) {
  // The truth's keys, and the record's field for each ("date" is doc_date).
  static const std::pair<const char*, const char*> kKeys[] = {
      {"doc_kind", "doc_kind"},           {"number", "doc_number"}, {"symbol", "doc_symbol"}, {"issuer", "issuer"},
      {"issuer_parent", "issuer_parent"}, {"place", "issue_place"}, {"date", "doc_date"},     {"subject", "subject"},
      {"signer", "signer_name"}};
  HeaderScore s;
  for (const auto& t : truth) {
    if (!t.header) continue;
    ++s.documents;
    const auto it = records.find(t.file);
    for (const auto& [key, field] : kKeys) {
      if (!t.header->values.count(key)) continue;
      const std::string want = t.header->values.at(key);
      std::string got;
      bool flagged = false;
      if (it != records.end()) {
        const hoso::DossierRecord& r = it->second;
        if (std::string(key) == "date")
          got = r.doc_date.value_or("");
        else if (r.fields.count(field))
          got = r.fields.at(field).value;
        for (const auto& f : r.flags)
          flagged |= f.field == field && (f.code == "HANDWRITTEN" || f.code == "FIELD_MISSING");
      }
      const bool right = std::string(key) == "subject" ? !got.empty() && hoso::CharacterErrorRate(want, got) <= 0.05
                                                       : hoso::vn::Lower(want) == hoso::vn::Lower(got);
      HeaderScore::Counts& c = s.by_key[key];
      if (right)
        ++c.right;
      else if (flagged)
        ++c.flagged;
      else if (got.empty())
        ++c.missing;
      else
        ++c.wrong;
    }
    for (const std::string& hw : t.header->handwritten) {
      const std::string field = hw.rfind("date", 0) == 0 ? "doc_date" : hw == "number" ? "doc_number" : hw;
      ++s.handwritten;
      if (it != records.end())
        for (const auto& f : it->second.flags)
          if (f.field == field && f.code == "HANDWRITTEN") {
            ++s.handwritten_flagged;
            break;
          }
    }
  }
  return s;
}

hoso::Result<TruthDossier> ParseTruth(const std::string& line) {
  try {
    Poco::JSON::Parser parser;
    auto o = parser.parse(line).extract<Object::Ptr>();
    TruthDossier t;
    t.file = o->getValue<std::string>("file");
    t.doc_type = o->optValue<std::string>("doc_type", "");
    if (o->has("doc_date") && !o->isNull("doc_date")) t.doc_date = o->getValue<std::string>("doc_date");
    if (auto f = o->getObject("fields"))
      for (const auto& k : f->getNames()) t.fields[k] = f->getValue<std::string>(k);
    t.id_consistent = o->optValue<bool>("id_consistent", true);
    t.header = HeaderFrom(o->getObject("header"));
    if (auto a = o->getObject("address")) {
      t.address.status = a->optValue<std::string>("status", "");
      t.address.ward_code = a->optValue<std::string>("ward_code", "");
      t.address.style = a->optValue<std::string>("style", "in_full");
      if (auto c = a->getArray("candidates"))
        for (size_t i = 0; i < c->size(); ++i) t.address.candidates.push_back(c->getElement<std::string>(i));
    }
    auto pages = o->getArray("pages");
    for (size_t i = 0; pages && i < pages->size(); ++i) {
      auto p = pages->getObject(i);
      TruthPage tp;
      tp.index = static_cast<int>(i);
      tp.kind = p->optValue<std::string>("kind", "");
      if (auto lines = p->getArray("lines"))
        for (size_t k = 0; k < lines->size(); ++k) tp.text += lines->getElement<std::string>(k) + "\n";
      tp.rotation = p->optValue<int>("rotation", 0);
      tp.skew_deg = p->optValue<double>("skew_deg", 0.0);
      tp.blank = p->optValue<bool>("blank", false);
      tp.strength = p->optValue<double>("strength", 0.0);
      t.pages.push_back(std::move(tp));
    }
    return t;
  } catch (const std::exception& e) {
    return hoso::Status::Error(hoso::ErrorCode::kInvalidArgument, std::string("bad truth line: ") + e.what());
  }
}

TruthDossier TruthFromText(const std::string& file, const std::string& text) {
  TruthDossier t;
  t.file = file;
  std::string page;
  auto close = [&] {
    TruthPage p;
    p.index = static_cast<int>(t.pages.size());
    p.kind = "text";
    p.text = hoso::vn::Nfc(page);
    t.pages.push_back(std::move(p));
    page.clear();
  };
  for (char c : text) {
    if (c == '\f') {
      close();
    } else if (c != '\r') {
      page += c;
    }
  }
  // A trailing form feed does not start another page.
  if (!page.empty() || t.pages.empty()) close();
  return t;
}

std::optional<std::string> TruthTextFor(const std::string& file, const std::vector<std::string>& truth_files) {
  const std::string name = file.substr(file.find_last_of('/') + 1);
  std::string stem = name.substr(0, name.find_last_of('.'));
  for (;;) {
    const std::string want = stem + ".gt.txt";
    if (std::find(truth_files.begin(), truth_files.end(), want) != truth_files.end()) return want;
    const size_t dash = stem.find_last_of('-');
    if (dash == std::string::npos || dash == 0) return std::nullopt;
    stem.resize(dash);
  }
}

std::string StrengthBucket(double s) {
  if (s <= 0) return "none";
  if (s < 0.34) return "light";
  if (s < 0.67) return "medium";
  return "heavy";
}

namespace {

void Add(TextStats& s, double cer, double recall) {
  s.cer += cer;
  s.word_recall += recall;
  ++s.pages;
}
void Finish(TextStats& s) {
  if (s.pages) {
    s.cer /= s.pages;
    s.word_recall /= s.pages;
  }
}
double Ratio(int n, int d) { return d ? static_cast<double>(n) / d : 0.0; }

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(q * (v.size() - 1) + 0.5));
  return v[i];
}

const hoso::DossierRecord* Find(const std::map<std::string, hoso::DossierRecord>& records, const std::string& f) {
  auto it = records.find(f);
  return it == records.end() ? nullptr : &it->second;
}

}  // namespace

TextScore ScoreText(const std::vector<TruthDossier>& truth, const PageTexts& texts) {
  TextScore score;
  for (const auto& t : truth) {
    auto it = texts.find(t.file);
    for (const auto& p : t.pages) {
      if (p.blank) continue;
      const std::string hyp =
          it != texts.end() && static_cast<size_t>(p.index) < it->second.size() ? it->second[p.index] : "";
      const double cer = hoso::CharacterErrorRate(p.text, hyp);
      const double recall = hoso::WordRecall(p.text, hyp);
      Add(score.all, cer, recall);
      Add(score.by_strength[StrengthBucket(p.strength)], cer, recall);
      score.pages.push_back({t.file, p.index, cer, p.strength});
    }
  }
  Finish(score.all);
  for (auto& [k, s] : score.by_strength) Finish(s);
  return score;
}

PageScore ScorePages(const std::vector<TruthDossier>& truth,
                     const std::map<std::string, hoso::DossierRecord>& records) {
  PageScore s;
  int rotation_ok = 0, blank_ok = 0;
  std::vector<double> skew_errors;
  for (const auto& t : truth) {
    const auto* r = Find(records, t.file);
    for (const auto& p : t.pages) {
      ++s.pages;
      const hoso::PageRecord* got = r && static_cast<size_t>(p.index) < r->pages.size() ? &r->pages[p.index] : nullptr;
      if (!got) continue;
      // A blank page has no orientation: any rotation is right.
      const bool rotation_right = p.blank || got->rotation == p.rotation;
      rotation_ok += rotation_right;
      blank_ok += got->blank == p.blank;
      if (!p.blank && !got->blank && rotation_right) skew_errors.push_back(std::abs(got->skew_deg - p.skew_deg));
    }
  }
  s.rotation_accuracy = Ratio(rotation_ok, s.pages);
  s.blank_accuracy = Ratio(blank_ok, s.pages);
  s.skew_pages = static_cast<int>(skew_errors.size());
  s.skew_median_error = Percentile(skew_errors, 0.5);
  s.skew_p90_error = Percentile(skew_errors, 0.9);
  return s;
}

FieldScore ScoreFields(const std::vector<TruthDossier>& truth,
                       const std::map<std::string, hoso::DossierRecord>& records) {
  FieldScore s;
  int type_ok = 0, dated = 0, date_ok = 0, all_ok = 0, light_ok = 0;
  std::map<std::string, int> right;
  int& forms = s.forms;
  for (const auto& t : truth) {
    ++s.dossiers;
    const auto* r = Find(records, t.file);
    type_ok += r && r->doc_type == t.doc_type;
    if (t.doc_date) {
      ++dated;
      date_ok += r && r->doc_date == t.doc_date;
    }
    // An official document has no applicant: its header is scored apart.
    if (t.header) continue;
    ++forms;
    bool every = true;
    for (const auto& [key, value] : t.fields) {
      ++s.field_counts[key];
      bool ok = false;
      if (r) {
        auto f = r->fields.find(key);
        // Unicode composition aside (the official tables hold some
        // decomposed names): the same text.
        ok = f != r->fields.end() && hoso::vn::Nfc(f->second.value) == hoso::vn::Nfc(value);
      }
      right[key] += ok;
      const bool core = std::find(CoreFields().begin(), CoreFields().end(), key) != CoreFields().end();
      if (core && !ok) every = false;
    }
    all_ok += every;
    const bool light =
        std::all_of(t.pages.begin(), t.pages.end(), [](const TruthPage& p) { return p.strength < 0.34; });
    if (light) {
      ++s.light_dossiers;
      light_ok += every;
    }
    if (r) {
      bool id_flag = false;
      for (const auto& f : r->flags)
        id_flag = id_flag || f.code == "ID_NUMBER_MISMATCH" || f.code == "ID_NUMBER_INVALID";
      if (t.id_consistent) {
        ++s.consistent_ids;
        s.consistent_flagged += id_flag;
      } else {
        ++s.inconsistent_ids;
        s.inconsistent_caught += id_flag;
      }
    }
  }
  s.all_core_fields_light_accuracy = Ratio(light_ok, s.light_dossiers);
  s.doc_type_accuracy = Ratio(type_ok, s.dossiers);
  s.doc_date_accuracy = Ratio(date_ok, dated);
  for (const auto& [key, n] : s.field_counts) s.field_accuracy[key] = Ratio(right[key], n);
  s.all_core_fields_accuracy = Ratio(all_ok, forms);
  return s;
}

AddressScore ScoreAddresses(const std::vector<TruthDossier>& truth,
                            const std::map<std::string, hoso::DossierRecord>& records) {
  AddressScore s;
  int status_ok = 0, suggestion_ok = 0, candidates_ok = 0;
  for (const auto& t : truth) {
    if (t.address.status.empty()) continue;
    ++s.dossiers;
    const auto* r = Find(records, t.file);
    const hoso::AddressVerdict* v = r && r->address ? &*r->address : nullptr;
    const bool status = v && v->status == t.address.status;
    status_ok += status;
    bool right = status;
    if (t.address.status == "outdated") {
      ++s.outdated;
      const bool ward = v && v->suggested && v->suggested->ward_code == t.address.ward_code;
      suggestion_ok += ward;
      right = right && ward;
    }
    if (t.address.status == "ambiguous") {
      ++s.ambiguous;
      bool same = false;
      if (v) {
        std::set<std::string> got, want(t.address.candidates.begin(), t.address.candidates.end());
        for (const auto& c : v->candidates) got.insert(c.ward_code);
        same = got == want;
      }
      candidates_ok += same;
      right = right && same;
    }
    auto& style = s.by_style[t.address.style.empty() ? "in_full" : t.address.style];
    style.first += right;
    ++style.second;
  }
  s.status_accuracy = Ratio(status_ok, s.dossiers);
  s.suggestion_accuracy = Ratio(suggestion_ok, s.outdated);
  s.candidates_accuracy = Ratio(candidates_ok, s.ambiguous);
  return s;
}

}  // namespace evaluate

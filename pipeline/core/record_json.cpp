#include "core/record_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace hoso {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Array::Ptr BoxJson(const Box& b) {
  Array::Ptr a = new Array;
  a->add(b.x);
  a->add(b.y);
  a->add(b.w);
  a->add(b.h);
  return a;
}

double Round(double v, double scale) { return std::round(v * scale) / scale; }

Object::Ptr TargetJson(const AddressTarget& t, bool candidate) {
  Object::Ptr o = NewObject();
  o->set("ward_code", t.ward_code);
  o->set("ward", t.ward);
  o->set("province_code", t.province_code);
  o->set("province", t.province);
  if (candidate) {
    o->set("kind", t.kind);
    o->set("all_population", t.all_population);
    if (!t.basis.empty()) o->set("basis", t.basis);
    if (!t.basis_text.empty()) o->set("basis_text", t.basis_text);
  }
  return o;
}

Array::Ptr OtherArray(const std::vector<OtherValue>& other) {
  Array::Ptr out = new Array;
  for (const auto& v : other) {
    Object::Ptr o = NewObject();
    o->set("label", v.label);
    o->set("value", v.value);
    o->set("confidence", Round(v.confidence, 1000));
    o->set("page", v.page);
    o->set("bbox", BoxJson(v.bbox));
    out->add(o);
  }
  return out;
}

Object::Ptr VerdictJson(const AddressVerdict& v) {
  Object::Ptr o = NewObject();
  o->set("input", v.input);
  o->set("status", v.status);
  Object::Ptr parsed = NewObject();
  parsed->set("street", v.street);
  parsed->set("commune", v.commune);
  parsed->set("district", v.district);
  parsed->set("province", v.province);
  o->set("parsed", parsed);
  if (v.old) {
    Object::Ptr old = NewObject();
    old->set("commune_code", v.old->commune_code);
    old->set("commune", v.old->commune);
    old->set("district", v.old->district);
    old->set("province", v.old->province);
    o->set("old", old);
  } else {
    o->set("old", Poco::Dynamic::Var());
  }
  if (v.suggested) {
    Object::Ptr s = TargetJson(*v.suggested, false);
    s->set("text", v.suggested_text);
    o->set("suggested", s);
  } else {
    o->set("suggested", Poco::Dynamic::Var());
  }
  Array::Ptr cands = new Array;
  for (const auto& c : v.candidates) cands->add(TargetJson(c, true));
  o->set("candidates", cands);
  o->set("legal_basis", v.legal_basis);
  o->set("severity", SeverityName(v.severity));
  o->set("message", v.message);
  o->set("matched", v.matched);
  return o;
}

Object::Ptr RecordObject(const DossierRecord& r) {
  Object::Ptr o = NewObject();
  o->set("source", r.source);
  o->set("sha256", r.sha256);
  if (r.dossier_id > 0)
    o->set("dossier_id", r.dossier_id);
  else
    o->set("dossier_id", Poco::Dynamic::Var());
  o->set("status", DossierStatusName(r.status));
  if (r.error) {
    Object::Ptr e = NewObject();
    e->set("code", r.error->code);
    e->set("message", r.error->message);
    o->set("error", e);
  }
  o->set("doc_type", r.doc_type);
  if (!r.intake_point.empty()) o->set("intake_point", r.intake_point);
  if (!r.received_at.empty()) o->set("received_at", r.received_at);
  if (r.doc_date)
    o->set("doc_date", *r.doc_date);
  else
    o->set("doc_date", Poco::Dynamic::Var());
  Array::Ptr pages = new Array;
  for (const auto& p : r.pages) {
    Object::Ptr po = NewObject();
    po->set("index", p.index);
    po->set("width", p.width);
    po->set("height", p.height);
    po->set("dpi", p.dpi);
    po->set("dpi_source", p.dpi_source);
    po->set("file_dpi", p.file_dpi);
    po->set("perspective_corrected", p.perspective_corrected);
    po->set("rotation", p.rotation);
    po->set("skew_deg", Round(p.skew_deg, 100));
    po->set("blank", p.blank);
    po->set("ocr_confidence", Round(p.ocr_confidence, 1000));
    po->set("text", p.text);
    pages->add(po);
  }
  o->set("pages", pages);
  Object::Ptr fields = NewObject();
  for (const auto& [key, f] : r.fields) {
    Object::Ptr fo = NewObject();
    fo->set("value", f.value);
    fo->set("confidence", Round(f.confidence, 1000));
    fo->set("page", f.page);
    fo->set("bbox", BoxJson(f.bbox));
    fields->set(key, fo);
  }
  o->set("fields", fields);
  o->set("other", OtherArray(r.other));
  if (r.address)
    o->set("address", VerdictJson(*r.address));
  else
    o->set("address", Poco::Dynamic::Var());
  Array::Ptr flags = new Array;
  for (const auto& f : r.flags) {
    Object::Ptr fo = NewObject();
    fo->set("code", f.code);
    fo->set("severity", SeverityName(f.severity));
    fo->set("field", f.field);
    fo->set("message", f.message);
    flags->add(fo);
  }
  o->set("flags", flags);
  return o;
}

std::string Str(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return {};
  return o->getValue<std::string>(key);
}

std::vector<OtherValue> OtherFrom(const Array::Ptr& a) {
  std::vector<OtherValue> out;
  for (size_t i = 0; a && i < a->size(); ++i) {
    auto o = a->getObject(static_cast<unsigned>(i));
    OtherValue v;
    v.label = Str(o, "label");
    v.value = Str(o, "value");
    v.confidence = o->optValue<double>("confidence", 0.0);
    v.page = o->optValue<int>("page", 0);
    if (auto b = o->getArray("bbox"); b && b->size() == 4)
      v.bbox = Box{b->getElement<int>(0), b->getElement<int>(1), b->getElement<int>(2), b->getElement<int>(3)};
    out.push_back(std::move(v));
  }
  return out;
}

AddressTarget TargetFrom(const Object::Ptr& o) {
  AddressTarget t;
  t.ward_code = Str(o, "ward_code");
  t.ward = Str(o, "ward");
  t.province_code = Str(o, "province_code");
  t.province = Str(o, "province");
  t.kind = Str(o, "kind");
  t.basis = Str(o, "basis");
  t.basis_text = Str(o, "basis_text");
  if (o->has("all_population")) t.all_population = o->getValue<bool>("all_population");
  return t;
}

AddressVerdict VerdictFrom(const Object::Ptr& o) {
  AddressVerdict v;
  v.input = Str(o, "input");
  v.status = Str(o, "status");
  if (auto p = o->getObject("parsed")) {
    v.street = Str(p, "street");
    v.commune = Str(p, "commune");
    v.district = Str(p, "district");
    v.province = Str(p, "province");
  }
  if (auto old = o->getObject("old")) {
    v.old = AddressUnit{Str(old, "commune_code"), Str(old, "commune"), Str(old, "district"), Str(old, "province")};
  }
  if (auto s = o->getObject("suggested")) {
    v.suggested = TargetFrom(s);
    v.suggested_text = Str(s, "text");
  }
  if (auto c = o->getArray("candidates"))
    for (size_t i = 0; i < c->size(); ++i) v.candidates.push_back(TargetFrom(c->getObject(i)));
  v.legal_basis = Str(o, "legal_basis");
  v.severity = ParseSeverity(Str(o, "severity")).value_or(Severity::kInfo);
  v.message = Str(o, "message");
  v.matched = Str(o, "matched");
  return v;
}

}  // namespace

Object::Ptr RecordToJsonObject(const DossierRecord& record) { return RecordObject(record); }

std::string RecordToJson(const DossierRecord& record) {
  std::ostringstream out;
  RecordObject(record)->stringify(out);
  return out.str();
}

std::string AddressVerdictToJson(const AddressVerdict& verdict) {
  std::ostringstream out;
  VerdictJson(verdict)->stringify(out);
  return out.str();
}

Result<DossierRecord> RecordFromJson(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    Object::Ptr o = parser.parse(json).extract<Object::Ptr>();
    DossierRecord r;
    r.source = Str(o, "source");
    r.sha256 = Str(o, "sha256");
    if (o->has("dossier_id") && !o->isNull("dossier_id")) r.dossier_id = o->getValue<std::int64_t>("dossier_id");
    auto status = ParseDossierStatus(Str(o, "status"));
    if (!status) return Status::Error(ErrorCode::kInvalidArgument, "bad status");
    r.status = *status;
    if (auto e = o->getObject("error")) r.error = ErrorInfo{Str(e, "code"), Str(e, "message")};
    r.doc_type = Str(o, "doc_type");
    r.intake_point = Str(o, "intake_point");
    r.received_at = Str(o, "received_at");
    if (o->has("doc_date") && !o->isNull("doc_date")) r.doc_date = Str(o, "doc_date");
    if (auto pages = o->getArray("pages")) {
      for (size_t i = 0; i < pages->size(); ++i) {
        auto po = pages->getObject(i);
        PageRecord p;
        p.index = po->getValue<int>("index");
        p.width = po->getValue<int>("width");
        p.height = po->getValue<int>("height");
        p.dpi = po->getValue<int>("dpi");
        // Added later: records written before them lack them.
        p.dpi_source = po->optValue<std::string>("dpi_source", "file");
        p.file_dpi = po->optValue<int>("file_dpi", 0);
        p.perspective_corrected = po->optValue<bool>("perspective_corrected", false);
        p.rotation = po->getValue<int>("rotation");
        p.skew_deg = po->getValue<double>("skew_deg");
        p.blank = po->getValue<bool>("blank");
        p.ocr_confidence = po->getValue<double>("ocr_confidence");
        p.text = Str(po, "text");
        r.pages.push_back(std::move(p));
      }
    }
    if (auto fields = o->getObject("fields")) {
      for (const auto& key : fields->getNames()) {
        auto fo = fields->getObject(key);
        FieldValue f;
        f.value = Str(fo, "value");
        f.confidence = fo->getValue<double>("confidence");
        f.page = fo->getValue<int>("page");
        if (auto b = fo->getArray("bbox"); b && b->size() == 4)
          f.bbox = Box{b->getElement<int>(0), b->getElement<int>(1), b->getElement<int>(2), b->getElement<int>(3)};
        r.fields[key] = f;
      }
    }
    r.other = OtherFrom(o->getArray("other"));
    if (auto a = o->getObject("address")) r.address = VerdictFrom(a);
    if (auto flags = o->getArray("flags")) {
      for (size_t i = 0; i < flags->size(); ++i) {
        auto fo = flags->getObject(i);
        r.flags.push_back(Flag{Str(fo, "code"), ParseSeverity(Str(fo, "severity")).value_or(Severity::kInfo),
                               Str(fo, "field"), Str(fo, "message")});
      }
    }
    return r;
  } catch (const Poco::Exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, "not a hoso record: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, std::string("not a hoso record: ") + e.what());
  }
}

Result<AddressVerdict> AddressVerdictFromJson(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    return VerdictFrom(parser.parse(json).extract<Object::Ptr>());
  } catch (const std::exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, std::string("not an address verdict: ") + e.what());
  }
}

std::string OtherValuesToJson(const std::vector<OtherValue>& other) {
  std::ostringstream out;
  OtherArray(other)->stringify(out);
  return out.str();
}

Result<std::vector<OtherValue>> OtherValuesFromJson(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    return OtherFrom(parser.parse(json).extract<Array::Ptr>());
  } catch (const Poco::Exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, "not a list of labelled values: " + e.displayText());
  }
}

}  // namespace hoso

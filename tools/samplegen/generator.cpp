#include "generator.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace samplegen {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string Extension(const std::string& format) {
  return format == "jpeg" ? ".jpg" : format == "tiff" ? ".tif" : "." + format;
}

namespace {

// The people an official form names besides the applicant: on the
// residence form the household head (or the applicant is the head), on
// the birth form the child and the other parent (the applicant is the
// father or the mother).
void AddOfficialPeople(Dossier& d, const UnitTable& units, Rng& rng) {
  if (d.doc_type == "residence_change" && rng.Chance(0.6)) {
    Person head = MakePerson(rng, units, 0);
    head.address = d.person.address;
    d.others.push_back({"household_head", std::move(head)});
  }
  if (d.doc_type != "birth_registration") return;
  // The other parent: drawn until of the other gender (the name and the ID's
  // gender digit come with it).
  Person other = MakePerson(rng, units, 0);
  for (int i = 0; i < 64 && other.gender == d.person.gender; ++i) other = MakePerson(rng, units, 0);
  if (rng.Chance(0.8)) other.address = d.person.address;
  const Person& father = d.person.gender == "male" ? d.person : other;
  Person child = MakePerson(rng, units, 0);
  // The father's family name; born within the two months before the form.
  const std::string family = father.full_name.substr(0, father.full_name.find(' '));
  child.full_name = family + child.full_name.substr(child.full_name.find(' '));
  int y, m, day;
  std::sscanf(d.doc_date.c_str(), "%d-%d-%d", &y, &m, &day);
  const auto born = std::chrono::sys_days(std::chrono::year(y) / m / day) - std::chrono::days(rng.Int(3, 55));
  const std::chrono::year_month_day ymd(born);
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  child.date_of_birth = iso;
  child.address = d.person.address;
  d.others.push_back({"child", std::move(child)});
  d.others.push_back({d.person.gender == "male" ? "mother" : "father", std::move(other)});
}

}  // namespace

GeneratedDossier Generate(int index, std::uint64_t seed, const UnitTable& units, FormRenderer& renderer,
                          const GeneratorOptions& options, const TransitionWriter* transition) {
  Rng rng(seed);
  GeneratedDossier out;
  // Citizen-ID copies also come alone: a dossier of one card.
  static const std::vector<std::string> kTypes = {"land_registration", "business_household_registration",
                                                  "residence_change", "birth_registration", "citizen_id"};
  const std::string type = kTypes[rng.Next() % kTypes.size()];
  out.dossier = MakeDossier(type, MakePerson(rng, units, options.inconsistent_id_rate), rng);
  Address& address = out.dossier.person.address;
  if (transition && address.link >= 0 && out.dossier.doc_date >= "2025-07-01") {
    // Drawn from a stream of its own: the rest of the dossier stays as its seed made it.
    Rng address_rng(seed ^ 0xADD2E55AB1E5ULL);
    const UnitLink& link = units.links[static_cast<size_t>(address.link)];
    transition->Reread(link, address);
    if (address_rng.Chance(options.transition_rate)) {
      const auto& styles = AllTransitionStyles();
      const TransitionStyle style = styles[address_rng.Next() % styles.size()];
      if (auto written = transition->Write(address_rng, link, style)) {
        written->link = address.link;
        written->style = TransitionStyleName(style);
        address = *written;
      }
    }
  }
  if (options.layouts && type != "citizen_id") {
    // Other people on the page, from a stream of their own: up to two, of
    // different roles.
    Rng others_rng(seed ^ 0x07E125B10C5ULL);
    std::vector<const LayoutList::PersonBlock*> blocks;
    for (const auto& b : options.layouts->people) blocks.push_back(&b);
    const int count = others_rng.Int(0, 2);
    for (int i = 0; i < count && !blocks.empty(); ++i) {
      const size_t at = others_rng.Next() % blocks.size();
      Person other = MakePerson(others_rng, units, 0);
      if (blocks[at]->role == "father") other.gender = "male";
      if (blocks[at]->role == "mother") other.gender = "female";
      out.dossier.others.push_back({blocks[at]->role, std::move(other)});
      blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(at));
    }
  }
  const OfficialForm* official = nullptr;
  Rng official_rng(seed ^ 0x0FF1C1A1F0E5ULL);
  if (options.official && options.official_rate > 0 && official_rng.Chance(options.official_rate)) {
    auto it = options.official->find(type);
    if (it != options.official->end()) official = &it->second;
  }
  if (official) AddOfficialPeople(out.dossier, units, official_rng);
  std::vector<std::pair<std::string, RenderedPage>> drawn;
  Rng letter_rng(seed ^ 0x1E77E125D0C5ULL);
  if (options.letter_rate > 0 && letter_rng.Chance(options.letter_rate)) {
    out.letter = MakeLetter(letter_rng, units);
    out.dossier.doc_type = out.letter->doc_type;
    out.dossier.doc_date = out.letter->date;
    drawn.emplace_back("letter", renderer.RenderLetter(*out.letter, letter_rng));
  } else if (type == "citizen_id") {
    drawn.emplace_back("id_copy", renderer.RenderIdCopy(out.dossier, rng));
  } else if (official) {
    drawn.emplace_back("form", renderer.RenderOfficial(out.dossier, *official, official_rng));
    out.official = true;
    out.printed = drawn.back().second.fields;
    if (out.dossier.with_id_copy) drawn.emplace_back("id_copy", renderer.RenderIdCopy(out.dossier, rng));
  } else {
    drawn.emplace_back("form", renderer.RenderForm(out.dossier, rng, options.layouts));
    if (out.dossier.with_id_copy) drawn.emplace_back("id_copy", renderer.RenderIdCopy(out.dossier, rng));
  }
  if (rng.Chance(options.blank_rate)) {
    RenderedPage blank{cv::Mat(drawn[0].second.image.size(), CV_8UC3, cv::Scalar(255, 255, 255)), {}, {}};
    drawn.insert(drawn.begin() + 1, {"blank", blank});
  }
  // Drawn from a stream of its own, so that sets made without receipts stay
  // what their seeds made before.
  const double receipt_rate = options.receipt_rate >= 0                                ? options.receipt_rate
                              : options.profile == "photo" || options.profile == "fax" ? 0.3
                                                                                       : 0.0;
  Rng receipt_rng(seed ^ 0x5EC0FFEE12345ULL);
  if (receipt_rate > 0 && receipt_rng.Chance(receipt_rate) && !out.letter) {
    // The service point's fee receipt, or a shop's till receipt in capitals
    // (as real receipts are), one time in two (a stream of its own again:
    // a seed's fee receipts stay as they were).
    Rng kind_rng(seed ^ 0x71115EC0FFEEULL);
    drawn.emplace_back("receipt", kind_rng.Chance(0.5) ? renderer.RenderTillReceipt(out.dossier, receipt_rng)
                                                       : renderer.RenderReceipt(out.dossier, receipt_rng));
  }
  out.jpeg_quality = options.max_quality;
  for (auto& [kind, page] : drawn) {
    GeneratedPage g;
    g.kind = kind;
    g.lines = page.lines;
    g.damage = DrawDamage(rng, options.profile);
    // A phone frames the sheet and a messaging app sends a fixed long side:
    // a short strip comes at a finer resolution than an A4 page.
    if (g.damage.photo) g.damage.dpi = std::min(300, g.damage.dpi * 3508 / std::max(page.image.rows, page.image.cols));
    if (options.fixed_dpi) g.damage.dpi = options.fixed_dpi;
    // A blank back often shows the front through the paper.
    if (kind == "blank" && options.profile != "none" && rng.Chance(0.5)) g.damage.bleed = rng.Uniform(0.3, 1.0);
    const cv::Mat& back = kind == "blank" ? drawn[0].second.image : cv::Mat();
    g.damaged = ApplyDamage(page.image, back, g.damage, rng);
    g.clean = page.image;
    if (options.gray) {
      cv::cvtColor(g.damaged, g.damaged, cv::COLOR_BGR2GRAY);
      cv::cvtColor(g.clean, g.clean, cv::COLOR_BGR2GRAY);
    }
    out.jpeg_quality = std::min(out.jpeg_quality, JpegQuality(g.damage));
    out.pages.push_back(std::move(g));
  }
  // Multi-page dossiers are TIFF or PDF; single pages any format, in turn.
  // Phone photos come as JPEG (several pages: a phone app's PDF), faxes
  // and black-and-white scans as G4 TIFF or PDF.
  std::vector<std::string> formats = options.formats;
  if (options.profile == "photo") formats = {"jpeg", "pdf"};
  if (options.profile == "fax") formats = {"tiff", "pdf"};
  std::vector<std::string> allowed;
  for (const auto& f : formats)
    if (f == "pdf" || f == "tiff" || (out.pages.size() == 1 && !(options.profile == "photo" && f == "pdf")))
      allowed.push_back(f);
  if (allowed.empty()) allowed = {"pdf"};
  out.format = allowed[static_cast<size_t>(index) % allowed.size()];
  return out;
}

std::string TruthJson(const GeneratedDossier& g, const std::string& file, std::uint64_t set_seed,
                      const std::string& profile) {
  auto obj = [] { return Object::Ptr(new Object(Poco::JSON_PRESERVE_KEY_ORDER)); };
  const Dossier& d = g.dossier;
  const bool card_only = d.doc_type == "citizen_id";
  Object::Ptr truth = obj();
  truth->set("file", file);
  truth->set("seed", std::to_string(set_seed));
  truth->set("profile", profile);
  truth->set("doc_type", d.doc_type);
  if (g.official) truth->set("form", "official");
  if (card_only)
    truth->set("doc_date", Poco::Dynamic::Var());
  else
    truth->set("doc_date", d.doc_date);
  Object::Ptr fields = obj();
  if (g.official) {
    // What the form printed, and what the ID copy shows.
    std::map<std::string, std::string> truth = g.printed;
    if (d.with_id_copy)
      for (const auto& [k, v] : std::map<std::string, std::string>{{"full_name", d.person.full_name},
                                                                   {"date_of_birth", d.person.date_of_birth},
                                                                   {"gender", d.person.gender},
                                                                   {"id_number", d.person.id_number}})
        truth.emplace(k, v);
    for (const auto& [k, v] : truth) fields->set(k, v);
  }
  if (!g.official && !g.letter) fields->set("full_name", d.person.full_name);
  if (!g.official && !g.letter) {
    fields->set("date_of_birth", d.person.date_of_birth);
    fields->set("gender", d.person.gender);
    fields->set("id_number", d.person.id_number);
    fields->set("permanent_address", d.person.address.text);
  }
  if (!card_only && !g.official && !g.letter) {
    fields->set("phone", d.person.phone);
    for (const auto& [k, v] : d.extra_fields) fields->set(k, v);
    for (const auto& o : d.others) fields->set(o.role + "_name", o.person.full_name);
  }
  truth->set("fields", fields);
  if (g.letter) {
    // No applicant, no address: the header as an archive records it.
    const Letter& l = *g.letter;
    Object::Ptr header = obj();
    header->set("doc_kind", l.kind);
    header->set("number", l.number);
    header->set("symbol", l.symbol);
    header->set("issuer", l.issuer);
    if (!l.issuer_parent.empty()) header->set("issuer_parent", l.issuer_parent);
    header->set("place", l.place);
    header->set("date", l.date);
    header->set("subject", l.subject);
    header->set("signer", l.signer_name);
    Array::Ptr hand = new Array;
    if (l.number_by_hand) hand->add("number");
    if (l.day_by_hand) hand->add("date.day");
    header->set("handwritten", hand);
    truth->set("header", header);
  }
  truth->set("id_consistent", d.person.id_consistent);
  Object::Ptr addr = obj();
  const Address& a = d.person.address;
  addr->set("text", a.text);
  addr->set("street", a.street);
  addr->set("status", g.letter ? "" : a.kind);
  addr->set("ward_code", a.ward_code);
  addr->set("ward", a.ward);
  addr->set("province", a.province);
  addr->set("old_commune_code", a.old_commune_code);
  addr->set("style", a.style.empty() ? "in_full" : a.style);
  Array::Ptr cands = new Array;
  for (const auto& c : a.candidate_codes) cands->add(c);
  addr->set("candidates", cands);
  truth->set("address", addr);
  Array::Ptr pages = new Array;
  for (size_t i = 0; i < g.pages.size(); ++i) {
    const auto& p = g.pages[i];
    Object::Ptr po = obj();
    po->set("index", static_cast<int>(i));
    po->set("kind", p.kind);
    Array::Ptr lines = new Array;
    for (const auto& l : p.lines) lines->add(l);
    po->set("lines", lines);
    po->set("rotation", p.damage.rotation);
    po->set("skew_deg", 15.0 * p.damage.skew);
    po->set("blank", p.kind == "blank");
    po->set("dpi", p.damage.dpi);
    po->set("strength", p.damage.Strength());
    Object::Ptr dm = obj();
    for (const auto& [k, v] : p.damage.AsMap()) dm->set(k, v);
    po->set("damage", dm);
    pages->add(po);
  }
  truth->set("pages", pages);
  std::ostringstream line;
  truth->stringify(line);
  return line.str();
}

}  // namespace samplegen

// samplegen: generates scanned-looking Vietnamese ward dossiers with their
// ground truth, deterministically from a seed. See the README.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <opencv2/imgproc.hpp>

#include "damage.h"
#include "forms.h"
#include "people.h"
#include "writers.h"

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;
using namespace samplegen;

namespace {

const char* kHelp =
    "Usage: samplegen --out DIR [--count N] [--seed S] [--damage none|light|mixed|heavy]\n"
    "                 [--formats png,jpeg,tiff,pdf] [--units NSO_CSV] [--blank-rate P]\n"
    "                 [--inconsistent-id-rate P] [--clean-twin] [--gray] [--dpi N]\n"
    "                 [--max-quality Q]\n"
    "\n"
    "Writes DIR/dossier-NNNN.{png,jpg,tif,pdf}, each with DIR/dossier-NNNN.truth.json,\n"
    "and DIR/truth.jsonl (all truths, one per line). With --clean-twin the same\n"
    "dossiers without damage go to DIR/clean/. The same seed gives the same files.\n"
    "--gray writes grey pages (a scanner's document mode); --dpi fixes every page's\n"
    "resolution; --max-quality caps JPEG quality (smaller files).\n"
    "--units is the NSO conversion table (default:\n"
    "../shared/data/admin-units/nso-conversion-2025-07-01.csv).\n";

Object::Ptr Obj() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string Ext(const std::string& format) {
  return format == "jpeg" ? ".jpg" : format == "tiff" ? ".tif" : "." + format;
}

std::string FindUnits(const std::string& given) {
  if (!given.empty()) return given;
  for (const char* p : {"../shared/data/admin-units/nso-conversion-2025-07-01.csv",
                        "../../shared/data/admin-units/nso-conversion-2025-07-01.csv",
                        "../../../shared/data/admin-units/nso-conversion-2025-07-01.csv"})
    if (fs::exists(p)) return p;
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  std::string out, profile = "mixed", units_path, formats_arg = "png,jpeg,tiff,pdf";
  int count = 10;
  std::uint64_t seed = 1;
  double blank_rate = 0.15, bad_id_rate = 0.1;
  bool clean_twin = false, gray = false;
  int fixed_dpi = 0, max_quality = 92;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "samplegen: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--out") out = value();
    else if (a == "--count") count = std::stoi(value());
    else if (a == "--seed") seed = std::stoull(value());
    else if (a == "--damage") profile = value();
    else if (a == "--units") units_path = value();
    else if (a == "--formats") formats_arg = value();
    else if (a == "--blank-rate") blank_rate = std::stod(value());
    else if (a == "--inconsistent-id-rate") bad_id_rate = std::stod(value());
    else if (a == "--clean-twin") clean_twin = true;
    else if (a == "--gray") gray = true;
    else if (a == "--dpi") fixed_dpi = std::stoi(value());
    else if (a == "--max-quality") max_quality = std::stoi(value());
    else if (a == "--help" || a == "-h") {
      std::cout << kHelp;
      return 0;
    } else {
      std::cerr << "samplegen: unknown option " << a << "\n" << kHelp;
      return 2;
    }
  }
  if (out.empty() || count < 1 || (profile != "none" && profile != "light" && profile != "mixed" && profile != "heavy")) {
    std::cerr << kHelp;
    return 2;
  }
  std::vector<std::string> formats;
  {
    std::stringstream ss(formats_arg);
    for (std::string f; std::getline(ss, f, ',');)
      if (f == "png" || f == "jpeg" || f == "tiff" || f == "pdf") formats.push_back(f);
    if (formats.empty()) {
      std::cerr << "samplegen: --formats takes png, jpeg, tiff, pdf\n";
      return 2;
    }
  }
  const std::string units_file = FindUnits(units_path);
  UnitTable table = UnitTable::Load(units_file);
  if (table.links.empty()) {
    std::cerr << "samplegen: cannot read the unit table (" << (units_file.empty() ? "not found" : units_file)
              << "); pass --units\n";
    return 2;
  }
  std::string error;
  auto renderer = FormRenderer::Create(&error);
  if (!renderer) {
    std::cerr << "samplegen: " << error << "\n";
    return 2;
  }
  fs::create_directories(out);
  if (clean_twin) fs::create_directories(fs::path(out) / "clean");
  std::ofstream manifest(fs::path(out) / "truth.jsonl");
  const auto start = std::chrono::steady_clock::now();
  Rng rng(seed);
  for (int i = 0; i < count; ++i) {
    Rng drng(rng.Next());  // one stream per dossier: a dossier does not depend on the ones before
    const std::string& type = DocTypes()[drng.Next() % DocTypes().size()];
    Dossier d = MakeDossier(type, MakePerson(drng, table, bad_id_rate), drng);
    struct Drawn {
      std::string kind;
      RenderedPage page;
    };
    std::vector<Drawn> drawn;
    drawn.push_back({"form", renderer->RenderForm(d, drng)});
    if (d.with_id_copy) drawn.push_back({"id_copy", renderer->RenderIdCopy(d, drng)});
    if (drng.Chance(blank_rate)) {
      // A blank back side, usually after the form.
      RenderedPage blank{cv::Mat(drawn[0].page.image.size(), CV_8UC3, cv::Scalar(255, 255, 255)), {}};
      drawn.insert(drawn.begin() + 1, {"blank", blank});
    }
    std::vector<OutPage> damaged, clean;
    Array::Ptr pages = new Array;
    int quality = max_quality;
    for (size_t p = 0; p < drawn.size(); ++p) {
      Damage dmg = DrawDamage(drng, profile);
      if (fixed_dpi) dmg.dpi = fixed_dpi;
      const cv::Mat& back = drawn[p].kind == "blank" ? drawn[0].page.image : cv::Mat();
      if (drawn[p].kind == "blank" && profile != "none" && drng.Chance(0.5)) dmg.bleed = drng.Uniform(0.3, 1.0);
      cv::Mat page = ApplyDamage(drawn[p].page.image, back, dmg, drng);
      cv::Mat twin = drawn[p].page.image;
      if (gray) {
        cv::cvtColor(page, page, cv::COLOR_BGR2GRAY);
        cv::cvtColor(twin, twin, cv::COLOR_BGR2GRAY);
      }
      damaged.push_back({page, dmg.dpi});
      clean.push_back({twin, 300});
      quality = std::min(quality, JpegQuality(dmg));
      Object::Ptr po = Obj();
      po->set("index", static_cast<int>(p));
      po->set("kind", drawn[p].kind);
      Array::Ptr lines = new Array;
      for (const auto& l : drawn[p].page.lines) lines->add(l);
      po->set("lines", lines);
      po->set("rotation", dmg.rotation);
      po->set("skew_deg", 15.0 * dmg.skew);
      po->set("blank", drawn[p].kind == "blank");
      po->set("dpi", dmg.dpi);
      po->set("strength", dmg.Strength());
      Object::Ptr dm = Obj();
      for (const auto& [k, v] : dmg.AsMap()) dm->set(k, v);
      po->set("damage", dm);
      pages->add(po);
    }
    // Multi-page dossiers are TIFF or PDF; single pages any format.
    std::vector<std::string> allowed;
    for (const auto& f : formats)
      if (drawn.size() == 1 || f == "tiff" || f == "pdf") allowed.push_back(f);
    if (allowed.empty()) allowed = {"pdf"};
    const std::string format = allowed[static_cast<size_t>(i) % allowed.size()];  // every format in turn
    char name[64];
    std::snprintf(name, sizeof name, "dossier-%04d", i + 1);
    const std::string file = std::string(name) + Ext(format);
    if (!WritePages((fs::path(out) / file).string(), format, damaged, quality) ||
        (clean_twin && !WritePages((fs::path(out) / "clean" / file).string(), format, clean, 95))) {
      std::cerr << "samplegen: cannot write " << file << "\n";
      return 1;
    }
    Object::Ptr truth = Obj();
    truth->set("file", file);
    truth->set("seed", std::to_string(seed));
    truth->set("profile", profile);
    truth->set("doc_type", d.doc_type);
    truth->set("doc_date", d.doc_date);
    Object::Ptr fields = Obj();
    fields->set("full_name", d.person.full_name);
    fields->set("date_of_birth", d.person.date_of_birth);
    fields->set("gender", d.person.gender);
    fields->set("id_number", d.person.id_number);
    fields->set("permanent_address", d.person.address.text);
    fields->set("phone", d.person.phone);
    for (const auto& [k, v] : d.extra_fields) fields->set(k, v);
    truth->set("fields", fields);
    truth->set("id_consistent", d.person.id_consistent);
    Object::Ptr addr = Obj();
    const Address& a = d.person.address;
    addr->set("text", a.text);
    addr->set("street", a.street);
    addr->set("status", a.kind);
    addr->set("ward_code", a.ward_code);
    addr->set("ward", a.ward);
    addr->set("province", a.province);
    addr->set("old_commune_code", a.old_commune_code);
    Array::Ptr cands = new Array;
    for (const auto& c : a.candidate_codes) cands->add(c);
    addr->set("candidates", cands);
    truth->set("address", addr);
    truth->set("pages", pages);
    std::ostringstream line;
    truth->stringify(line);
    manifest << line.str() << '\n';
    std::ofstream(fs::path(out) / (std::string(name) + ".truth.json")) << line.str() << '\n';
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "samplegen: " << count << " dossiers in " << out << " (" << secs << " s)\n";
  return 0;
}

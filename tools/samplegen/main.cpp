// samplegen: generates scanned-looking Vietnamese ward dossiers with their
// ground truth, deterministically from a seed. See the README.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "core/data_dir.h"
#include "generator.h"
#include "writers.h"

namespace fs = std::filesystem;
using namespace samplegen;

namespace {

const char* kHelp =
    "Usage: samplegen --out DIR [--count N] [--seed S] [--damage none|light|mixed|heavy|photo|fax]\n"
    "                 [--formats png,jpeg,tiff,pdf] [--units NSO_CSV] [--blank-rate P]\n"
    "                 [--receipt-rate P] [--inconsistent-id-rate P] [--clean-twin] [--gray] [--dpi N]\n"
    "                 [--max-quality Q] [--transition-rate P] [--layouts FILE]\n"
    "                 [--official-rate P] [--doctypes DIR] [--letter-rate P]\n"
    "\n"
    "Writes DIR/dossier-NNNN.{png,jpg,tif,pdf}, each with DIR/dossier-NNNN.truth.json,\n"
    "and DIR/truth.jsonl (all truths, one per line). With --clean-twin the same\n"
    "dossiers without damage go to DIR/clean/ (same names, 300 dpi). The same seed\n"
    "gives the same files. --gray writes grey pages (a scanner's document mode);\n"
    "--dpi fixes every page's resolution; --max-quality caps JPEG quality.\n"
    "--damage photo: phone photos of the sheet on a desk (tilted up to ~15°, shadow\n"
    "or flash, 60-150 dpi on the sheet, JPEG stating no resolution; several pages:\n"
    "a PDF). --damage fax: bi-level 200 dpi pages, CCITT G4 in TIFF or PDF (in\n"
    "turn a 1-bit image, as document scanners write it, and a stencil mask).\n"
    "--receipt-rate P: chance of a fee receipt (an 80 mm till strip) as the last\n"
    "page (default 0.3 for photo and fax, 0 otherwise, so that older sets' seeds\n"
    "make the same files).\n"
    "--transition-rate P: chance that a document dated after 1 July 2025 has its\n"
    "address written as people write it during the transition (a new ward with\n"
    "its old district, an old district under its new province, a new ward under\n"
    "its old province, no unit words; default 0.25, 0: every address in full).\n"
    "--layouts FILE: forms drawn from a layout list (tools/samplegen/layouts/:\n"
    "label wordings, arrangements, other people on the page; their names go to\n"
    "the truth as household_head_name, father_name, ...). heldout.json there is\n"
    "for measurement only.\n"
    "--official-rate P: chance that a form is drawn as its legal text prints it\n"
    "(the \"form\" section of its template in models/doctypes, or --doctypes DIR:\n"
    "CT01 of Circular 66/2023/TT-BCA, the birth registration form of Circular\n"
    "04/2020/TT-BTP): numbered labels, the ID in printed boxes, the household\n"
    "table, the child and both parents, signature columns. Default 0.\n"
    "--letter-rate P: chance that a dossier is an official document as Decree\n"
    "30/2020/NĐ-CP lays it out (công văn, quyết định, thông báo, ...: issuing body\n"
    "beside the motto, number and symbol, place and date, subject, Nơi nhận beside\n"
    "the signer, the number or day sometimes written in by hand); its truth has a\n"
    "\"header\" (doc_kind, number, symbol, issuer, issuer_parent, place, date,\n"
    "subject, handwritten) and no applicant. Default 0.\n"
    "--units is the NSO conversion table (default:\n"
    "../shared/data/admin-units/nso-conversion-2025-07-01.csv).\n";

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
  hoso::cli::Args args(std::vector<std::string>(argv + 1, argv + argc),
                       {"--out", "--count", "--seed", "--damage", "--units", "--formats", "--blank-rate",
                        "--receipt-rate", "--inconsistent-id-rate", "--transition-rate", "--dpi", "--max-quality",
                        "--layouts", "--official-rate", "--doctypes", "--letter-rate"},
                       {"--clean-twin", "--gray", "--help", "-h"});
  GeneratorOptions options;
  const std::string out = args.Value("--out").value_or("");
  const std::string units_path = args.Value("--units").value_or("");
  const std::string formats_arg = args.Value("--formats").value_or("png,jpeg,tiff,pdf");
  const int count = args.Int("--count", 10);
  const std::uint64_t seed = args.Uint64("--seed", 1);
  const bool clean_twin = args.Flag("--clean-twin");
  options.profile = args.Value("--damage").value_or(options.profile);
  options.blank_rate = args.Double("--blank-rate", options.blank_rate);
  options.receipt_rate = args.Double("--receipt-rate", options.receipt_rate);
  options.inconsistent_id_rate = args.Double("--inconsistent-id-rate", options.inconsistent_id_rate);
  options.gray = args.Flag("--gray");
  options.fixed_dpi = args.Int("--dpi", options.fixed_dpi);
  options.max_quality = args.Int("--max-quality", options.max_quality);
  options.transition_rate = args.Double("--transition-rate", options.transition_rate);
  options.official_rate = args.Double("--official-rate", options.official_rate);
  options.letter_rate = args.Double("--letter-rate", options.letter_rate);
  if (auto exit = hoso::cli::HelpOrUsageError(args, "samplegen", kHelp)) return *exit;
  const auto& p = options.profile;
  if (out.empty() || count < 1 ||
      (p != "none" && p != "light" && p != "mixed" && p != "heavy" && p != "photo" && p != "fax")) {
    std::cerr << kHelp;
    return 2;
  }
  options.formats.clear();
  std::stringstream ss(formats_arg);
  for (std::string f; std::getline(ss, f, ',');)
    if (f == "png" || f == "jpeg" || f == "tiff" || f == "pdf") options.formats.push_back(f);
  if (options.formats.empty()) {
    std::cerr << "samplegen: --formats takes png, jpeg, tiff, pdf\n";
    return 2;
  }
  const std::string units_file = FindUnits(units_path);
  const UnitTable table = UnitTable::Load(units_file);
  if (table.links.empty()) {
    std::cerr << "samplegen: cannot read the unit table (" << (units_file.empty() ? "not found" : units_file)
              << "); pass --units\n";
    return 2;
  }
  const TransitionWriter transition(table);
  std::string error;
  auto renderer = FormRenderer::Create(&error);
  if (!renderer) {
    std::cerr << "samplegen: " << error << "\n";
    return 2;
  }
  renderer->SetUnits(&table);
  std::optional<LayoutList> layouts;
  if (auto path = args.Value("--layouts")) {
    layouts = LayoutList::Load(*path, &error);
    if (!layouts) {
      std::cerr << "samplegen: " << error << "\n";
      return 2;
    }
    options.layouts = &*layouts;
  }
  std::map<std::string, OfficialForm> official;
  if (options.official_rate > 0) {
    const std::string dir =
        args.Value("--doctypes").value_or((fs::path(hoso::DataDir("models", "HOSO_MODELS")) / "doctypes").string());
    official = LoadOfficialForms(dir, &error);
    if (official.empty()) {
      std::cerr << "samplegen: " << error << "\n";
      return 2;
    }
    options.official = &official;
  }
  fs::create_directories(out);
  if (clean_twin) fs::create_directories(fs::path(out) / "clean");
  std::ofstream manifest(fs::path(out) / "truth.jsonl");
  std::ofstream clean_manifest;
  if (clean_twin) clean_manifest.open(fs::path(out) / "clean" / "truth.jsonl", std::ios::trunc);
  const auto start = std::chrono::steady_clock::now();
  Rng rng(seed);
  int bilevel_pdfs = 0;  // in turn as a scanner writes them and as stencil masks
  for (int i = 0; i < count; ++i) {
    // One stream per dossier: a dossier does not depend on the ones before.
    const GeneratedDossier g = Generate(i, rng.Next(), table, *renderer, options, &transition);
    char name[64];
    std::snprintf(name, sizeof name, "dossier-%04d", i + 1);
    const std::string file = std::string(name) + Extension(g.format);
    std::vector<OutPage> damaged, clean;
    for (const auto& page : g.pages) {
      damaged.push_back({page.damaged, page.damage.photo ? 0 : page.damage.dpi, page.damage.bilevel});
      clean.push_back({page.clean, 300});
    }
    const BilevelPdf bilevel_pdf = g.format == "pdf" && !damaged.empty() && damaged[0].bilevel && bilevel_pdfs++ % 2
                                       ? BilevelPdf::kImageMask
                                       : BilevelPdf::kScannerImage;
    if (!WritePages((fs::path(out) / file).string(), g.format, damaged, g.jpeg_quality, bilevel_pdf) ||
        (clean_twin && !WritePages((fs::path(out) / "clean" / file).string(), g.format, clean, 95))) {
      std::cerr << "samplegen: cannot write " << file << "\n";
      return 1;
    }
    const std::string truth = TruthJson(g, file, seed, options.profile);
    manifest << truth << '\n';
    std::ofstream(fs::path(out) / (std::string(name) + ".truth.json")) << truth << '\n';
    if (clean_twin) {
      // The twin's truth: same text, no damage.
      GeneratedDossier twin = g;
      for (auto& page : twin.pages) page.damage = Damage{};
      const std::string twin_truth = TruthJson(twin, file, seed, "none");
      std::ofstream(fs::path(out) / "clean" / (std::string(name) + ".truth.json")) << twin_truth << '\n';
      clean_manifest << twin_truth << '\n';
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "samplegen: " << count << " dossiers in " << out << " (" << secs << " s)\n";
  return 0;
}

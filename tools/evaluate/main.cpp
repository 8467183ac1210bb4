// evaluate: scores hoso on a generated set (tools/samplegen) and, in the
// same run, the tesseract CLI and ocrmypdf on the same files, so every
// figure is a side-by-side ratio. Writes summary.json and report.html.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/html.h"
#include "core/record_json.h"
#include "ingest/ingest.h"
#include "cli/args.h"
#include "scoring.h"

namespace fs = std::filesystem;
using namespace evaluate;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const char* kHelp =
    "Usage: evaluate --set DIR [--report DIR] [--hoso BIN | --hoso-json JSONL] [--jobs N]\n"
    "                [--lang LANGS] [--tesseract on|off] [--ocrmypdf auto|on|off] [--worst N]\n"
    "                [--as-of DATE] [--cache DIR] [--keep-work] [--per-file]\n"
    "                [--truth-text [--truth-dir DIR]...]\n"
    "\n"
    "Scores `hoso process` on a set made by samplegen (DIR/truth.jsonl) and runs\n"
    "the tesseract CLI (and ocrmypdf --rotate-pages --deskew --clean, when installed)\n"
    "on the same files in the same run, N at a time (default 2). Reports page CER and\n"
    "word recall by damage strength, rotation, blank and skew accuracy, document type,\n"
    "fields, address verdicts, and pages per second, in REPORT/summary.json and\n"
    "REPORT/report.html (default report: DIR/report); --per-file prints each file's\n"
    "CER and word recall for every engine side by side. With --hoso-json, hoso's\n"
    "records are read from a file instead of being produced (no hoso timing).\n"
    "hoso checks addresses as of --as-of (default 2026-01-01): samplegen's expected\n"
    "verdicts are those of the 2025 units, which held until the Đồng Nai change of\n"
    "30 April 2026.\n"
    "With --cache DIR, the other engines' page texts are kept in DIR, keyed by the\n"
    "file's SHA-256, the page, the command and the engine's version, and reused:\n"
    "ocrmypdf takes over an hour on 100 dossiers, and does not change when hoso does.\n"
    "An engine read wholly or partly from the cache reports no speed. `--hoso none\n"
    "--cache DIR` runs only the other engines, to fill the cache ahead of time.\n"
    "\n"
    "With --truth-text, DIR holds real pages (PDF, TIFF, JPEG, PNG) whose truth is\n"
    "plain text: NAME.gt.txt beside them or in a --truth-dir, pages separated by\n"
    "form feeds; a degraded copy NAME-blur.jpg is scored against NAME.gt.txt.\n"
    "Only the text is scored (and no page may be called blank); files without a\n"
    "truth are left out. The tesseract CLI gets --dpi only where the file states\n"
    "a resolution, as a user running it would.\n";

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs shell commands `jobs` at a time; returns the wall time.
double RunParallel(const std::vector<std::string>& commands, int jobs) {
  std::mutex m;
  size_t next = 0;
  const double t0 = Now();
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs; ++j)
    threads.emplace_back([&] {
      for (;;) {
        size_t i;
        {
          std::lock_guard<std::mutex> lock(m);
          if (next >= commands.size()) return;
          i = next++;
        }
        if (std::system(commands[i].c_str()) != 0) { /* the engine's miss shows as empty text */ }
      }
    });
  for (auto& t : threads) t.join();
  return Now() - t0;
}

// One run of another engine: a shell command that writes `output`.
struct Job {
  std::string command;
  fs::path output;
  std::string key;  // the cache key: same key, same output
};

// The first line of a command's output (an engine's version).
std::string FirstLine(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[256];
    if (std::fgets(buf, sizeof buf, p)) out = buf;
    pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// Runs the jobs whose output is not in `cache` (every job when it is empty),
// `n` at a time, and keeps what they wrote there. Returns the wall time of
// the jobs that ran; `from_cache` counts the others.
double RunCached(const std::vector<Job>& jobs, int n, const fs::path& cache, int* from_cache) {
  std::vector<std::string> commands;
  std::vector<const Job*> ran;
  *from_cache = 0;
  for (const auto& j : jobs) {
    const fs::path kept = cache / (j.key + ".txt");
    std::error_code ec;
    if (!cache.empty() && fs::exists(kept) && fs::copy_file(kept, j.output, fs::copy_options::overwrite_existing, ec)) {
      ++*from_cache;
      continue;
    }
    commands.push_back(j.command);
    ran.push_back(&j);
  }
  const double seconds = commands.empty() ? 0 : RunParallel(commands, n);
  if (!cache.empty()) {
    fs::create_directories(cache);
    for (const Job* j : ran) {
      std::error_code ec;
      if (fs::exists(j->output)) fs::copy_file(j->output, cache / (j->key + ".txt"), fs::copy_options::overwrite_existing, ec);
    }
  }
  return seconds;
}

bool HaveCommand(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

struct EngineResult {
  std::string name;
  std::string command;  // how it was run, for the report
  PageTexts texts;
  double seconds = 0;
  bool ran = false;
};

Object::Ptr Obj() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

double R(double v, double scale = 10000) { return std::round(v * scale) / scale; }

Object::Ptr TextJson(const TextScore& s) {
  Object::Ptr o = Obj();
  o->set("pages", s.all.pages);
  o->set("cer", R(s.all.cer, 1e6));
  o->set("word_recall", R(s.all.word_recall));
  Object::Ptr b = Obj();
  for (const char* k : {"none", "light", "medium", "heavy"}) {
    auto it = s.by_strength.find(k);
    if (it == s.by_strength.end()) continue;
    Object::Ptr x = Obj();
    x->set("pages", it->second.pages);
    x->set("cer", R(it->second.cer, 1e6));
    x->set("word_recall", R(it->second.word_recall));
    b->set(k, x);
  }
  o->set("by_strength", b);
  return o;
}


std::string Pct(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f%%", 100 * v);
  return b;
}
std::string Num(double v, int digits = 3) {
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", digits, v);
  return b;
}

// Real pages: each file, every engine side by side (CER / word recall).
void PrintPerFile(const std::vector<TruthDossier>& truth, const std::vector<const EngineResult*>& engines) {
  std::printf("\n%-40s", "file (CER / word recall)");
  for (const EngineResult* e : engines)
    if (e->ran) std::printf(" %20s", e->name.c_str());
  std::printf("\n");
  for (const auto& t : truth) {
    std::printf("%-40s", t.file.c_str());
    for (const EngineResult* e : engines) {
      if (!e->ran) continue;
      const TextScore one = ScoreText({t}, e->texts);
      std::printf("   %7.2f%% / %6.3f", 100 * one.all.cer, one.all.word_recall);
    }
    std::printf("\n");
  }
}

// Real pages with plain-text truth: every input file in `set` that has a
// NAME.gt.txt (see TruthTextFor) in `set` or one of `truth_dirs`.
hoso::Status LoadTextTruth(const std::string& set, const std::vector<std::string>& truth_dirs,
                           std::vector<TruthDossier>* truth) {
  std::vector<std::string> dirs = {set};
  dirs.insert(dirs.end(), truth_dirs.begin(), truth_dirs.end());
  std::vector<std::string> names;
  std::map<std::string, fs::path> where;  // truth file name -> its path (the first directory wins)
  std::error_code ec;
  for (const auto& d : dirs)
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.is_regular_file() && e.path().filename().string().ends_with(".gt.txt") &&
          !where.count(e.path().filename().string())) {
        names.push_back(e.path().filename().string());
        where[names.back()] = e.path();
      }
  if (ec) return hoso::Status::Error(hoso::ErrorCode::kInvalidArgument, "cannot list " + set + ": " + ec.message());
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(set, ec))
    if (e.is_regular_file() && hoso::HasSupportedExtension(e.path().string()))
      inputs.push_back(e.path().filename().string());
  std::sort(inputs.begin(), inputs.end());
  for (const auto& file : inputs) {
    const auto t = TruthTextFor(file, names);
    if (!t) {
      std::cerr << "evaluate: no truth text for " << file << ", left out\n";
      continue;
    }
    truth->push_back(TruthFromText(file, ReadAll(where[*t])));
  }
  if (truth->empty())
    return hoso::Status::Error(hoso::ErrorCode::kInvalidArgument, "no file in " + set + " has a NAME.gt.txt truth");
  return hoso::Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  hoso::cli::Args args(std::vector<std::string>(argv + 1, argv + argc),
                       {"--set", "--report", "--hoso", "--hoso-json", "--jobs", "--lang", "--tesseract", "--ocrmypdf",
                        "--as-of", "--worst", "--cache", "--truth-dir"},
                       {"--keep-work", "--per-file", "--truth-text", "--help", "-h"});
  const std::string set = args.Value("--set").value_or("");
  std::string report = args.Value("--report").value_or("");
  const std::string hoso_bin = args.Value("--hoso").value_or("build/tools/hoso/hoso");
  const std::string hoso_json = args.Value("--hoso-json").value_or("");
  const std::string lang = args.Value("--lang").value_or("vie");
  const std::string tesseract_mode = args.Value("--tesseract").value_or("on");
  const std::string ocrmypdf_mode = args.Value("--ocrmypdf").value_or("auto");
  const std::string as_of = args.Value("--as-of").value_or("2026-01-01");
  const std::string cache = args.Value("--cache").value_or("");
  const int jobs = args.Int("--jobs", 2), worst_n = args.Int("--worst", 12);
  const bool keep_work = args.Flag("--keep-work"), truth_text = args.Flag("--truth-text"),
             per_file = args.Flag("--per-file");
  const std::vector<std::string> truth_dirs = args.Values("--truth-dir");
  if (auto exit = hoso::cli::HelpOrUsageError(args, "evaluate", kHelp)) return *exit;
  if (!truth_dirs.empty() && !truth_text) {
    std::cerr << "evaluate: --truth-dir goes with --truth-text\n";
    return 2;
  }
  if (set.empty() || jobs < 1) {
    std::cerr << kHelp;
    return 2;
  }
  if (report.empty()) report = (fs::path(set) / "report").string();
  fs::create_directories(fs::path(report) / "img");
  const fs::path work = fs::path(report) / "work";
  fs::remove_all(work);
  fs::create_directories(work);

  // The truth.
  std::vector<TruthDossier> truth;
  if (truth_text) {
    if (hoso::Status st = LoadTextTruth(set, truth_dirs, &truth); !st.ok()) {
      std::cerr << "evaluate: " << st.message() << "\n";
      return 2;
    }
  } else {
    std::ifstream in(fs::path(set) / "truth.jsonl");
    if (!in) {
      std::cerr << "evaluate: no truth.jsonl in " << set << " (real pages with text truth: --truth-text)\n";
      return 2;
    }
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      auto t = ParseTruth(line);
      if (!t.ok()) {
        std::cerr << "evaluate: " << t.status().message() << "\n";
        return 2;
      }
      truth.push_back(std::move(t).value());
    }
  }
  int total_pages = 0;
  for (const auto& t : truth) total_pages += static_cast<int>(t.pages.size());
  std::cerr << "evaluate: " << truth.size() << " dossiers, " << total_pages << " pages\n";

  // hoso, on exactly the set's files.
  EngineResult hoso{"hoso", "", {}, 0, false};
  std::map<std::string, hoso::DossierRecord> records;
  if (hoso_bin != "none") {
    fs::path json = hoso_json;
    if (json.empty()) {
      json = work / "hoso.jsonl";
      std::string cmd = Quote(hoso_bin) + " process --quiet --as-of " + as_of + " --jobs " + std::to_string(jobs) +
                        " --lang " + lang +
                        " --db " + Quote((work / "eval.db").string()) + " --json " + Quote(json.string());
      for (const auto& t : truth) cmd += " " + Quote((fs::path(set) / t.file).string());
      hoso.command = "hoso process --as-of " + as_of + " --jobs " + std::to_string(jobs) + " --lang " + lang;
      std::cerr << "evaluate: running hoso…\n";
      hoso.seconds = RunParallel({cmd + " >/dev/null 2>&1"}, 1);
    } else {
      hoso.command = "records read from " + hoso_json;
    }
    std::ifstream in(json);
    for (std::string line; std::getline(in, line);) {
      auto r = hoso::RecordFromJson(line);
      if (!r.ok()) continue;
      const std::string file = fs::path(r->source).filename().string();
      std::vector<std::string> texts;
      for (const auto& p : r->pages) texts.push_back(p.text);
      hoso.texts[file] = texts;
      records[file] = std::move(r).value();
    }
    hoso.ran = !records.empty();
    if (!hoso.ran) {
      std::cerr << "evaluate: no hoso records in " << json.string()
                << (hoso_json.empty() ? " (is --hoso " + hoso_bin + " the hoso binary?)" : "") << "\n";
      return 3;
    }
  }

  // The same pages as images for the other engines: decoded by hoso's
  // ingest at the file's own resolution, written losslessly.
  // Only the tesseract run needs them; PNG at low compression (the pages
  // are noisy scans: zlib's best effort costs minutes and saves little).
  // file -> (png, dpi stated by the file, or 0)
  std::map<std::string, std::vector<std::pair<fs::path, int>>> page_images;
  std::map<std::string, std::string> file_sha;  // file -> SHA-256 of its bytes, for the cache
  for (const auto& t : truth) file_sha[t.file] = hoso::Sha256Hex(ReadAll(fs::path(set) / t.file));
  const bool want_tesseract = tesseract_mode != "off" && HaveCommand("tesseract");
  if (want_tesseract) std::cerr << "evaluate: writing the pages as PNG for tesseract…\n";
  for (const auto& t : truth) {
    if (!want_tesseract) break;
    const std::string bytes = ReadAll(fs::path(set) / t.file);
    auto doc = hoso::OpenDocument(bytes, {});
    if (!doc.ok()) continue;
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto page = (*doc)->LoadPage(i);
      if (!page.ok()) continue;
      const fs::path png = work / (fs::path(t.file).stem().string() + "-p" + std::to_string(i) + ".png");
      cv::imwrite(png.string(), page->image, {cv::IMWRITE_PNG_COMPRESSION, 1});
      page_images[t.file].push_back({png, page->dpi_from_file ? page->dpi : 0});
    }
  }

  EngineResult tess{"tesseract", "", {}, 0, false};
  if (want_tesseract) {
    const std::string version = FirstLine("tesseract --version 2>&1");
    std::vector<Job> jobs_run;
    for (const auto& [file, pages] : page_images)
      for (size_t i = 0; i < pages.size(); ++i) {
        const auto& [png, dpi] = pages[i];
        // Without a resolution in the file, Tesseract estimates one itself.
        const std::string args = " -l " + lang + (dpi > 0 ? " --dpi " + std::to_string(dpi) : "");
        const fs::path out = png.parent_path() / (png.stem().string() + ".tess");
        jobs_run.push_back({"OMP_THREAD_LIMIT=1 tesseract " + Quote(png.string()) + " " + Quote(out.string()) + args +
                                " >/dev/null 2>&1",
                            out.string() + ".txt",
                            hoso::Sha256Hex(version + "\ntesseract" + args + "\n" + file_sha[file] + "\npage " +
                                            std::to_string(i))});
      }
    std::cerr << "evaluate: running tesseract on " << jobs_run.size() << " pages…\n";
    int cached = 0;
    tess.seconds = RunCached(jobs_run, jobs, cache.empty() ? fs::path() : fs::path(cache) / "tesseract", &cached);
    tess.command = "tesseract PAGE.png OUT -l " + lang + " [--dpi D] (xargs -P" + std::to_string(jobs) +
                   ", OMP_THREAD_LIMIT=1; " + version + ")";
    if (cached > 0) {
      tess.command += ", " + std::to_string(cached) + " of " + std::to_string(jobs_run.size()) + " pages from the cache";
      tess.seconds = 0;
    }
    for (const auto& [file, pages] : page_images)
      for (const auto& [png, dpi] : pages)
        tess.texts[file].push_back(ReadAll(png.parent_path() / (png.stem().string() + ".tess.txt")));
    tess.ran = true;
  }

  EngineResult ocrmypdf{"ocrmypdf", "", {}, 0, false};
  const bool want_ocrmypdf = ocrmypdf_mode == "on" || (ocrmypdf_mode == "auto" && HaveCommand("ocrmypdf"));
  if (want_ocrmypdf) {
    const std::string version = FirstLine("ocrmypdf --version 2>&1") + ", " + FirstLine("tesseract --version 2>&1");
    const std::string args = "--rotate-pages --deskew --clean -l " + lang + " --jobs 1";
    std::vector<Job> jobs_run;
    for (const auto& t : truth) {
      const fs::path out = work / (fs::path(t.file).stem().string() + ".ocrmypdf");
      jobs_run.push_back({"OMP_THREAD_LIMIT=1 ocrmypdf -q " + args + " --output-type pdf --sidecar " +
                              Quote(out.string() + ".txt") + " " + Quote((fs::path(set) / t.file).string()) + " " +
                              Quote(out.string() + ".pdf") + " >/dev/null 2>&1",
                          out.string() + ".txt",
                          hoso::Sha256Hex(version + "\nocrmypdf " + args + "\n" + file_sha[t.file])});
    }
    std::cerr << "evaluate: running ocrmypdf on " << jobs_run.size() << " files…\n";
    int cached = 0;
    ocrmypdf.seconds = RunCached(jobs_run, jobs, cache.empty() ? fs::path() : fs::path(cache) / "ocrmypdf", &cached);
    ocrmypdf.command = "ocrmypdf " + args + " (" + std::to_string(jobs) + " files at a time; " + version + ")";
    if (cached > 0) {
      ocrmypdf.command += ", " + std::to_string(cached) + " of " + std::to_string(jobs_run.size()) + " files from the cache";
      ocrmypdf.seconds = 0;
    }
    for (const auto& t : truth) {
      const std::string text = ReadAll(work / (fs::path(t.file).stem().string() + ".ocrmypdf.txt"));
      std::vector<std::string> pages;
      std::string cur;
      for (char c : text) {
        if (c == '\f') {
          pages.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      if (!cur.empty() || pages.empty()) pages.push_back(cur);
      ocrmypdf.texts[t.file] = pages;
    }
    ocrmypdf.ran = true;
  }

  if (!hoso.ran) {
    for (EngineResult* e : {&tess, &ocrmypdf}) {
      if (!e->ran) continue;
      const TextScore s = ScoreText(truth, e->texts);
      std::printf("%-10s %6d %7.3f%% %7.2f%% %9.1f\n", e->name.c_str(), s.all.pages, 100 * s.all.cer,
                  100 * s.all.word_recall, e->seconds);
    }
    if (truth_text) PrintPerFile(truth, {&tess, &ocrmypdf});
    if (!keep_work) fs::remove_all(work);
    return 0;
  }

  // Scores.
  Object::Ptr summary = Obj();
  Object::Ptr setj = Obj();
  setj->set("dir", set);
  setj->set("dossiers", static_cast<int>(truth.size()));
  setj->set("pages", total_pages);
  summary->set("set", setj);
  Object::Ptr engines = Obj();
  std::map<std::string, TextScore> text_scores;
  for (EngineResult* e : {&hoso, &tess, &ocrmypdf}) {
    if (!e->ran) continue;
    TextScore s = ScoreText(truth, e->texts);
    Object::Ptr o = TextJson(s);
    o->set("command", e->command);
    if (e->seconds > 0) {
      o->set("seconds", R(e->seconds, 100));
      o->set("pages_per_second", R(total_pages / e->seconds, 100));
      o->set("dossiers_per_second", R(truth.size() / e->seconds, 100));
    }
    engines->set(e->name, o);
    text_scores[e->name] = std::move(s);
  }
  summary->set("engines", engines);
  const PageScore pages = ScorePages(truth, records);
  Object::Ptr pj = Obj();
  pj->set("pages", pages.pages);
  pj->set("rotation_accuracy", R(pages.rotation_accuracy));
  pj->set("blank_accuracy", R(pages.blank_accuracy));
  pj->set("skew_pages", pages.skew_pages);
  pj->set("skew_median_error_deg", R(pages.skew_median_error, 100));
  pj->set("skew_p90_error_deg", R(pages.skew_p90_error, 100));
  summary->set("hoso_pages", pj);
  const FieldScore fields = ScoreFields(truth, records);
  Object::Ptr fj = Obj();
  fj->set("dossiers", fields.dossiers);
  fj->set("doc_type_accuracy", R(fields.doc_type_accuracy));
  fj->set("doc_date_accuracy", R(fields.doc_date_accuracy));
  fj->set("all_core_fields_accuracy", R(fields.all_core_fields_accuracy));
  fj->set("light_dossiers", fields.light_dossiers);
  fj->set("all_core_fields_light_accuracy", R(fields.all_core_fields_light_accuracy));
  Object::Ptr idj = Obj();
  idj->set("inconsistent", fields.inconsistent_ids);
  idj->set("inconsistent_caught", fields.inconsistent_caught);
  idj->set("consistent", fields.consistent_ids);
  idj->set("consistent_flagged", fields.consistent_flagged);
  fj->set("id_checks", idj);
  Object::Ptr per = Obj();
  for (const auto& [k, v] : fields.field_accuracy) per->set(k, R(v));
  fj->set("field_accuracy", per);
  summary->set("hoso_fields", fj);
  const AddressScore addr = ScoreAddresses(truth, records);
  Object::Ptr aj = Obj();
  aj->set("dossiers", addr.dossiers);
  aj->set("status_accuracy", R(addr.status_accuracy));
  aj->set("outdated", addr.outdated);
  aj->set("suggestion_accuracy", R(addr.suggestion_accuracy));
  aj->set("ambiguous", addr.ambiguous);
  aj->set("candidates_accuracy", R(addr.candidates_accuracy));
  summary->set("hoso_address", aj);
  Object::Ptr ratios = Obj();
  if (text_scores.count("hoso") && text_scores.count("tesseract") && text_scores["tesseract"].all.cer > 0)
    ratios->set("cer_hoso_over_tesseract", R(text_scores["hoso"].all.cer / text_scores["tesseract"].all.cer));
  if (text_scores.count("hoso") && text_scores.count("ocrmypdf") && text_scores["ocrmypdf"].all.cer > 0)
    ratios->set("cer_hoso_over_ocrmypdf", R(text_scores["hoso"].all.cer / text_scores["ocrmypdf"].all.cer));
  if (hoso.seconds > 0 && tess.seconds > 0) ratios->set("speed_hoso_over_tesseract", R(tess.seconds / hoso.seconds));
  summary->set("ratios", ratios);
  {
    std::ofstream out(fs::path(report) / "summary.json");
    summary->stringify(out, 2);
  }

  // The readable report.
  std::ostringstream h;
  h << "<!doctype html><meta charset=utf-8><title>hoso evaluation</title><style>"
       "body{font:14px sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
       "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}"
       "td:first-child,th:first-child{text-align:left}pre{white-space:pre-wrap;font-size:12px;margin:0}"
       ".case{display:flex;gap:1em;border-top:1px solid #ddd;padding:1em 0}.case img{width:320px;border:1px solid #ccc}"
       "</style><h1>hoso evaluation</h1><p>Set <code>"
    << hoso::HtmlEscape(set) << "</code>: " << truth.size() << " dossiers, " << total_pages << " pages.</p>";
  h << "<h2>Page text</h2><table><tr><th>engine<th>pages<th>CER<th>word recall<th>seconds<th>pages/s";
  for (const char* b : {"none", "light", "medium", "heavy"}) h << "<th>CER " << b;
  for (EngineResult* e : {&hoso, &tess, &ocrmypdf}) {
    if (!e->ran) continue;
    const auto& s = text_scores[e->name];
    h << "<tr><td>" << e->name << "<br><small>" << hoso::HtmlEscape(e->command) << "</small><td>" << s.all.pages << "<td>"
      << Pct(s.all.cer) << "<td>" << Pct(s.all.word_recall) << "<td>" << (e->seconds > 0 ? Num(e->seconds, 1) : "–")
      << "<td>" << (e->seconds > 0 ? Num(total_pages / e->seconds, 2) : "–");
    for (const char* b : {"none", "light", "medium", "heavy"}) {
      auto it = s.by_strength.find(b);
      h << "<td>" << (it == s.by_strength.end() ? "–" : Pct(it->second.cer) + " (" + std::to_string(it->second.pages) + ")");
    }
  }
  h << "</table>";
  // A small bar chart: CER by damage strength, one bar per engine.
  {
    const int W = 640, H = 220, left = 40;
    double max_cer = 0.05;
    for (const auto& [n, s] : text_scores)
      for (const auto& [b, st] : s.by_strength) max_cer = std::max(max_cer, st.cer);
    const char* colours[] = {"#2b7bb9", "#d95f02", "#7570b3"};
    h << "<svg width=" << W << " height=" << H + 40 << " role=img aria-label='CER by damage strength'>";
    int bucket = 0;
    for (const char* b : {"none", "light", "medium", "heavy"}) {
      const int x0 = left + bucket * 150;
      h << "<text x=" << x0 + 40 << " y=" << H + 20 << " font-size=12>" << b << "</text>";
      int k = 0;
      for (EngineResult* e : {&hoso, &tess, &ocrmypdf}) {
        if (!e->ran) continue;
        auto it = text_scores[e->name].by_strength.find(b);
        const double v = it == text_scores[e->name].by_strength.end() ? 0 : it->second.cer;
        const int bh = static_cast<int>(H * std::min(1.0, v / max_cer));
        h << "<rect x=" << x0 + k * 36 << " y=" << H - bh << " width=30 height=" << bh << " fill='" << colours[k]
          << "'><title>" << e->name << " " << Pct(v) << "</title></rect>";
        ++k;
      }
      ++bucket;
    }
    int k = 0;
    for (EngineResult* e : {&hoso, &tess, &ocrmypdf}) {
      if (!e->ran) continue;
      h << "<rect x=" << left + k * 120 << " y=" << H + 28 << " width=10 height=10 fill='" << colours[k]
        << "'/><text x=" << left + k * 120 + 14 << " y=" << H + 38 << " font-size=12>" << e->name << "</text>";
      ++k;
    }
    h << "</svg><p><small>Page CER by damage strength (bar height up to " << Pct(max_cer) << ").</small></p>";
  }
  h << "<h2>Pages (hoso)</h2><table><tr><th>pages<th>rotation right<th>blank right<th>skew median error<th>skew p90"
    << "<tr><td>" << pages.pages << "<td>" << Pct(pages.rotation_accuracy) << "<td>" << Pct(pages.blank_accuracy)
    << "<td>" << Num(pages.skew_median_error, 2) << "°<td>" << Num(pages.skew_p90_error, 2) << "°</table>";
  h << "<h2>Documents and fields (hoso)</h2><table><tr><th>measure<th>accuracy"
    << "<tr><td>document type<td>" << Pct(fields.doc_type_accuracy) << "<tr><td>document date<td>"
    << Pct(fields.doc_date_accuracy) << "<tr><td>every core field right<td>" << Pct(fields.all_core_fields_accuracy)
    << "<tr><td>every core field right, light damage at most<td>" << Pct(fields.all_core_fields_light_accuracy)
    << "<tr><td>inconsistent IDs caught<td>" << fields.inconsistent_caught << " of " << fields.inconsistent_ids
    << "<tr><td>consistent IDs flagged<td>" << fields.consistent_flagged << " of " << fields.consistent_ids;
  for (const auto& [k, v] : fields.field_accuracy)
    h << "<tr><td>" << k << " (" << fields.field_counts.at(k) << ")<td>" << Pct(v);
  h << "</table><h2>Addresses (hoso)</h2><table><tr><th>measure<th>n<th>accuracy"
    << "<tr><td>status<td>" << addr.dossiers << "<td>" << Pct(addr.status_accuracy) << "<tr><td>suggested ward (outdated)<td>"
    << addr.outdated << "<td>" << Pct(addr.suggestion_accuracy) << "<tr><td>candidates (split)<td>" << addr.ambiguous
    << "<td>" << Pct(addr.candidates_accuracy) << "</table>";
  // The worst pages for hoso, with their images.
  if (text_scores.count("hoso")) {
    auto worst = text_scores["hoso"].pages;
    std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.cer > b.cer; });
    if (worst.size() > static_cast<size_t>(worst_n)) worst.resize(worst_n);
    h << "<h2>Worst pages (hoso)</h2>";
    for (const auto& w : worst) {
      std::string img;
      auto it = page_images.find(w.file);
      if (it != page_images.end() && static_cast<size_t>(w.index) < it->second.size()) {
        cv::Mat m = cv::imread(it->second[w.index].first.string(), cv::IMREAD_COLOR);
        if (!m.empty()) {
          cv::resize(m, m, cv::Size(400, m.rows * 400 / m.cols), 0, 0, cv::INTER_AREA);
          img = "img/" + fs::path(w.file).stem().string() + "-p" + std::to_string(w.index) + ".jpg";
          cv::imwrite((fs::path(report) / img).string(), m);
        }
      }
      const TruthDossier* t = nullptr;
      for (const auto& d : truth)
        if (d.file == w.file) t = &d;
      const std::string got = hoso.texts.count(w.file) && static_cast<size_t>(w.index) < hoso.texts[w.file].size()
                                  ? hoso.texts[w.file][w.index]
                                  : "";
      h << "<div class=case>" << (img.empty() ? "" : "<img src='" + img + "'>") << "<div><b>" << hoso::HtmlEscape(w.file)
        << " page " << w.index + 1 << "</b>: CER " << Pct(w.cer) << ", damage " << Num(w.strength, 2)
        << "<table><tr><th>truth<th>hoso<tr><td style='text-align:left'><pre>"
        << hoso::HtmlEscape(t ? t->pages[w.index].text : "") << "</pre><td style='text-align:left'><pre>" << hoso::HtmlEscape(got)
        << "</pre></table></div></div>";
    }
  }
  std::ofstream(fs::path(report) / "report.html") << h.str();

  // The terminal summary.
  std::printf("\n%-10s %6s %8s %8s %9s %9s\n", "engine", "pages", "CER", "recall", "seconds", "pages/s");
  for (EngineResult* e : {&hoso, &tess, &ocrmypdf}) {
    if (!e->ran) continue;
    const auto& s = text_scores[e->name];
    std::printf("%-10s %6d %7.3f%% %7.2f%% %9.1f %9.2f\n", e->name.c_str(), s.all.pages, 100 * s.all.cer,
                100 * s.all.word_recall, e->seconds, e->seconds > 0 ? total_pages / e->seconds : 0.0);
    for (const char* b : {"none", "light", "medium", "heavy"}) {
      auto it = s.by_strength.find(b);
      if (it != s.by_strength.end())
        std::printf("  %-8s %6d %7.3f%% %7.2f%%\n", b, it->second.pages, 100 * it->second.cer,
                    100 * it->second.word_recall);
    }
  }
  if (truth_text) {
    PrintPerFile(truth, {&hoso, &tess, &ocrmypdf});
    int blank_called = 0;
    for (const auto& [file, r] : records)
      for (const auto& p : r.pages) blank_called += p.blank;
    std::printf("\nhoso called %d of %d pages with text blank\n", blank_called, total_pages);
    std::printf("\nreport: %s/report.html, %s/summary.json\n", report.c_str(), report.c_str());
    if (!keep_work) fs::remove_all(work);
    return 0;
  }
  if (per_file) PrintPerFile(truth, {&hoso, &tess, &ocrmypdf});
  std::printf("\nhoso pages: rotation %.1f%%, blank %.1f%%, skew error median %.2f° p90 %.2f° (%d pages)\n",
              100 * pages.rotation_accuracy, 100 * pages.blank_accuracy, pages.skew_median_error,
              pages.skew_p90_error, pages.skew_pages);
  std::printf("hoso documents: type %.1f%%, date %.1f%%, every core field %.1f%%\n", 100 * fields.doc_type_accuracy,
              100 * fields.doc_date_accuracy, 100 * fields.all_core_fields_accuracy);
  std::printf("  every core field, light damage at most: %.1f%% (%d dossiers)\n",
              100 * fields.all_core_fields_light_accuracy, fields.light_dossiers);
  for (const auto& [k, v] : fields.field_accuracy) std::printf("  %-18s %.1f%%\n", k.c_str(), 100 * v);
  std::printf("hoso ID checks: %d of %d inconsistent IDs caught, %d of %d consistent ones flagged\n",
              fields.inconsistent_caught, fields.inconsistent_ids, fields.consistent_flagged, fields.consistent_ids);
  std::printf("hoso addresses: status %.1f%% (%d), suggestion %.1f%% (%d outdated), candidates %.1f%% (%d split)\n",
              100 * addr.status_accuracy, addr.dossiers, 100 * addr.suggestion_accuracy, addr.outdated,
              100 * addr.candidates_accuracy, addr.ambiguous);
  std::printf("\nreport: %s/report.html, %s/summary.json\n", report.c_str(), report.c_str());
  if (!keep_work) fs::remove_all(work);
  return 0;
}

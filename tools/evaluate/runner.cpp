#include "runner.h"

#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/record_json.h"
#include "ingest/ingest.h"

namespace evaluate {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool HaveCommand(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

namespace {

double Now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
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
        if (std::system(commands[i].c_str()) != 0) { /* the engine's miss shows as empty text */
        }
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
      if (fs::exists(j->output))
        fs::copy_file(j->output, cache / (j->key + ".txt"), fs::copy_options::overwrite_existing, ec);
    }
  }
  return seconds;
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
    // An official document's header truth beside it: NAME.truth.json.
    const std::string header = fs::path(file).stem().string() + ".truth.json";
    for (const auto& d : dirs)
      if (fs::exists(fs::path(d) / header)) {
        truth->back().header = ParseTruthHeader(ReadAll(fs::path(d) / header));
        break;
      }
  }
  if (truth->empty())
    return hoso::Status::Error(hoso::ErrorCode::kInvalidArgument, "no file in " + set + " has a NAME.gt.txt truth");
  return hoso::Status::Ok();
}

}  // namespace

hoso::Status LoadTruth(const Settings& s, std::vector<TruthDossier>* truth) {
  if (s.truth_text) {
    return LoadTextTruth(s.set, s.truth_dirs, truth);
  } else {
    std::ifstream in(fs::path(s.set) / "truth.jsonl");
    if (!in)
      return hoso::Status::Error(hoso::ErrorCode::kInvalidArgument,
                                 "no truth.jsonl in " + s.set + " (real pages with text truth: --truth-text)");
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      auto t = ParseTruth(line);
      if (!t.ok()) return t.status();
      truth->push_back(std::move(t).value());
    }
  }
  return hoso::Status::Ok();
}

hoso::Status RunHoso(const Settings& s, const std::vector<TruthDossier>& truth, EngineResult* hoso,
                     std::map<std::string, hoso::DossierRecord>* records) {
  if (s.hoso_bin != "none") {
    fs::path json = s.hoso_json;
    if (json.empty()) {
      json = s.work / "hoso.jsonl";
      std::string cmd = Quote(s.hoso_bin) + " process --quiet --as-of " + s.as_of + " --jobs " +
                        std::to_string(s.jobs) + " --lang " + s.lang + " --db " + Quote((s.work / "eval.db").string()) +
                        " --json " + Quote(json.string());
      for (const auto& t : truth) cmd += " " + Quote((fs::path(s.set) / t.file).string());
      hoso->command = "hoso process --as-of " + s.as_of + " --jobs " + std::to_string(s.jobs) + " --lang " + s.lang;
      std::cerr << "evaluate: running hoso…\n";
      hoso->seconds = RunParallel({cmd + " >/dev/null 2>&1"}, 1);
    } else {
      hoso->command = "records read from " + s.hoso_json;
    }
    std::ifstream in(json);
    for (std::string line; std::getline(in, line);) {
      auto r = hoso::RecordFromJson(line);
      if (!r.ok()) continue;
      const std::string file = fs::path(r->source).filename().string();
      std::vector<std::string> texts;
      for (const auto& p : r->pages) texts.push_back(p.text);
      hoso->texts[file] = texts;
      (*records)[file] = std::move(r).value();
    }
    hoso->ran = !records->empty();
    if (!hoso->ran)
      return hoso::Status::Error(hoso::ErrorCode::kInternal,
                                 "no hoso records in " + json.string() +
                                     (s.hoso_json.empty() ? " (is --hoso " + s.hoso_bin + " the hoso binary?)" : ""));
  }
  return hoso::Status::Ok();
}

std::map<std::string, std::string> FileHashes(const Settings& s, const std::vector<TruthDossier>& truth) {
  std::map<std::string, std::string> file_sha;  // file -> SHA-256 of its bytes
  for (const auto& t : truth) file_sha[t.file] = hoso::Sha256Hex(ReadAll(fs::path(s.set) / t.file));
  return file_sha;
}

PageImages WritePageImages(const Settings& s, const std::vector<TruthDossier>& truth) {
  // PNG at low compression (the pages are noisy scans: zlib's best effort
  // costs minutes and saves little).
  PageImages page_images;
  std::cerr << "evaluate: writing the pages as PNG for tesseract…\n";
  for (const auto& t : truth) {
    const std::string bytes = ReadAll(fs::path(s.set) / t.file);
    auto doc = hoso::OpenDocument(bytes, {});
    if (!doc.ok()) continue;
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto page = (*doc)->LoadPage(i);
      if (!page.ok()) continue;
      const fs::path png = s.work / (fs::path(t.file).stem().string() + "-p" + std::to_string(i) + ".png");
      cv::imwrite(png.string(), page->image, {cv::IMWRITE_PNG_COMPRESSION, 1});
      page_images[t.file].push_back({png, page->dpi_from_file ? page->dpi : 0});
    }
  }
  return page_images;
}

EngineResult RunTesseract(const Settings& s, const PageImages& page_images,
                          const std::map<std::string, std::string>& file_sha) {
  EngineResult tess{"tesseract", "", {}, 0, false};
  {
    const std::string version = FirstLine("tesseract --version 2>&1");
    std::vector<Job> jobs_run;
    for (const auto& [file, pages] : page_images)
      for (size_t i = 0; i < pages.size(); ++i) {
        const auto& [png, dpi] = pages[i];
        // Without a resolution in the file, Tesseract estimates one itself.
        const std::string args = " -l " + s.lang + (dpi > 0 ? " --dpi " + std::to_string(dpi) : "");
        const fs::path out = png.parent_path() / (png.stem().string() + ".tess");
        jobs_run.push_back({"OMP_THREAD_LIMIT=1 tesseract " + Quote(png.string()) + " " + Quote(out.string()) + args +
                                " >/dev/null 2>&1",
                            out.string() + ".txt",
                            hoso::Sha256Hex(version + "\ntesseract" + args + "\n" + file_sha.at(file) + "\npage " +
                                            std::to_string(i))});
      }
    std::cerr << "evaluate: running tesseract on " << jobs_run.size() << " pages…\n";
    int cached = 0;
    tess.seconds = RunCached(jobs_run, s.jobs, s.cache.empty() ? fs::path() : fs::path(s.cache) / "tesseract", &cached);
    tess.command = "tesseract PAGE.png OUT -l " + s.lang + " [--dpi D] (xargs -P" + std::to_string(s.jobs) +
                   ", OMP_THREAD_LIMIT=1; " + version + ")";
    if (cached > 0) {
      tess.command +=
          ", " + std::to_string(cached) + " of " + std::to_string(jobs_run.size()) + " pages from the cache";
      tess.seconds = 0;
    }
    for (const auto& [file, pages] : page_images)
      for (const auto& [png, dpi] : pages)
        tess.texts[file].push_back(ReadAll(png.parent_path() / (png.stem().string() + ".tess.txt")));
    tess.ran = true;
  }
  return tess;
}

EngineResult RunOcrmypdf(const Settings& s, const std::vector<TruthDossier>& truth,
                         const std::map<std::string, std::string>& file_sha) {
  EngineResult ocrmypdf{"ocrmypdf", "", {}, 0, false};
  {
    const std::string version = FirstLine("ocrmypdf --version 2>&1") + ", " + FirstLine("tesseract --version 2>&1");
    const std::string args = "--rotate-pages --deskew --clean -l " + s.lang + " --jobs 1";
    std::vector<Job> jobs_run;
    for (const auto& t : truth) {
      const fs::path out = s.work / (fs::path(t.file).stem().string() + ".ocrmypdf");
      jobs_run.push_back({"OMP_THREAD_LIMIT=1 ocrmypdf -q " + args + " --output-type pdf --sidecar " +
                              Quote(out.string() + ".txt") + " " + Quote((fs::path(s.set) / t.file).string()) + " " +
                              Quote(out.string() + ".pdf") + " >/dev/null 2>&1",
                          out.string() + ".txt",
                          hoso::Sha256Hex(version + "\nocrmypdf " + args + "\n" + file_sha.at(t.file))});
    }
    std::cerr << "evaluate: running ocrmypdf on " << jobs_run.size() << " files…\n";
    int cached = 0;
    ocrmypdf.seconds =
        RunCached(jobs_run, s.jobs, s.cache.empty() ? fs::path() : fs::path(s.cache) / "ocrmypdf", &cached);
    ocrmypdf.command = "ocrmypdf " + args + " (" + std::to_string(s.jobs) + " files at a time; " + version + ")";
    if (cached > 0) {
      ocrmypdf.command +=
          ", " + std::to_string(cached) + " of " + std::to_string(jobs_run.size()) + " files from the cache";
      ocrmypdf.seconds = 0;
    }
    for (const auto& t : truth) {
      const std::string text = ReadAll(s.work / (fs::path(t.file).stem().string() + ".ocrmypdf.txt"));
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
  return ocrmypdf;
}

}  // namespace evaluate

// evaluate's engines: the set's truth read, hoso run on the set's files,
// the same pages written as images, and the tesseract CLI and ocrmypdf run
// on them in the same run (through a cache of their texts, when given).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/record.h"
#include "core/status.h"
#include "scoring.h"

namespace evaluate {

// What the command line asked for (see evaluate --help).
struct Settings {
  std::string set, report, hoso_bin, hoso_json, lang, tesseract_mode, ocrmypdf_mode, as_of, cache;
  int jobs = 2, worst_n = 12;
  bool keep_work = false, truth_text = false, per_file = false;
  std::vector<std::string> truth_dirs;
  std::filesystem::path work;  // REPORT/work: the engines' files
};

struct EngineResult {
  std::string name;
  std::string command;  // how it was run, for the report
  PageTexts texts;
  double seconds = 0;
  bool ran = false;
};

// file -> its pages as PNG, each with the resolution its file states (0: none).
using PageImages = std::map<std::string, std::vector<std::pair<std::filesystem::path, int>>>;

std::string ReadAll(const std::filesystem::path& p);
bool HaveCommand(const std::string& name);

// The set's truth: DIR/truth.jsonl, or with --truth-text the NAME.gt.txt files.
hoso::Status LoadTruth(const Settings& s, std::vector<TruthDossier>* truth);

// hoso on exactly the set's files (or its records read from --hoso-json):
// its page texts in `hoso`, its records by file name.
hoso::Status RunHoso(const Settings& s, const std::vector<TruthDossier>& truth, EngineResult* hoso,
                     std::map<std::string, hoso::DossierRecord>* records);

// Each file's SHA-256, for the cache's keys.
std::map<std::string, std::string> FileHashes(const Settings& s, const std::vector<TruthDossier>& truth);

// The pages as images for the other engines: decoded by hoso's ingest at
// the file's own resolution, written losslessly.
PageImages WritePageImages(const Settings& s, const std::vector<TruthDossier>& truth);

EngineResult RunTesseract(const Settings& s, const PageImages& page_images,
                          const std::map<std::string, std::string>& file_sha);
EngineResult RunOcrmypdf(const Settings& s, const std::vector<TruthDossier>& truth,
                         const std::map<std::string, std::string>& file_sha);

}  // namespace evaluate

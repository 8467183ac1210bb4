// The end-of-batch report: counts by status and by flag, pages per second,
// the slowest files, the rejected ones with their reasons and every page
// called blank (not read) with its picture — for the terminal, and as JSON
// and HTML (--report PATH).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "batch/batch.h"
#include "core/say.h"

namespace hoso::cli {

class BatchReport {
 public:
  void Add(const DossierRecord& record, double seconds, int pages);
  // `pictures`: the blank pages' pictures folder, as the report links it.
  std::string Json(const BatchSummary& summary, const std::string& pictures) const;
  std::string Html(const BatchSummary& summary, const std::string& pictures) const;
  // The lines after the one-line summary: flags, slowest, rejected.
  std::string Terminal(const Say& say) const;  // in the terminal's language (TerminalLanguage)
  // Writes PREFIX.json and PREFIX.html (PATH without a .json/.html ending).
  Status Write(const std::string& path, const BatchSummary& summary) const;
  // PATH without a .json/.html ending.
  static std::string Prefix(const std::string& path);
  // Where the batch keeps the pictures of blank pages for the report at
  // PATH (BatchOptions::blank_dir): PREFIX-blank, beside the report.
  static std::string BlankPicturesDir(const std::string& path);

 private:
  struct Done {
    std::string source;
    double seconds;
    int pages;
  };
  std::vector<Done> done_;
  std::map<std::string, int> flags_;
  std::vector<std::pair<std::string, ErrorInfo>> rejected_;
  struct BlankPage {
    std::string source;
    int page;             // from 1
    std::string picture;  // file name in the pictures folder
  };
  std::vector<BlankPage> blank_;
  int inputs_ = 0;
  std::vector<Done> Slowest(size_t n) const;
};

}  // namespace hoso::cli

// The end-of-batch report: counts by status and by flag, pages per second,
// the slowest files and the rejected ones with their reasons — for the
// terminal, and as JSON and HTML (--report PATH).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "batch/batch.h"

namespace hoso::cli {

class BatchReport {
 public:
  void Add(const DossierRecord& record, double seconds, int pages);
  std::string Json(const BatchSummary& summary) const;
  std::string Html(const BatchSummary& summary) const;
  // The lines after the one-line summary: flags, slowest, rejected.
  std::string Terminal() const;
  // Writes PREFIX.json and PREFIX.html (PATH without a .json/.html ending).
  Status Write(const std::string& path, const BatchSummary& summary) const;

 private:
  struct Done {
    std::string source;
    double seconds;
    int pages;
  };
  std::vector<Done> done_;
  std::map<std::string, int> flags_;
  std::vector<std::pair<std::string, ErrorInfo>> rejected_;
  int inputs_ = 0;
  std::vector<Done> Slowest(size_t n) const;
};

}  // namespace hoso::cli

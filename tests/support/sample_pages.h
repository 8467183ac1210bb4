// Every page of the bundled samples, decoded by hoso's ingest: for tests
// that check a step on all of them. Header-only: only tests that link the
// ingest stage include it.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "support/test_support.h"

namespace hoso::test {

struct SamplePage {
  std::string file;  // e.g. "dossier-0003.tif"
  SourcePage page;
};

inline std::vector<SamplePage> SamplePages() {
  std::vector<SamplePage> out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(SamplesDir()))
    if (HasSupportedExtension(entry.path().string())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto doc = OpenDocument(ReadFile(path), {});
    if (!doc.ok()) {
      ADD_FAILURE() << path << ": " << doc.status().ToString();
      continue;
    }
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto page = (*doc)->LoadPage(i);
      if (!page.ok()) {
        ADD_FAILURE() << path << " page " << i << ": " << page.status().ToString();
        continue;
      }
      out.push_back({path.filename().string(), std::move(page).value()});
    }
  }
  return out;
}

}  // namespace hoso::test

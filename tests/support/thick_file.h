// A thick file for the tests of pages read in parallel: the bundled
// samples' pages, in the order given, written as one multi-page file, with
// each page's true text. Header-only: only tests that link the ingest stage,
// samplegen's writers and Poco::JSON include it.
#pragma once

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/text_metrics.h"
#include "support/sample_pages.h"
#include "writers.h"

namespace hoso::test {

struct ThickFile {
  std::string path;
  std::vector<std::string> truths;  // each page's text, in the file's order
};

// Every page of the samples, `copies` times over, written to `path` (its
// format from its extension: .tif or .pdf).
inline ThickFile WriteThickFile(const std::string& path, int copies) {
  std::map<std::string, std::vector<std::string>> truth_pages;
  std::ifstream in((SamplesDir() / "truth.jsonl").string());
  for (std::string line; std::getline(in, line);) {
    auto t = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    auto pages = t->getArray("pages");
    for (size_t i = 0; i < pages->size(); ++i) {
      std::string text;
      auto lines = pages->getObject(i)->getArray("lines");
      for (size_t k = 0; k < lines->size(); ++k) text += lines->getElement<std::string>(k) + "\n";
      truth_pages[t->getValue<std::string>("file")].push_back(text);
    }
  }
  ThickFile thick{path, {}};
  std::vector<samplegen::OutPage> pages;
  const auto samples = SamplePages();
  for (int c = 0; c < copies; ++c)
    for (const auto& sample : samples) {
      pages.push_back({sample.page.image, sample.page.dpi});
      thick.truths.push_back(truth_pages.at(sample.file).at(sample.page.index));
    }
  const std::string format = path.size() > 4 && path.substr(path.size() - 4) == ".pdf" ? "pdf" : "tiff";
  EXPECT_TRUE(samplegen::WritePages(path, format, pages, 90)) << path;
  return thick;
}

// Each page of `texts` (as read, in order) is the page of `thick` at its
// place: its text within `max_cer` of that page's truth.
inline void ExpectPagesInOrder(const std::vector<std::string>& texts, const ThickFile& thick, double max_cer = 0.15) {
  ASSERT_EQ(texts.size(), thick.truths.size());
  for (size_t i = 0; i < texts.size(); ++i)
    EXPECT_LT(CharacterErrorRate(thick.truths[i], texts[i]), max_cer) << "page " << i + 1 << " read as:\n" << texts[i];
}

}  // namespace hoso::test

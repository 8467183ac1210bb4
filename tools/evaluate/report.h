// evaluate's report: every engine that ran scored against the truth, in
// REPORT/summary.json, REPORT/report.html (with hoso's worst pages) and on
// the terminal.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/record.h"
#include "runner.h"
#include "scoring.h"

namespace evaluate {

// The engines of one run, hoso first (those that did not run are left out).
struct Engines {
  EngineResult hoso{"hoso", "", {}, 0, false};
  EngineResult tesseract{"tesseract", "", {}, 0, false};
  EngineResult ocrmypdf{"ocrmypdf", "", {}, 0, false};
  std::vector<const EngineResult*> ran() const;
};

// Text scores only (hoso not run: the other engines' cache being filled).
void PrintTextScores(const std::vector<TruthDossier>& truth, const Engines& engines);

// Real pages: each file, every engine side by side (CER / word recall).
void PrintPerFile(const std::vector<TruthDossier>& truth, const Engines& engines);

// Everything: summary.json, report.html, the terminal summary.
void Report(const Settings& s, const std::vector<TruthDossier>& truth, const Engines& engines,
            const std::map<std::string, hoso::DossierRecord>& records, const PageImages& page_images);

}  // namespace evaluate

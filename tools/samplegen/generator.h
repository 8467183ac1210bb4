// One generated dossier: the document drawn, its pages damaged, the file
// format chosen, and the ground truth as JSON. Deterministic from its seed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "damage.h"
#include "forms.h"
#include "people.h"
#include "transition.h"

namespace samplegen {

struct GeneratorOptions {
  std::string profile = "mixed";  // none | light | mixed | heavy
  double blank_rate = 0.15;       // chance of a blank back after the form
  // Chance of the fee receipt (a narrow till strip) as the last page; below
  // 0: the profile's own (photo and fax 0.3; the others 0, so that their
  // seeds make the same sets as before receipts were drawn).
  double receipt_rate = -1;
  double inconsistent_id_rate = 0.1;
  bool gray = false;     // grey pages (a scanner's document mode)
  int fixed_dpi = 0;     // every page at this resolution (0: drawn)
  int max_quality = 92;  // JPEG quality cap
  std::vector<std::string> formats = {"png", "jpeg", "tiff", "pdf"};
  // Chance that a document dated after 1 July 2025 has its address written
  // the way people write it during the transition (transition.h).
  double transition_rate = 0.25;
  // Forms drawn from a layout list (label wordings, arrangements, other
  // people on the page); null: the five fixed forms.
  const LayoutList* layouts = nullptr;
  // Chance that a form whose template has a "form" section is drawn as the
  // legal text prints it (official.h); drawn from a stream of its own, so
  // that at 0 every seed makes what it made before.
  double official_rate = 0;
  const std::map<std::string, OfficialForm>* official = nullptr;
  // Chance that a dossier is an official document (letters.h) instead of a
  // citizen's form; drawn from a stream of its own (at 0 every seed makes
  // what it made before).
  double letter_rate = 0;
};

struct GeneratedPage {
  std::string kind;  // form | id_copy | blank | receipt
  std::vector<std::string> lines;
  Damage damage;
  cv::Mat clean;    // 300 dpi, as drawn
  cv::Mat damaged;  // as scanned
};

struct GeneratedDossier {
  Dossier dossier;
  std::vector<GeneratedPage> pages;
  std::string format;  // png | jpeg | tiff | pdf
  // Drawn as the legal text prints it: the fields its page printed (the
  // truth's fields are these, and what the ID copy shows).
  bool official = false;
  std::map<std::string, std::string> printed;
  int jpeg_quality = 92;
  // An official document: its header as an archive records it.
  std::optional<Letter> letter;
};

// `index` picks the format in turn; `seed` draws everything else.
// `transition` (built on `units`) writes the transition's addresses and
// gives a document dated after the reform the verdict both readings of its
// address lead to; without it addresses are written in full.
GeneratedDossier Generate(int index, std::uint64_t seed, const UnitTable& units, FormRenderer& renderer,
                          const GeneratorOptions& options, const TransitionWriter* transition = nullptr);

// The truth file's JSON (one line) for a dossier written as `file`.
std::string TruthJson(const GeneratedDossier& d, const std::string& file, std::uint64_t set_seed,
                      const std::string& profile);

std::string Extension(const std::string& format);  // ".png", ".jpg", ".tif", ".pdf"

}  // namespace samplegen

// Renders ward-level forms and citizen-ID photocopies as clean 300 dpi
// pages, recording every line of text drawn (the ground truth).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "layouts.h"
#include "letters.h"
#include "official.h"
#include "people.h"

namespace samplegen {

constexpr int kDpi = 300;

struct Fonts;  // FreeType faces: regular, bold, italic, sans

struct RenderedPage {
  cv::Mat image;                   // BGR, 300 dpi
  std::vector<std::string> lines;  // text drawn, top to bottom (no dotted leaders)
  // Official forms: the record's key → the value it should hold, for the
  // fields the page prints (a form without the applicant's date of birth
  // gives none).
  std::map<std::string, std::string> fields;
};

struct Dossier {
  std::string doc_type;
  std::string doc_date;  // ISO
  std::string place;     // "Hà Nội"
  Person person;
  std::map<std::string, std::string> extra_fields;  // doc-specific
  bool with_id_copy = false;
  bool id_card_new_style = false;  // "CĂN CƯỚC" (2024) instead of "CĂN CƯỚC CÔNG DÂN"
  // Other people on the form (drawn with --layouts only): their role
  // (household_head, father, mother, representative, child) and who they are.
  struct Other {
    std::string role;
    Person person;
  };
  std::vector<Other> others;
};

class FormRenderer {
 public:
  // Font files from Debian's fonts-liberation2 and fonts-dejavu-core.
  static std::unique_ptr<FormRenderer> Create(std::string* error);
  ~FormRenderer();

  // With `layouts`, the labels' wording and the page's arrangement are
  // drawn from it, and d.others are written on the page too.
  RenderedPage RenderForm(const Dossier& d, Rng& rng, const LayoutList* layouts = nullptr);
  // The form as its legal text prints it: its lines, numbered labels, boxes
  // for the ID number, the household table, signature columns.
  RenderedPage RenderOfficial(const Dossier& d, const OfficialForm& form, Rng& rng);
  // Where extra addresses on layout forms are drawn from (optional).
  void SetUnits(const UnitTable* units) { units_ = units; }
  RenderedPage RenderIdCopy(const Dossier& d, Rng& rng);
  // An official document laid out as Decree 30 fixes (letters.h).
  RenderedPage RenderLetter(const Letter& letter, Rng& rng);
  // The fee receipt from the service point's till printer: a strip of
  // thermal paper 80 mm wide and 10-20 cm long, a few short lines of small
  // sans type, faded in places.
  RenderedPage RenderReceipt(const Dossier& d, Rng& rng);
  // A shop's till receipt brought with a dossier (copies, photos, forms
  // bought): monospaced capitals and digits, with or without the tone marks
  // (many till printers have none), items and prices in two columns,
  // rules of dashes; printed as RenderReceipt's strip is.
  RenderedPage RenderTillReceipt(const Dossier& d, Rng& rng);

 private:
  explicit FormRenderer(std::unique_ptr<Fonts> fonts);
  std::unique_ptr<Fonts> fonts_;
  const UnitTable* units_ = nullptr;
};

// Fills a dossier of the given type for a person.
Dossier MakeDossier(const std::string& doc_type, Person person, Rng& rng);

}  // namespace samplegen

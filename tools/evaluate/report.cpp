#include "report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/html.h"

namespace evaluate {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<const EngineResult*> Engines::ran() const {
  std::vector<const EngineResult*> out;
  for (const EngineResult* e : {&hoso, &tesseract, &ocrmypdf})
    if (e->ran) out.push_back(e);
  return out;
}

namespace {

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

// An object of these keys and values, in this order.
Object::Ptr Fields(std::initializer_list<std::pair<const char*, Poco::Dynamic::Var>> fields) {
  Object::Ptr o = Obj();
  for (const auto& [key, value] : fields) o->set(key, value);
  return o;
}

// What one run measured.
struct Scores {
  int total_pages = 0;
  std::map<std::string, TextScore> text;  // by engine
  PageScore pages;
  FieldScore fields;
  AddressScore addr;
  HeaderScore headers;
};

Scores ScoreAll(const std::vector<TruthDossier>& truth, const Engines& engines,
                const std::map<std::string, hoso::DossierRecord>& records) {
  Scores sc;
  for (const auto& t : truth) sc.total_pages += static_cast<int>(t.pages.size());
  for (const EngineResult* e : engines.ran()) sc.text[e->name] = ScoreText(truth, e->texts);
  sc.pages = ScorePages(truth, records);
  sc.fields = ScoreFields(truth, records);
  sc.addr = ScoreAddresses(truth, records);
  sc.headers = ScoreHeaders(truth, records);
  return sc;
}

void WriteSummaryJson(const Settings& s, const std::vector<TruthDossier>& truth, const Engines& engines,
                      const Scores& sc) {
  const int total_pages = sc.total_pages;
  Object::Ptr summary = Obj();
  Object::Ptr setj = Obj();
  setj->set("dir", s.set);
  setj->set("dossiers", static_cast<int>(truth.size()));
  setj->set("pages", total_pages);
  summary->set("set", setj);
  Object::Ptr engines_json = Obj();
  for (const EngineResult* e : engines.ran()) {
    Object::Ptr o = TextJson(sc.text.at(e->name));
    o->set("command", e->command);
    if (e->seconds > 0) {
      o->set("seconds", R(e->seconds, 100));
      o->set("pages_per_second", R(total_pages / e->seconds, 100));
      o->set("dossiers_per_second", R(truth.size() / e->seconds, 100));
    }
    engines_json->set(e->name, o);
  }
  summary->set("engines", engines_json);
  const PageScore& pages = sc.pages;
  summary->set("hoso_pages", Fields({{"pages", pages.pages},
                                     {"rotation_accuracy", R(pages.rotation_accuracy)},
                                     {"blank_accuracy", R(pages.blank_accuracy)},
                                     {"skew_pages", pages.skew_pages},
                                     {"skew_median_error_deg", R(pages.skew_median_error, 100)},
                                     {"skew_p90_error_deg", R(pages.skew_p90_error, 100)}}));
  const FieldScore& fields = sc.fields;
  Object::Ptr fj = Fields({{"dossiers", fields.dossiers},
                           {"doc_type_accuracy", R(fields.doc_type_accuracy)},
                           {"doc_date_accuracy", R(fields.doc_date_accuracy)},
                           {"forms", fields.forms},
                           {"all_core_fields_accuracy", R(fields.all_core_fields_accuracy)},
                           {"light_dossiers", fields.light_dossiers},
                           {"all_core_fields_light_accuracy", R(fields.all_core_fields_light_accuracy)}});
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
  const AddressScore& addr = sc.addr;
  Object::Ptr aj = Obj();
  aj->set("dossiers", addr.dossiers);
  aj->set("status_accuracy", R(addr.status_accuracy));
  aj->set("outdated", addr.outdated);
  aj->set("suggestion_accuracy", R(addr.suggestion_accuracy));
  aj->set("ambiguous", addr.ambiguous);
  aj->set("candidates_accuracy", R(addr.candidates_accuracy));
  Object::Ptr styles = Obj();
  for (const auto& [style, rt] : addr.by_style) {
    Object::Ptr st = Obj();
    st->set("right", rt.first);
    st->set("of", rt.second);
    styles->set(style, st);
  }
  aj->set("by_style", styles);
  summary->set("hoso_address", aj);
  if (sc.headers.documents > 0) {
    Object::Ptr hj = Obj();
    hj->set("documents", sc.headers.documents);
    Object::Ptr keys = Obj();
    for (const auto& [key, c] : sc.headers.by_key)
      keys->set(key, Fields({{"right", c.right}, {"flagged", c.flagged}, {"wrong", c.wrong}, {"missing", c.missing}}));
    hj->set("by_key", keys);
    hj->set("handwritten", sc.headers.handwritten);
    hj->set("handwritten_flagged", sc.headers.handwritten_flagged);
    summary->set("hoso_official_headers", hj);
  }
  Object::Ptr ratios = Obj();
  const auto& ts = sc.text;
  if (ts.count("hoso") && ts.count("tesseract") && ts.at("tesseract").all.cer > 0)
    ratios->set("cer_hoso_over_tesseract", R(ts.at("hoso").all.cer / ts.at("tesseract").all.cer));
  if (ts.count("hoso") && ts.count("ocrmypdf") && ts.at("ocrmypdf").all.cer > 0)
    ratios->set("cer_hoso_over_ocrmypdf", R(ts.at("hoso").all.cer / ts.at("ocrmypdf").all.cer));
  if (engines.hoso.seconds > 0 && engines.tesseract.seconds > 0)
    ratios->set("speed_hoso_over_tesseract", R(engines.tesseract.seconds / engines.hoso.seconds));
  summary->set("ratios", ratios);
  std::ofstream out(fs::path(s.report) / "summary.json");
  summary->stringify(out, 2);
}

// The page-text table: every engine, its CER and recall, by damage.
void HtmlTextTable(std::ostream& h, const Settings& s, const std::vector<TruthDossier>& truth, const Engines& engines,
                   const Scores& sc) {
  const int total_pages = sc.total_pages;
  h << "<!doctype html><meta charset=utf-8><title>hoso evaluation</title><style>"
       "body{font:14px sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
       "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}"
       "td:first-child,th:first-child{text-align:left}pre{white-space:pre-wrap;font-size:12px;margin:0}"
       ".case{display:flex;gap:1em;border-top:1px solid #ddd;padding:1em 0}.case img{width:320px;border:1px solid #ccc}"
       "</style><h1>hoso evaluation</h1><p>Set <code>"
    << hoso::HtmlEscape(s.set) << "</code>: " << truth.size() << " dossiers, " << total_pages << " pages.</p>";
  h << "<h2>Page text</h2><table><tr><th>engine<th>pages<th>CER<th>word recall<th>seconds<th>pages/s";
  for (const char* b : {"none", "light", "medium", "heavy"}) h << "<th>CER " << b;
  for (const EngineResult* e : engines.ran()) {
    const auto& ts = sc.text.at(e->name);
    h << "<tr><td>" << e->name << "<br><small>" << hoso::HtmlEscape(e->command) << "</small><td>" << ts.all.pages
      << "<td>" << Pct(ts.all.cer) << "<td>" << Pct(ts.all.word_recall) << "<td>"
      << (e->seconds > 0 ? Num(e->seconds, 1) : "–") << "<td>"
      << (e->seconds > 0 ? Num(total_pages / e->seconds, 2) : "–");
    for (const char* b : {"none", "light", "medium", "heavy"}) {
      auto it = ts.by_strength.find(b);
      h << "<td>"
        << (it == ts.by_strength.end() ? "–" : Pct(it->second.cer) + " (" + std::to_string(it->second.pages) + ")");
    }
  }
  h << "</table>";
}

void HtmlChart(std::ostream& h, const Engines& engines, const Scores& sc) {
  // A small bar chart: CER by damage strength, one bar per engine.
  {
    const int W = 640, H = 220, left = 40;
    double max_cer = 0.05;
    for (const auto& [n, s] : sc.text)
      for (const auto& [b, st] : s.by_strength) max_cer = std::max(max_cer, st.cer);
    const char* colours[] = {"#2b7bb9", "#d95f02", "#7570b3"};
    h << "<svg width=" << W << " height=" << H + 40 << " role=img aria-label='CER by damage strength'>";
    int bucket = 0;
    for (const char* b : {"none", "light", "medium", "heavy"}) {
      const int x0 = left + bucket * 150;
      h << "<text x=" << x0 + 40 << " y=" << H + 20 << " font-size=12>" << b << "</text>";
      int k = 0;
      for (const EngineResult* e : engines.ran()) {
        auto it = sc.text.at(e->name).by_strength.find(b);
        const double v = it == sc.text.at(e->name).by_strength.end() ? 0 : it->second.cer;
        const int bh = static_cast<int>(H * std::min(1.0, v / max_cer));
        h << "<rect x=" << x0 + k * 36 << " y=" << H - bh << " width=30 height=" << bh << " fill='" << colours[k]
          << "'><title>" << e->name << " " << Pct(v) << "</title></rect>";
        ++k;
      }
      ++bucket;
    }
    int k = 0;
    for (const EngineResult* e : engines.ran()) {
      h << "<rect x=" << left + k * 120 << " y=" << H + 28 << " width=10 height=10 fill='" << colours[k]
        << "'/><text x=" << left + k * 120 + 14 << " y=" << H + 38 << " font-size=12>" << e->name << "</text>";
      ++k;
    }
    h << "</svg><p><small>Page CER by damage strength (bar height up to " << Pct(max_cer) << ").</small></p>";
  }
}

void HtmlHosoSections(std::ostream& h, const Scores& sc) {
  h << "<h2>Pages (hoso)</h2><table><tr><th>pages<th>rotation right<th>blank right<th>skew median error<th>skew p90"
    << "<tr><td>" << sc.pages.pages << "<td>" << Pct(sc.pages.rotation_accuracy) << "<td>"
    << Pct(sc.pages.blank_accuracy) << "<td>" << Num(sc.pages.skew_median_error, 2) << "°<td>"
    << Num(sc.pages.skew_p90_error, 2) << "°</table>";
  h << "<h2>Documents and fields (hoso)</h2><table><tr><th>measure<th>accuracy"
    << "<tr><td>document type<td>" << Pct(sc.fields.doc_type_accuracy) << "<tr><td>document date<td>"
    << Pct(sc.fields.doc_date_accuracy) << "<tr><td>every core field right<td>"
    << Pct(sc.fields.all_core_fields_accuracy) << "<tr><td>every core field right, light damage at most<td>"
    << Pct(sc.fields.all_core_fields_light_accuracy) << "<tr><td>inconsistent IDs caught<td>"
    << sc.fields.inconsistent_caught << " of " << sc.fields.inconsistent_ids << "<tr><td>consistent IDs flagged<td>"
    << sc.fields.consistent_flagged << " of " << sc.fields.consistent_ids;
  for (const auto& [k, v] : sc.fields.field_accuracy)
    h << "<tr><td>" << k << " (" << sc.fields.field_counts.at(k) << ")<td>" << Pct(v);
  h << "</table><h2>Addresses (hoso)</h2><table><tr><th>measure<th>n<th>accuracy"
    << "<tr><td>status<td>" << sc.addr.dossiers << "<td>" << Pct(sc.addr.status_accuracy)
    << "<tr><td>suggested ward (outdated)<td>" << sc.addr.outdated << "<td>" << Pct(sc.addr.suggestion_accuracy)
    << "<tr><td>candidates (split)<td>" << sc.addr.ambiguous << "<td>" << Pct(sc.addr.candidates_accuracy)
    << "</table>";
}

void HtmlWorstPages(std::ostream& h, const Settings& s, const std::vector<TruthDossier>& truth,
                    const EngineResult& hoso, const Scores& sc, const PageImages& page_images) {
  // The worst pages for hoso, with their images.
  if (sc.text.count("hoso")) {
    auto worst = sc.text.at("hoso").pages;
    std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.cer > b.cer; });
    if (worst.size() > static_cast<size_t>(s.worst_n)) worst.resize(s.worst_n);
    h << "<h2>Worst pages (hoso)</h2>";
    for (const auto& w : worst) {
      std::string img;
      auto it = page_images.find(w.file);
      if (it != page_images.end() && static_cast<size_t>(w.index) < it->second.size()) {
        cv::Mat m = cv::imread(it->second[w.index].first.string(), cv::IMREAD_COLOR);
        if (!m.empty()) {
          cv::resize(m, m, cv::Size(400, m.rows * 400 / m.cols), 0, 0, cv::INTER_AREA);
          img = "img/" + fs::path(w.file).stem().string() + "-p" + std::to_string(w.index) + ".jpg";
          cv::imwrite((fs::path(s.report) / img).string(), m);
        }
      }
      const TruthDossier* t = nullptr;
      for (const auto& d : truth)
        if (d.file == w.file) t = &d;
      const std::string got = hoso.texts.count(w.file) && static_cast<size_t>(w.index) < hoso.texts.at(w.file).size()
                                  ? hoso.texts.at(w.file)[w.index]
                                  : "";
      h << "<div class=case>" << (img.empty() ? "" : "<img src='" + img + "'>") << "<div><b>"
        << hoso::HtmlEscape(w.file) << " page " << w.index + 1 << "</b>: CER " << Pct(w.cer) << ", damage "
        << Num(w.strength, 2) << "<table><tr><th>truth<th>hoso<tr><td style='text-align:left'><pre>"
        << hoso::HtmlEscape(t ? t->pages[w.index].text : "") << "</pre><td style='text-align:left'><pre>"
        << hoso::HtmlEscape(got) << "</pre></table></div></div>";
    }
  }
}

void PrintHosoSummary(const Scores& sc) {
  std::printf("\nhoso pages: rotation %.1f%%, blank %.1f%%, skew error median %.2f° p90 %.2f° (%d pages)\n",
              100 * sc.pages.rotation_accuracy, 100 * sc.pages.blank_accuracy, sc.pages.skew_median_error,
              sc.pages.skew_p90_error, sc.pages.skew_pages);
  std::printf("hoso documents: type %.1f%%, date %.1f%%", 100 * sc.fields.doc_type_accuracy,
              100 * sc.fields.doc_date_accuracy);
  if (sc.fields.forms > 0)
    std::printf(", every core field %.1f%% (%d forms)", 100 * sc.fields.all_core_fields_accuracy, sc.fields.forms);
  std::printf("\n");
  std::printf("  every core field, light damage at most: %.1f%% (%d dossiers)\n",
              100 * sc.fields.all_core_fields_light_accuracy, sc.fields.light_dossiers);
  for (const auto& [k, v] : sc.fields.field_accuracy) std::printf("  %-18s %.1f%%\n", k.c_str(), 100 * v);
  std::printf("hoso ID checks: %d of %d inconsistent IDs caught, %d of %d consistent ones flagged\n",
              sc.fields.inconsistent_caught, sc.fields.inconsistent_ids, sc.fields.consistent_flagged,
              sc.fields.consistent_ids);
  std::printf("hoso addresses: status %.1f%% (%d), suggestion %.1f%% (%d outdated), candidates %.1f%% (%d split)\n",
              100 * sc.addr.status_accuracy, sc.addr.dossiers, 100 * sc.addr.suggestion_accuracy, sc.addr.outdated,
              100 * sc.addr.candidates_accuracy, sc.addr.ambiguous);
  for (const auto& [style, rt] : sc.addr.by_style)
    std::printf("  written %-26s verdict right %5.1f%% (%d of %d)\n", style.c_str(),
                rt.second ? 100.0 * rt.first / rt.second : 0.0, rt.first, rt.second);
}

// Official documents' headers (when the truth has them).
void PrintHeaders(const HeaderScore& h) {
  if (h.documents == 0) return;
  std::printf("\nhoso official headers (%d documents): right / flagged for a person / wrong unflagged / missing\n",
              h.documents);
  for (const auto& [key, c] : h.by_key)
    std::printf("  %-14s %3d / %3d / %3d / %3d\n", key.c_str(), c.right, c.flagged, c.wrong, c.missing);
  std::printf("  handwritten values flagged: %d of %d\n", h.handwritten_flagged, h.handwritten);
}

void PrintEngines(const Engines& engines, const Scores& sc) {
  std::printf("\n%-10s %6s %8s %8s %9s %9s\n", "engine", "pages", "CER", "recall", "seconds", "pages/s");
  for (const EngineResult* e : engines.ran()) {
    const auto& ts = sc.text.at(e->name);
    std::printf("%-10s %6d %7.3f%% %7.2f%% %9.1f %9.2f\n", e->name.c_str(), ts.all.pages, 100 * ts.all.cer,
                100 * ts.all.word_recall, e->seconds, e->seconds > 0 ? sc.total_pages / e->seconds : 0.0);
    for (const char* b : {"none", "light", "medium", "heavy"}) {
      auto it = ts.by_strength.find(b);
      if (it != ts.by_strength.end())
        std::printf("  %-8s %6d %7.3f%% %7.2f%%\n", b, it->second.pages, 100 * it->second.cer,
                    100 * it->second.word_recall);
    }
  }
}

}  // namespace

void PrintTextScores(const std::vector<TruthDossier>& truth, const Engines& engines) {
  for (const EngineResult* e : engines.ran()) {
    const TextScore s = ScoreText(truth, e->texts);
    std::printf("%-10s %6d %7.3f%% %7.2f%% %9.1f\n", e->name.c_str(), s.all.pages, 100 * s.all.cer,
                100 * s.all.word_recall, e->seconds);
  }
}

void PrintPerFile(const std::vector<TruthDossier>& truth, const Engines& engines) {
  std::printf("\n%-40s", "file (CER / word recall)");
  for (const EngineResult* e : engines.ran()) std::printf(" %20s", e->name.c_str());
  std::printf("\n");
  for (const auto& t : truth) {
    std::printf("%-40s", t.file.c_str());
    for (const EngineResult* e : engines.ran()) {
      const TextScore one = ScoreText({t}, e->texts);
      std::printf("   %7.2f%% / %6.3f", 100 * one.all.cer, one.all.word_recall);
    }
    std::printf("\n");
  }
}

void Report(const Settings& s, const std::vector<TruthDossier>& truth, const Engines& engines,
            const std::map<std::string, hoso::DossierRecord>& records, const PageImages& page_images) {
  const Scores sc = ScoreAll(truth, engines, records);
  WriteSummaryJson(s, truth, engines, sc);
  std::ostringstream h;
  HtmlTextTable(h, s, truth, engines, sc);
  HtmlChart(h, engines, sc);
  HtmlHosoSections(h, sc);
  HtmlWorstPages(h, s, truth, engines.hoso, sc, page_images);
  std::ofstream(fs::path(s.report) / "report.html") << h.str();
  PrintEngines(engines, sc);
  if (s.truth_text) {
    PrintPerFile(truth, engines);
    int blank_called = 0;
    for (const auto& [file, r] : records)
      for (const auto& p : r.pages) blank_called += p.blank;
    std::printf("\nhoso called %d of %d pages with text blank\n", blank_called, sc.total_pages);
  } else {
    if (s.per_file) PrintPerFile(truth, engines);
    PrintHosoSummary(sc);
  }
  PrintHeaders(sc.headers);
  std::printf("\nreport: %s/report.html, %s/summary.json\n", s.report.c_str(), s.report.c_str());
}

}  // namespace evaluate

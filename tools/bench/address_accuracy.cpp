// address_accuracy: how often hoso's address verdict is right, and how fast,
// on addresses generated from the official NSO conversion table (an
// independent source: the gazetteer is built from several tables with
// corrections) and written in every style people and OCR write them.
//   address_accuracy [--units NSO.csv] [--count N] [--seed S] [--as-of DATE]
//                    [--write-cases FILE] [--every-unit]
// Each address is written in the usual styles (as_written ... ocr_mark_errors)
// and in the transition's (a new ward with an old district, an old district
// under its new province, a new ward under its old province, names without
// unit words: transition.h), every style reported on its own line.
// --every-unit: every old commune of the table in the old-unit styles and
// every new commune in the new-ward styles (instead of N drawn links, a
// third of them written in the new units).
// --set DIR --records FILE: also the addresses OCR read off a samplegen set's
// damaged pages (FILE: `hoso process --json FILE` on the set), scored
// against the set's truth, by the way each address was written ("ocr ...").
// The default date sits between the 2025 reform and the 30 April 2026
// Đồng Nai change, where the generator's truth (the 2025 units) holds.
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "address/address.h"
#include "core/record_json.h"
#include "scoring.h"
#include "address_styles.h"
#include "cli/args.h"
#include "people.h"
#include "transition.h"

using namespace hoso;

int main(int argc, char** argv) {
  cli::Args args(std::vector<std::string>(argv + 1, argv + argc),
                 {"--units", "--count", "--seed", "--as-of", "--write-cases", "--set", "--records"},
                 {"--every-unit", "--every-old-commune", "--help", "-h"});
  const std::string units = args.Value("--units").value_or("../shared/data/admin-units/nso-conversion-2025-07-01.csv");
  const std::string as_of = args.Value("--as-of").value_or("2026-01-01");
  const std::string cases = args.Value("--write-cases").value_or("");
  const int count = args.Int("--count", 2000);
  const bool every = args.Flag("--every-unit") || args.Flag("--every-old-commune");
  const std::uint64_t seed = args.Uint64("--seed", 2025);
  if (auto exit = cli::HelpOrUsageError(args, "address_accuracy",
                                        "usage: address_accuracy [--units CSV] [--count N] [--seed S] [--as-of DATE] "
                                        "[--write-cases FILE] [--every-unit] [--set DIR --records FILE]\n"))
    return *exit;
  const samplegen::UnitTable table = samplegen::UnitTable::Load(units);
  if (table.links.empty()) {
    std::cerr << "address_accuracy: cannot read " << units << "\n";
    return 3;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  auto gazetteer = Gazetteer::Load(Gazetteer::DefaultDir());
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!gazetteer.ok()) {
    std::cerr << gazetteer.status().ToString() << "\n";
    return 3;
  }
  samplegen::Rng rng(seed);
  std::ofstream out;
  if (!cases.empty()) {
    out.open(cases);
    out << "style\ttext\tstreet\tkind\tward_code\tcandidates\n";
  }
  std::map<std::string, std::pair<int, int>> by_style, by_kind;  // right, total
  std::map<std::string, int> wrong_examples;
  double check_us = 0;
  int checks = 0;
  auto score = [&](const std::string& sname, const samplegen::Address& a, const std::string& text,
                   const std::string& street) {
    AddressOptions options;
    options.as_of = as_of;
    const auto c0 = Clock::now();
    const AddressVerdict v = CheckAddress(text, **gazetteer, options);
    check_us += std::chrono::duration<double, std::micro>(Clock::now() - c0).count();
    ++checks;
    bool right = v.status == a.kind;
    if (right && a.kind == "outdated")
      right = v.suggested && v.suggested->ward_code == a.ward_code &&
              (street.empty() || v.suggested_text.rfind(street + ", ", 0) == 0);
    if (right && a.kind == "ambiguous") {
      std::set<std::string> got;
      for (const auto& c : v.candidates) got.insert(c.ward_code);
      right = got == std::set<std::string>(a.candidate_codes.begin(), a.candidate_codes.end());
    }
    by_style[sname].second++;
    by_kind[a.kind].second++;
    if (right) {
      by_style[sname].first++;
      by_kind[a.kind].first++;
    } else if (wrong_examples[sname]++ < (getenv("HOSO_SHOW_WRONG") ? 1000 : 3)) {
      std::string want = a.ward_code;
      for (const auto& c : a.candidate_codes) want += (want.empty() ? "" : ",") + c;
      std::cerr << "  wrong (" << sname << ", expected " << a.kind << " " << want << "): " << text << "\n    -> "
                << v.status << " " << (v.suggested ? v.suggested->ward_code : "") << " " << v.message << "\n";
    }
    if (out.is_open()) {
      std::string cands;
      for (const auto& c : a.candidate_codes) cands += (cands.empty() ? "" : ",") + c;
      out << sname << "\t" << text << "\t" << street << "\t" << a.kind << "\t" << a.ward_code << "\t" << cands << "\n";
    }
  };
  const samplegen::TransitionWriter transition(table);
  // The usual styles: one address (old units, or new) restyled every way.
  auto usual = [&](const samplegen::UnitLink& link, samplegen::Address a) {
    transition.Reread(link, a);
    for (samplegen::AddressStyle style : samplegen::AllAddressStyles()) {
      const std::string text = samplegen::Restyle(a.text, style, rng);
      std::string street = samplegen::Restyle(a.street, style, rng);
      if (style == samplegen::AddressStyle::kNoCommas || style == samplegen::AddressStyle::kOcrMarks) street.clear();
      score(samplegen::AddressStyleName(style), a, text, street);
    }
  };
  auto transitional = [&](const samplegen::UnitLink& link, bool old_unit_styles, bool new_ward_styles) {
    for (samplegen::TransitionStyle style : samplegen::AllTransitionStyles()) {
      if (samplegen::WritesNewWard(style) ? !new_ward_styles : !old_unit_styles) continue;
      if (auto a = transition.Write(rng, link, style))
        score(samplegen::TransitionStyleName(style), *a, a->text, a->street);
    }
  };
  if (every) {
    // Every old commune of the table once (a split one has several rows),
    // and every new commune once, with one of the old districts it took land from.
    std::set<std::pair<std::string, std::string>> seen_old;
    std::map<std::string, std::vector<const samplegen::UnitLink*>> rows_of_new;
    for (const auto& l : table.links) {
      rows_of_new[l.new_commune_code].push_back(&l);
      if (!seen_old.insert({l.old_commune_code, l.old_province}).second) continue;
      usual(l, samplegen::MakeAddressFor(rng, table, &l, true));
      transitional(l, true, false);
    }
    for (const auto& [code, rows] : rows_of_new) transitional(*rows[rng.Next() % rows.size()], false, true);
  } else {
    for (int n = 0; n < count; ++n) {
      const samplegen::UnitLink& link = table.links[rng.Next() % table.links.size()];
      usual(link, samplegen::MakeAddressFor(rng, table, &link, std::nullopt));
      transitional(link, true, true);
    }
  }
  int right = 0, total = 0;
  std::printf("%-20s %8s %8s\n", "style", "right", "of");
  for (const auto& [s, rt] : by_style) {
    std::printf("%-20s %7.2f%% %8d\n", s.c_str(), 100.0 * rt.first / rt.second, rt.second);
    right += rt.first;
    total += rt.second;
  }
  if (args.Value("--set") && args.Value("--records")) {
    // Addresses OCR read off damaged pages: the pipeline's verdicts.
    std::vector<evaluate::TruthDossier> truth;
    std::ifstream tin(std::filesystem::path(*args.Value("--set")) / "truth.jsonl");
    for (std::string line; std::getline(tin, line);)
      if (auto t = evaluate::ParseTruth(line); t.ok()) truth.push_back(std::move(t).value());
    std::map<std::string, DossierRecord> records;
    std::ifstream rin(*args.Value("--records"));
    for (std::string line; std::getline(rin, line);)
      if (auto r = RecordFromJson(line); r.ok())
        records[std::filesystem::path(r->source).filename().string()] = std::move(r).value();
    if (truth.empty() || records.empty()) {
      std::cerr << "address_accuracy: no truth in " << *args.Value("--set") << " or no records in "
                << *args.Value("--records") << "\n";
      return 3;
    }
    const evaluate::AddressScore ocr = evaluate::ScoreAddresses(truth, records);
    for (const auto& [style, rt] : ocr.by_style)
      std::printf("ocr %-16s %7.2f%% %8d\n", style.c_str(), rt.second ? 100.0 * rt.first / rt.second : 0.0, rt.second);
  }
  for (const auto& [k, rt] : by_kind)
    std::printf("%-20s %7.2f%% %8d\n", k.c_str(), 100.0 * rt.first / rt.second, rt.second);
  std::printf("%-20s %7.2f%% %8d\n", "all", 100.0 * right / total, total);
  std::printf("%s; gazetteer load %.1f ms; %.1f µs per address, %.0f addresses/s (as of %s)\n",
              every ? "every old and new commune of the table" : "drawn addresses", load_ms, check_us / checks,
              checks / (check_us / 1e6), as_of.c_str());
  return 0;
}

#include "pipeline_options.h"

#include "address/address.h"
#include "extract/learnt.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>

#include "core/data_dir.h"
#include "exit_codes.h"

namespace hoso::cli {

namespace {

Status Usage(const std::string& message) { return Status::Error(ErrorCode::kInvalidArgument, message); }

}  // namespace

std::set<std::string> WithPipelineOptions(std::set<std::string> more) {
  more.insert({"--jobs", "--as-of", "--lang", "--max-pages", "--cleanup-off", "--split", "--page-seconds",
               "--file-seconds", "--psm", "--intake-point", "--models"});
  return more;
}

std::set<std::string> WithPipelineFlags(std::set<std::string> more) {
  more.insert({"--no-orientation", "--register-address-flags", "--english"});
  return more;
}

namespace {

// The gazetteer, the form templates and the name list, from models/.
Status LoadModels(BatchOptions* options) {
  if (DataDir("models", "HOSO_MODELS").empty())
    return Status::Error(ErrorCode::kInputNotFound,
                         "hoso's models were not found (share/hoso/models above the hoso binary, as installed or "
                         "built); set HOSO_MODELS to the models folder");
  auto gazetteer = Gazetteer::Load(Gazetteer::DefaultDir());
  if (!gazetteer.ok()) return gazetteer.status();
  options->gazetteer = std::move(gazetteer).value();
  // An address by its shape: a commune written with its unit word, and its
  // province, that the gazetteer knows.
  options->extract.is_address = [g = options->gazetteer](const std::string& text) {
    const ParsedAddress a = ParseAddress(text, *g);
    return !a.commune.empty() && !a.commune.from_street && !a.province.empty();
  };
  options->extract.spell_units = [g = options->gazetteer](const std::string& text) { return SpellAddress(text, *g); };
  options->extract.spell_place = [g = options->gazetteer](const std::string& name) { return SpellPlaceName(name, *g); };
  auto templates = Templates::Load(Templates::DefaultDir());
  if (!templates.ok()) return templates.status();
  options->extract.templates = std::move(templates).value();
  // Learnt labels exported from a registry (the registry's own are added
  // when a batch starts).
  auto learnt = LoadLearntLabels(Templates::DefaultDir() + "/local");
  if (!learnt.ok()) return learnt.status();
  if (!learnt->empty())
    options->extract.learnt = std::make_shared<std::map<std::string, std::string>>(std::move(learnt).value());
  auto names = NameList::Load(NameList::DefaultDir());
  if (!names.ok()) return names.status();
  options->extract.names = std::make_shared<NameList>(std::move(names).value());
  return Status::Ok();
}

// --cleanup-off STEP,STEP,...
Status TurnOffCleanupSteps(const std::string& list, CleanupOptions* c) {
  const std::map<std::string, bool*> steps = {
      {"orientation", &c->orientation.enabled},   {"deskew", &c->deskew.enabled},
      {"despeckle", &c->despeckle.enabled},       {"leaders", &c->leaders.enabled},
      {"illumination", &c->illumination.enabled}, {"colour", &c->colour_ink.enabled},
      {"solid", &c->solid_regions.enabled},       {"rules", &c->rules.enabled}};
  std::stringstream in(list);
  for (std::string step; std::getline(in, step, ',');) {
    auto it = steps.find(step);
    if (it == steps.end()) return Usage("--cleanup-off: unknown step '" + step + "'");
    *it->second = false;
  }
  return Status::Ok();
}

}  // namespace

Status ReadPipelineOptions(const Args& args, BatchOptions* options) {
  if (auto jobs = args.Value("--jobs")) {
    try {
      options->jobs = std::stoi(*jobs);
    } catch (...) { options->jobs = -1; }
    if (options->jobs < 1) return Usage("--jobs must be a whole number from 1");
  }
  // --models DIR stands for $HOSO_MODELS: every model is found under it.
  if (auto models = args.Value("--models")) setenv("HOSO_MODELS", models->c_str(), 1);
  if (Status st = LoadModels(options); !st.ok()) return st;
  options->validate.address_flags_need_review = !args.Flag("--register-address-flags");
  if (auto as_of = args.Value("--as-of")) {
    if (!IsIsoDate(*as_of)) return Usage("--as-of must be a date YYYY-MM-DD");
    options->address.as_of = *as_of;
  }
  // People's words in English: the address verdicts' and the flags' messages.
  options->address.english = options->extract.english = options->validate.english = args.Flag("--english");
  if (auto point = args.Value("--intake-point"))
    options->intake_point = *point;
  else if (const char* env = std::getenv("HOSO_INTAKE_POINT"))
    options->intake_point = env;
  if (options->intake_point.size() > 100) return Usage("--intake-point: a name of at most 100 characters");
  if (auto lang = args.Value("--lang")) options->ocr.languages = *lang;
  if (auto psm = args.Value("--psm"); psm && *psm != "auto") {
    try {
      options->ocr.page_seg_mode = std::stoi(*psm);
    } catch (...) { return Usage("--psm must be auto or a Tesseract mode 0..13"); }
    if (Status s = options->ocr.Validate(); !s.ok()) return Usage("--psm must be auto or a Tesseract mode 0..13");
  }
  if (auto max_pages = args.Value("--max-pages")) {
    try {
      options->ingest.max_pages = std::stoi(*max_pages);
    } catch (...) { return Usage("--max-pages must be a whole number"); }
  }
  if (args.Flag("--no-orientation")) options->cleanup.orientation.enabled = false;
  if (auto off = args.Value("--cleanup-off"))
    if (Status st = TurnOffCleanupSteps(*off, &options->cleanup); !st.ok()) return st;
  if (auto seconds = args.Value("--page-seconds")) {
    try {
      options->ocr.page_seconds = std::stoi(*seconds);
    } catch (...) { return Usage("--page-seconds must be a whole number of seconds"); }
  }
  if (auto seconds = args.Value("--file-seconds")) {
    try {
      options->file_seconds = std::stod(*seconds);
    } catch (...) { return Usage("--file-seconds must be a number of seconds"); }
  }
  if (auto split = args.Value("--split")) {
    if (*split == "separator")
      options->split = SplitMode::kSeparator;
    else if (*split == "blank")
      options->split = SplitMode::kBlank;
    else if (*split == "documents")
      options->split = SplitMode::kDocuments;
    else if (*split != "none")
      return Usage("--split is separator, blank, documents or none");
  }
  return Status::Ok();
}

std::optional<int> PipelineOptionsOrExit(const Args& args, const std::string& command, BatchOptions* options) {
  Status st = ReadPipelineOptions(args, options);
  if (st.ok()) st = options->Validate();
  if (st.ok()) return std::nullopt;
  if (st.code() == ErrorCode::kInvalidArgument) {
    std::cerr << "hoso " << command << ": " << st.message() << "\n(see hoso " << command << " --help)\n";
    return kExitUsage;
  }
  std::cerr << "hoso " << command << ": " << st.ToString() << "\n";
  return kExitFatal;
}

}  // namespace hoso::cli

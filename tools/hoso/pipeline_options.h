// The options every command that runs the pipeline shares (process, worker,
// watch): jobs, address date, languages, limits, cleanup steps. Loads the
// models (gazetteer, document templates, names) into the BatchOptions.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "cli/args.h"
#include "batch/batch.h"

namespace hoso::cli {

// The option names, added to a command's own.
std::set<std::string> WithPipelineOptions(std::set<std::string> more);
std::set<std::string> WithPipelineFlags(std::set<std::string> more);

// kInvalidArgument for a bad option (a usage error); another code when a
// model cannot be loaded.
Status ReadPipelineOptions(const Args& args, BatchOptions* options);

// ReadPipelineOptions, then BatchOptions::Validate; on failure says why as
// `hoso COMMAND: ...` and gives the exit code (usage or fatal).
std::optional<int> PipelineOptionsOrExit(const Args& args, const std::string& command, BatchOptions* options);

inline constexpr const char* kPipelineOptionsHelp =
    "  --jobs N          pages read at once, from one thick file or several\n"
    "                    (default: number of cores)\n"
    "  --as-of DATE      check addresses as of DATE (YYYY-MM-DD; default today)\n"
    "  --english         flag and address messages in English (default Vietnamese)\n"
    "  --models DIR      hoso's models (default $HOSO_MODELS, or share/hoso/models\n"
    "                    beside the binary)\n"
    "  --intake-point NAME  the service point these dossiers were taken in at\n"
    "                    (default $HOSO_INTAKE_POINT); the review queue and the\n"
    "                    dashboard sort by it\n"
    "  --register-address-flags\n"
    "                    register dossiers whose only problems are address flags\n"
    "                    (outdated, ambiguous, unknown) with those flags, instead of\n"
    "                    sending them to review (archive digitisation)\n"
    "  --lang LANGS      Tesseract languages (default vie; vie+eng for pages\n"
    "                    with English passages)\n"
    "  --psm auto|N      Tesseract page segmentation mode; auto (default) reads\n"
    "                    a page as one column of lines (4) unless its text is in\n"
    "                    columns (3)\n"
    "  --no-orientation  leave pages turned as scanned\n"
    "  --cleanup-off STEPS  comma-separated cleanup steps to skip: orientation,\n"
    "                    deskew, despeckle, leaders, illumination, colour, solid,\n"
    "                    rules\n"
    "  --max-pages N     refuse files with more pages (default 1000)\n"
    "  --page-seconds N  give up a page OCR has not read in N s (OCR_TIMEOUT;\n"
    "                    default 120, 0: no limit)\n"
    "  --file-seconds N  give up a file not read in N s, between two pages\n"
    "                    (OCR_TIMEOUT; default 1800, 0: no limit)\n"
    "  --split separator|blank|documents\n"
    "                    a file is a stack of dossiers: cut it at separator sheets\n"
    "                    (hoso separator-sheet), at blank pages, or before each\n"
    "                    official document's first page (its header: an archive\n"
    "                    box of letters scanned as one file); each piece is\n"
    "                    registered as FILE#pages=A-B\n";

}  // namespace hoso::cli

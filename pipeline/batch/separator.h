// Separator sheets: staff scan a stack of dossiers as one file, with a
// printed sheet between dossiers. The sheet carries a QR code saying
// kSeparatorCode; a page where one is found ends a dossier.
#pragma once

#include <opencv2/core.hpp>

#include <string>

#include "core/status.h"

namespace hoso {

inline constexpr const char* kSeparatorCode = "HOSO:SEPARATOR:1";

// An A4 page at `dpi`, white, with the QR code large in its middle and a
// line saying what the sheet is for (grey, 8-bit).
cv::Mat SeparatorSheet(int dpi = 300);

// Writes the sheet to print: a one-page PDF (bi-level, CCITT G4, A4 at
// 300 dpi) or, when `path` ends in .png, a PNG.
Status WriteSeparatorSheet(const std::string& path);

// Whether the scanned page (any orientation, grey or colour) carries the
// separator's QR code.
bool IsSeparatorSheet(const cv::Mat& page, int dpi);

}  // namespace hoso

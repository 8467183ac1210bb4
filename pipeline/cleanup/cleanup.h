// Cleanup: turns a page as scanned into the page OCR reads — upright,
// deskewed, grey, with blank pages recognised — and records what it did.
// Each step is a function with its own options so it can be tested alone.
#pragma once

#include <opencv2/core.hpp>

#include "core/status.h"
#include "ingest/ingest.h"

namespace hoso {

struct BlankOptions {
  // Fraction of the page (inside the margins) that must be ink for a page
  // to count as written on. A typed form line is ~0.5% of an A4 page.
  double min_ink_fraction = 0.0015;
  // Margins ignored (fraction of each side): scanner borders and punch holes.
  double margin = 0.06;
  // Connected ink blobs smaller than this (pixels at 300 dpi) are dust.
  int min_blob_area_300dpi = 12;
};

struct CleanupOptions {
  BlankOptions blank;
  Status Validate() const;
};

struct CleanPage {
  int index = 0;
  cv::Mat color;  // the upright page in colour (or grey), for the archive
  cv::Mat gray;   // what OCR reads: 8-bit grey, upright
  int dpi = 0;
  int rotation = 0;     // clockwise degrees applied: 0, 90, 180, 270
  double skew_deg = 0;  // angle corrected
  bool blank = false;
};

// Grey version of a BGR or grey image.
cv::Mat ToGray(const cv::Mat& image);

struct BlankVerdict {
  bool blank = false;
  double ink_fraction = 0;
};
// Whether a grey page carries writing.
BlankVerdict DetectBlank(const cv::Mat& gray, int dpi, const BlankOptions& options);

Result<CleanPage> Clean(const SourcePage& page, const CleanupOptions& options);

}  // namespace hoso

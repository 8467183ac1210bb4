// Cleanup: turns a page as scanned into the page OCR reads — upright,
// deskewed, at the resolution Tesseract reads best, without the dotted
// leaders of form lines — and records what it did. Each step is a function
// with its own options and its own tests (drawn damage, known answer).
#pragma once

#include <opencv2/core.hpp>

#include "core/status.h"
#include "ingest/ingest.h"

namespace hoso {

struct BlankOptions {
  // Fraction of the page (inside the margins) that must be ink for a page
  // to count as written on. One typed form line is ~0.3% of an A4 page.
  double min_ink_fraction = 0.0015;
  // Margins ignored (fraction of each side): scanner borders and punch holes.
  double margin = 0.06;
  // Connected ink blobs smaller than this (pixels at 300 dpi) are dust.
  int min_blob_area_300dpi = 12;
};

struct ResolutionOptions {
  // Pages scanned below this are upscaled to target_dpi: Tesseract's LSTM
  // models read 10-12 pt text best at about 300 dpi (x-height ~20-30 px).
  int min_dpi = 250;
  int target_dpi = 300;
  // Pages scanned above this are downscaled to target_dpi (faster, no loss).
  int max_dpi = 400;
};

struct DeskewOptions {
  bool enabled = true;
  // Largest skew searched, degrees either way.
  double max_angle = 15.0;
  // Angles below this are left alone (rotating costs sharpness).
  double min_correction = 0.1;
  // Below this confidence (0..1) the page is left as it is.
  double min_confidence = 0.3;
};

struct LeaderOptions {
  bool enabled = true;
  // A run of at least this many evenly spaced dots on one line is a leader.
  int min_dots = 8;
};

struct DespeckleOptions {
  bool enabled = true;
  // Salt-and-pepper noise: the fraction of pixels that differ from their
  // 3x3 median by more than 100 grey levels. Above this, the page is
  // median-filtered (clean scans sit near 0.0001).
  double min_impulse_fraction = 0.0008;
};

struct OrientationOptions {
  // Off by default until it is right on every sample page: it is on
  // Tesseract's phototests, but the way up is still wrong on some forms and
  // ID copies (see the DISABLED_ test in tests/cleanup/orientation_test).
  bool enabled = false;
  // Skew range tried while deciding whether lines run across or down.
  double max_skew = 15.0;
  // Below this confidence (0..1) the page is left as scanned.
  double min_confidence = 0.05;
};

struct CleanupOptions {
  BlankOptions blank;
  OrientationOptions orientation;
  DespeckleOptions despeckle;
  ResolutionOptions resolution;
  DeskewOptions deskew;
  LeaderOptions leaders;
  Status Validate() const;
};

struct CleanPage {
  int index = 0;
  cv::Mat color;  // the upright page in colour (or grey), for the archive
  cv::Mat gray;   // what OCR reads: 8-bit grey, upright, at `dpi`
  int dpi = 0;
  int rotation = 0;     // clockwise degrees applied: 0, 90, 180, 270
  double rotation_confidence = 0;
  double skew_deg = 0;  // counter-clockwise skew found (and corrected)
  double skew_confidence = 0;
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

// The scale factor that brings `dpi` within the options' range (1 = none).
double ResolutionScale(int dpi, const ResolutionOptions& options);

struct OrientationEstimate {
  int rotation = 0;        // clockwise turn that makes the page upright
  double confidence = 0;   // 0..1
  double balance = 0;      // ink above minus below the x-height band (-1..1)
};
// Which way up a grey page is (0, 90, 180, 270), from the ink alone.
OrientationEstimate EstimateOrientation(const cv::Mat& gray, int dpi, const OrientationOptions& options);
// Turns an image clockwise by 0, 90, 180 or 270 degrees.
cv::Mat RotateClockwise(const cv::Mat& image, int degrees);

struct SkewEstimate {
  double angle_deg = 0;    // counter-clockwise rotation of the text lines
  double confidence = 0;   // 0..1: how much sharper the best angle's profile is
};
// The skew of a grey page's text lines (projection profiles of the ink).
SkewEstimate EstimateSkew(const cv::Mat& gray, int dpi, const DeskewOptions& options);
// Rotates a page by -angle about its centre, filling with white.
cv::Mat Rotate(const cv::Mat& image, double angle_deg);

// Fraction of pixels that are impulse noise (see DespeckleOptions).
double ImpulseNoiseFraction(const cv::Mat& gray);
// Median-filters a page with salt-and-pepper noise; true if it did.
bool Despeckle(cv::Mat& gray, const DespeckleOptions& options);

// Erases dotted leaders (". . . . ." runs on form lines) from a grey page;
// returns how many runs it removed.
int RemoveLeaders(cv::Mat& gray, int dpi, const LeaderOptions& options);

Result<CleanPage> Clean(const SourcePage& page, const CleanupOptions& options);

}  // namespace hoso

// Cleanup: turns a page as scanned into the page OCR reads — upright,
// deskewed, at the resolution Tesseract reads best, without the dotted
// leaders of form lines — and records what it did. Each step is a function
// with its own options and its own tests (drawn damage, known answer).
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "cleanup/text_scale.h"
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
  // A page with at least this many letter-sized components in rows of text
  // is written on, however little ink it has (a receipt, a short note).
  // Blank when unsure is the worst mistake: a page of text nobody reads.
  int min_text_components = 12;
};

struct ResolutionOptions {
  // Pages scanned below this are upscaled to target_dpi (Tesseract's LSTM
  // models read 10-12 pt text best at about 300 dpi, x-height ~20-30 px),
  // unless their letters are already target_letter_px tall: a 200 dpi scan
  // of 13-14 pt text. Read as they are, real 200 dpi letters: CER 5.98%
  // against 6.71% at 300; a generated fax set (seed 4545) 0.955% against
  // 1.013%, 58% more pages per second.
  int min_dpi = 250;
  int target_dpi = 300;
  // Pages scanned above this are downscaled to target_dpi (faster, no loss).
  int max_dpi = 400;
  // A resolution the file states below this is not believed (a JFIF 1x1
  // aspect, a phone's 72 dpi, a photo wrapped in a PDF page): the text's
  // size decides, as it does when the file states none.
  int min_plausible_dpi = 100;
  // Where the text decides, the page is scaled so that its median letter
  // component (TextScale::letter_height) is this tall (pixels). A real
  // 70 dpi phone photo (letters of 11 px) read best enlarged about twice,
  // worse at 300 dpi's size (40 px): the tesseract CLI's word recall x2
  // 0.94, x3 0.93, x4 0.90; hoso's mean over the photo and its four
  // degraded copies 0.888 at 22 px, 0.899 at 24 and at 26. The page is then
  // worked as the resolution at which such letters are body text.
  double target_letter_px = 24;
  // The text overrules a stated resolution when the text's size implies
  // one more than this factor away (fax headers, receipts' small print)...
  double contradiction = 2.0;
  // ...and the text's measure is at least this sure (0..1).
  double min_text_confidence = 0.5;
  // Largest enlargement the text may ask for.
  double max_upscale = 5.0;
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
  // A run of at least this many evenly spaced lone dots on one line is a
  // leader (an ellipsis has three; a value that nearly fills its line
  // leaves a leader of a few dots, which Tesseract reads as "....").
  int min_dots = 5;
};

// Combs: a form's boxes for the characters of a value (rules.cpp).
struct RuleOptions {
  bool enabled = true;
  // A rule across is a thin run of ink at least this long: a letter's
  // stroke is a few mm, and the flattest stretch of a stamp's ring (50 mm
  // across, its line 1 mm thick) ~14 mm; nine boxes of an old ID number
  // are ~50 mm. A rule down (a box's or a cell's side) is at least this
  // tall, and meets a rule across at an end: box sides of the ID number on
  // 13 pt forms are ~6 mm, a letter's stem ~3.5 mm.
  double min_across_mm = 25.0;
  double min_down_mm = 4.5;
  double max_thickness_mm = 0.6;
  // The widest pitch of a comb's boxes (one character each).
  double max_pitch_mm = 12.0;
};

struct DespeckleOptions {
  bool enabled = true;
  // Salt-and-pepper noise: specks (ink components of at most ~0.045 mm²,
  // darker than the paper by 40% of the page's contrast) per cm². Above
  // this, the page is median-filtered.
  double min_specks_per_cm2 = 1.0;
  // Not below this resolution (of the page as it came): a 3x3 median takes
  // away what is under a pixel and a half or so, and below 200 dpi a
  // letter's stroke (~0.3 mm, a thermal receipt's less) is that; a phone
  // photo's noise is not salt and pepper either. (At 70 dpi the median cost
  // a photographed form two thirds of its words; at 150 dpi, a real till
  // receipt half of its words.)
  int min_dpi = 200;
};

struct OrientationOptions {
  // The ink alone tells which way lines run, reliably; which way up they
  // are it tells on Tesseract's phototests but not on every form (see the
  // DISABLED_ test in tests/cleanup/orientation_test), so hoso gives Clean
  // a judge (Tesseract's OSD) for that half.
  bool enabled = true;
  // Without a judge, whether to turn pages on the ink's word alone (off:
  // the way up it gives is wrong on some forms, and a page turned upside
  // down reads worse than one left as scanned).
  bool ink_only = false;
  // Skew range tried while deciding whether lines run across or down.
  double max_skew = 15.0;
  // The ink is sure of the way up when the marks above the lines' x-height
  // band outweigh those below (or the other way round) by this share of all
  // the lines' ink. Real Vietnamese letters tip by 0.045 to 0.065, generated
  // forms by 0.1 to 0.2 (ID copies, in capitals, by 0.02 to 0.04); real till
  // receipts, capitals and digits, by at most 0.018 the wrong way (0.028
  // with handwriting over one).
  double sure_way_up_net = 0.04;
  // Below this confidence (0..1) the page is left as scanned.
  double min_confidence = 0.05;
  // The judge is asked only when the ink's own confidence is below this
  // (on generated sets the ink is right on every page above 0.4; the judge
  // costs ~200 ms a page, the ink ~25 ms). 1.0 asks it about every page.
  double judge_below = 0.6;
  // A judge's verdict counts from this confidence (0..1) up.
  double min_judge_confidence = 0.3;
};

struct IlluminationOptions {
  bool enabled = true;
  // Pixels darker than this (after flattening, paper at 255) count as ink.
  int ink_below = 215;
  // When the darkest tenth of the ink is lighter than this, the ink is
  // faded and is stretched so that level becomes ink_target.
  int faded_above = 60;
  int ink_target = 25;
  // A dark minority of the ink can make the page's darkest tenth black
  // while the rest is faded: then the median over bands of rows of their
  // darkest tenth is used, when it is above this. (Lower, it is the
  // ordinary unevenness of a photo's or a blurred page's ink, and the
  // stretch made a dropped stamp's remains legible again: on a generated
  // photo set, CER 3.35% -> 3.88% with no such floor.)
  int hidden_faded_above = 120;
  // Then the paper is made white: levels from `paper_from` up
  // become 255, and those between `ramp_from` and it are spread over the
  // whole range above `ramp_from`. Tesseract's line recogniser reads the
  // grey image, and the grain of noise, JPEG and bleed-through left on the
  // paper made it misread clean-looking lines ("5." as "Đ.").
  int ramp_from = 160;
  int paper_from = 225;
};

struct ColourInkOptions {
  // Red stamps and blue signatures over black text: read the page through
  // its brightest channel, where coloured ink is pale and black stays black.
  bool enabled = true;
  // A pixel is coloured when its channels differ by more than this, or,
  // for faded ink, by more than `min_faded_chroma` and by at least
  // `min_chroma_ratio` of its darkness (255 minus its darkest channel):
  // fading pales ink's colour and its darkness alike...
  int min_chroma = 60;
  int min_faded_chroma = 25;
  double min_chroma_ratio = 0.5;
  // ...and the page is treated as stamped when this share of it is...
  double min_share = 0.002;
  // ...unless the text itself is coloured (a receipt or a carbon copy
  // printed in blue or violet, a letter typed in colour), where dropping
  // the colour would drop the text: the coloured ink outweighs the black
  // (channels within min_faded_chroma, the brightest below `black_below`)
  // by `text_colour_over_black`, and is at least `text_colour_over_grey` of
  // the neutral ink of any shade (the brightest below `grey_below`: a faded
  // page's black text is grey). JPEG's halved colour makes the pale edges
  // of coloured strokes look grey, not their dark middles. Two real
  // receipts printed in blue and violet under one black line: colour 5.6
  // and 7.5 times the black, 1.0 and 3.1 times the grey; a real photo of a
  // letter with a red stamp over its signature: colour a twentieth of the
  // black.
  double text_colour_over_black = 2.0;
  double text_colour_over_grey = 0.5;
  int black_below = 120;
  int grey_below = 200;
  // A stamp's red channel is not the paper's white in a photo (JPEG halves
  // the colour's resolution, blur mixes the ring's strokes with the paper,
  // a phone's red is not pure), so the brightest channel leaves a grey ring
  // and its lettering, which Tesseract read as lines of garbage beside the
  // signer. A red pixel (red its brightest channel, redder than
  // `min_faded_chroma`, near strokes redder than `min_chroma`) is made
  // lighter by as much as it is red. Red only: stamps are red; lifting
  // every colour also took a day filled in in blue pen from a letter's date
  // (letters set CER 3.74% -> 6.25%). Near red strokes only: JPEG tints
  // black letters' rims, and lifting them took tone marks off a real
  // photo's small print. On generated photo sets CER 1.51% -> 0.83% and
  // 2.35% -> 1.68%. Not next to black (a letter the stamp crosses is
  // black in its middle, red-tinted at its rims), nor where green and blue
  // are far darker than in the stamp's own ink, its clearly red pixels'
  // median (black under the red: a thin tone mark): the lift ramps in from
  // `lift_from` of that median to `lift_full`. Lifting those wore "Hải" to
  // "Hiải", "Cần" to "Cân" and "Nẵng" to "Năng" on date lines under stamps.
  bool lift_red = true;
  double lift_from = 0.25;
  double lift_full = 0.5;
};

struct SolidRegionOptions {
  // Scanner borders, punch holes and photos: dark, smooth regions.
  bool enabled = true;
  // Darker than the paper by more than this (grey levels, at ~50 dpi)...
  int min_darkness = 40;
  // ...varying less than this (standard deviation over ~2.5 mm)...
  double max_texture = 12;
  // ...at least this many millimetres each way...
  double min_side_mm = 4.0;
  // ...and ending in a step: around its outline the paper's grey (text
  // closed away) changes, per pixel at ~50 dpi, by at least this share of
  // the region's darkness. Photos, borders and holes measured 0.42-1.0 on
  // generated scans and photos; the shade cast over a photographed sheet,
  // with text in it, 0.01-0.09.
  double min_rim_steepness = 0.2;
  // A region whose box covers half the page is painted only as a frame:
  // along the image's edges and darkening at most this share of the page.
  double max_frame_share = 0.4;
  // A thin band along an image edge: dark from the edge on at least this
  // share of the edge's rows, to a depth under `max_band_share` of the page.
  double min_band_lines = 0.6;
  double max_band_share = 0.15;
};

struct SheetOptions {
  // Phone photos: find the sheet on the desk and make it rectangular.
  bool enabled = true;
  // A page stating this resolution or more may be a document scanner's
  // (200 dpi and more) on a dark lid: its sheet is taken only when seen in
  // perspective, its corners this far from right angles. A scanned page
  // is a rectangle (0-0.15 degrees measured on generated scans with
  // borders; photos 0.8-8.8), which the border step crops keeping the
  // scanner's resolution. Pages stating less are photos (a phone app's PDF
  // puts an 800-1600 pixel photo on an A4 page: 100-190 dpi), but so is a
  // full-size phone photo on an A4 page, stating 300-500 dpi.
  int below_dpi = 200;
  double scan_min_tilt_deg = 0.5;
  // The sheet covers at least this share of the photo...
  double min_area = 0.2;
  // ...is brighter than what is around it by this many grey levels...
  double min_contrast = 25;
  // ...along at least 3/4 of each of its sides, as a step: just inside a
  // side is brighter than just outside, and the steepest change across it,
  // per pixel (of the photo at ~600 pixels), is at least this share of that
  // difference. Sheets' edges on generated photos measured 0.27-0.34 (5th
  // to 90th percentile); a shadow's edge across the sheet is a slope.
  double min_edge = 0.2;
  // ...and a corner lies this far (share of the long side) inside the
  // frame: a sheet already filling the frame is left as it is.
  double min_margin = 0.03;
};

struct CleanupOptions {
  SheetOptions sheet;
  BlankOptions blank;
  ColourInkOptions colour_ink;
  SolidRegionOptions solid_regions;
  IlluminationOptions illumination;
  OrientationOptions orientation;
  DespeckleOptions despeckle;
  ResolutionOptions resolution;
  DeskewOptions deskew;
  LeaderOptions leaders;
  RuleOptions rules;
  Status Validate() const;
};

// What one cleanup step cost on one page.
struct StepTime {
  std::string step;  // "blank", "colour-ink", "despeckle", ...
  double ms = 0;
};

// A photographed sheet's corners (top-left, top-right, bottom-right,
// bottom-left, in the image's pixels).
struct SheetQuad {
  bool found = false;
  std::array<cv::Point2f, 4> corners;
  // How far its corners are from right angles, at most (degrees): a sheet
  // seen in perspective, not a scanned page's rectangle.
  double tilt_deg = 0;
};
// The sheet in a photo: the large bright quadrilateral against a darker
// desk; found only when it does not already fill the frame.
SheetQuad FindSheet(const cv::Mat& image, const SheetOptions& options);
// The sheet cut out of the photo and made the rectangle it was.
cv::Mat RectifySheet(const cv::Mat& image, const SheetQuad& sheet);

// The resolution a page is worked at, and where it came from.
struct ResolutionPlan {
  double scale = 1.0;      // applied to the scan
  int dpi = 0;             // the working resolution, once scaled
  int file_dpi = 0;        // as the file states it (0: none)
  bool estimated = false;  // the text's size decided, not the file
  TextScale text;          // the text's measure (on the scan as it came)
};
// The resolution the page's file states, when it is believable (at least
// options.min_plausible_dpi); 0 otherwise.
int PlausibleFileDpi(const SourcePage& page, const ResolutionOptions& options);
// The file's resolution when it states a plausible one the text does not
// contradict; otherwise the text's size decides (see ResolutionOptions);
// with neither, the page is taken to be an A4 sheet.
ResolutionPlan PlanResolution(const SourcePage& page, const ResolutionOptions& options);

struct CleanPage {
  int index = 0;
  // What OCR reads: 8-bit grey, upright, at `dpi`. (The scan itself, in
  // colour, stays as it came: the archive keeps the input file, and
  // `rotation` and `skew_deg` say how it was turned.)
  cv::Mat gray;
  int dpi = 0;
  int file_dpi = 0;                    // the file's own value (0: none)
  bool dpi_estimated = false;          // `dpi` comes from the text's size
  bool perspective_corrected = false;  // a photographed sheet made rectangular
  int rotation = 0;                    // clockwise degrees applied: 0, 90, 180, 270
  double rotation_confidence = 0;
  double skew_deg = 0;  // counter-clockwise skew found (and corrected)
  double skew_confidence = 0;
  bool blank = false;
  std::vector<StepTime> times;  // every step that ran, in order
};

// Grey version of a BGR or grey image.
cv::Mat ToGray(const cv::Mat& image);

struct BlankVerdict {
  bool blank = false;
  double ink_fraction = 0;
  int text_components = 0;  // letter-sized ink in rows of text
};
// Whether a grey page carries writing.
BlankVerdict DetectBlank(const cv::Mat& gray, int dpi, const BlankOptions& options);

// The scale factor that brings `dpi` within the options' range (1 = none).
double ResolutionScale(int dpi, const ResolutionOptions& options);

struct OrientationEstimate {
  int rotation = 0;        // clockwise turn that makes the page upright
  double confidence = 0;   // 0..1
  double balance = 0;      // ink above minus below the x-height band (-1..1)
  double net_balance = 0;  // the same difference over all the lines' ink
  // Evidence that lines run across (> 1) or down (< 1): blobs after
  // smearing down over blobs after smearing across, and the sharpest row
  // profile over the sharpest column profile (left at 1 when the smearing
  // says clearly that they run across, and the profiles are not compared).
  double direction_smear = 1, direction_profile = 1;
  // Skew of the lines once turned across (counter-clockwise degrees).
  double skew_deg = 0;
};
// Which way up a grey page is (0, 90, 180, 270), from the ink alone.
OrientationEstimate EstimateOrientation(const cv::Mat& gray, int dpi, const OrientationOptions& options);

// A second opinion on which way up a page is, from something that can read
// it (the OCR adapter's orientation detection implements it). Cleanup asks
// it once the text lines run across the page. Not thread-safe: one per
// worker, like the engine behind it.
class OrientationJudge {
 public:
  virtual ~OrientationJudge() = default;
  // Clockwise turn that makes `gray` upright, with a confidence 0..1;
  // nullopt when it cannot tell (too little text).
  virtual std::optional<OrientationEstimate> JudgeOrientation(const cv::Mat& gray, int dpi) = 0;
};
// Turns an image clockwise by 0, 90, 180 or 270 degrees.
cv::Mat RotateClockwise(const cv::Mat& image, int degrees);

struct SkewEstimate {
  double angle_deg = 0;   // counter-clockwise rotation of the text lines
  double confidence = 0;  // 0..1: how much sharper the best angle's profile is
};
// The skew of a grey page's text lines (projection profiles of the ink).
SkewEstimate EstimateSkew(const cv::Mat& gray, int dpi, const DeskewOptions& options);
// Turns a page clockwise by angle_deg about its centre, filling with white
// (three shears for grey pages, see geometry.h).
cv::Mat Rotate(const cv::Mat& image, double angle_deg);

// The page as the pipeline read it, made again from the scan and what the
// page record says (for the review station, so that the fields' boxes fall
// where they were read): grey, at the working scale (from the recorded
// width `width` of the upright page; a resolution estimated from the text
// is not the file's), turned by `rotation` (0, 90, 180, 270 clockwise) and
// deskewed by `skew_deg`. A photo's perspective is not made again.
cv::Mat ReplayPage(const cv::Mat& scan, int width, int rotation, double skew_deg);

// Paints solid dark regions without text (scanner borders, punch holes, an
// ID photo) with the paper's level; returns how many it found.
int RemoveSolidRegions(cv::Mat& gray, int dpi, const SolidRegionOptions& options);

// Divides the page by its estimated paper (uneven light and grey paper
// become white) and stretches faded ink; true if it ran.
bool FlattenIllumination(cv::Mat& gray, int dpi, const IlluminationOptions& options);

// Shares of a colour page's pixels that are coloured ink (see
// ColourInkOptions; 0 for grey pages), measured on a sample grid: over the
// whole page, and, with the black and grey ink, over the page less its
// margins.
struct InkShares {
  double coloured = 0;
  double inner_coloured = 0;
  double black = 0;  // neutral and dark
  double grey = 0;   // neutral, of any shade of ink (the black included)
};
InkShares MeasureInk(const cv::Mat& image, const ColourInkOptions& options);
// The grey page OCR should read: for a page of black text with coloured
// ink over it (stamps, signatures) its brightest channel, which drops the
// colour and keeps the black text; otherwise, and when the text itself is
// coloured, plain luminance (`luminance` when the caller has it already).
// *suppressed says which.
cv::Mat InkGray(const cv::Mat& image, const ColourInkOptions& options, bool* suppressed = nullptr,
                const cv::Mat& luminance = {});

// Specks of salt-and-pepper noise per cm² of a page scanned at `dpi`
// (see DespeckleOptions).
double SpeckDensity(const cv::Mat& gray, int dpi);
// Median-filters a page with salt-and-pepper noise; true if it did.
bool Despeckle(cv::Mat& gray, int dpi, const DespeckleOptions& options);

// Erases dotted leaders (". . . . ." runs on form lines) from a grey page;
// returns how many runs it removed.
int RemoveLeaders(cv::Mat& gray, int dpi, const LeaderOptions& options);

// Erases combs (the printed boxes of an ID number's digits, one to a box)
// from a grey page; returns how many it removed.
int RemoveRules(cv::Mat& gray, int dpi, const RuleOptions& options);

// Receives each intermediate image with the name of the step that made it
// ("1-gray", "2-despeckled", ...), for a person to look at (--debug-images).
using DebugSink = std::function<void(const std::string& step, const cv::Mat& image)>;

// A sink that writes each image as PREFIX + STEP + ".png" (for
// --debug-images; write errors are ignored: debugging must not fail a page).
DebugSink DebugFileSink(const std::string& prefix);

// `judge` (may be null) decides which way up a page is once its lines run
// across; without one, the ink balance decides. `debug` (may be empty)
// sees every intermediate image.
Result<CleanPage> Clean(const SourcePage& page, const CleanupOptions& options, OrientationJudge* judge = nullptr,
                        const DebugSink& debug = {});

}  // namespace hoso

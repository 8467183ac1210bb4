#include "cleanup/cleanup.h"
#include "cleanup/geometry.h"

#include <chrono>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace hoso {

Status CleanupOptions::Validate() const {
  if (blank.min_ink_fraction < 0 || blank.min_ink_fraction > 0.5)
    return Status::Error(ErrorCode::kInvalidArgument, "blank.min_ink_fraction must be 0..0.5");
  if (blank.margin < 0 || blank.margin >= 0.5)
    return Status::Error(ErrorCode::kInvalidArgument, "blank.margin must be 0..0.5");
  if (resolution.target_dpi < 70 || resolution.min_dpi > resolution.target_dpi ||
      resolution.max_dpi < resolution.target_dpi)
    return Status::Error(ErrorCode::kInvalidArgument, "resolution: need min_dpi <= target_dpi <= max_dpi");
  if (deskew.max_angle <= 0 || deskew.max_angle > 45)
    return Status::Error(ErrorCode::kInvalidArgument, "deskew.max_angle must be 0..45");
  if (leaders.min_dots < 3) return Status::Error(ErrorCode::kInvalidArgument, "leaders.min_dots must be >= 3");
  return Status::Ok();
}

DebugSink DebugFileSink(const std::string& prefix) {
  return [prefix](const std::string& step, const cv::Mat& image) {
    try {
      cv::imwrite(prefix + step + ".png", image);
    } catch (const cv::Exception&) {}
  };
}

cv::Mat ToGray(const cv::Mat& image) {
  if (image.channels() == 1) return image;
  cv::Mat gray;
  cv::cvtColor(image, gray, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  return gray;
}

double ResolutionScale(int dpi, const ResolutionOptions& options) {
  if (dpi <= 0) return 1.0;
  if (dpi < options.min_dpi || dpi > options.max_dpi) return static_cast<double>(options.target_dpi) / dpi;
  return 1.0;
}

int PlausibleFileDpi(const SourcePage& page, const ResolutionOptions& options) {
  return page.dpi_from_file && page.dpi >= options.min_plausible_dpi ? page.dpi : 0;
}

ResolutionPlan PlanResolution(const SourcePage& page, const ResolutionOptions& options) {
  ResolutionPlan plan;
  plan.file_dpi = page.dpi_from_file ? page.dpi : 0;
  const int plausible = PlausibleFileDpi(page, options);
  plan.text = EstimateTextScale(page.image, plausible);
  const bool text_sure = plan.text.found() && plan.text.confidence >= options.min_text_confidence;
  // A page taken to be at `dpi`: brought into the range Tesseract reads
  // best, unless its letters are already the height it reads best at (a
  // 200 dpi scan of 13-14 pt text: enlarged, it reads no better and costs
  // 2.25 times the pixels).
  auto at = [&](int dpi) {
    plan.scale = ResolutionScale(dpi, options);
    if (plan.scale > 1 && text_sure && plan.text.letter_height >= options.target_letter_px) plan.scale = 1.0;
    plan.dpi = plan.scale == 1.0 ? dpi : options.target_dpi;
    return plan;
  };
  const double ratio = text_sure && plausible ? static_cast<double>(plan.text.dpi) / plausible : 1.0;
  if (plausible && ratio <= options.contradiction && ratio >= 1.0 / options.contradiction) return at(plausible);
  plan.estimated = true;
  if (text_sure) {
    // Letters brought to the height Tesseract reads best; the page is then
    // worked as the resolution at which such letters are body text.
    // Letters already large enough are left as they are (a 300 dpi scan
    // that states no resolution); very large ones are reduced as a 600 dpi
    // scan would be.
    const double h = plan.text.letter_height;
    plan.scale = h < options.target_letter_px         ? std::min(options.target_letter_px / h, options.max_upscale)
                 : h > 2.5 * options.target_letter_px ? std::max(1.6 * options.target_letter_px / h, 0.125)
                                                      : 1.0;
    plan.dpi = static_cast<int>(std::lround(DpiForLetterHeight(plan.text.letter_height * plan.scale)));
    return plan;
  }
  // No resolution and no text to measure: an A4 sheet filling the image.
  const int side = std::max(page.image.rows, page.image.cols);
  return at(std::clamp(static_cast<int>(std::lround(side / 11.69)), 50, 1200));
}

namespace {

// The page at another resolution for OCR: area averaging down (the exact
// halving by OpenCV's fast path), Lanczos up. On a real 70 dpi phone photo
// and its four degraded copies, hoso's mean word recall with letters
// enlarged 2.2 times: Lanczos 0.911, cubic 0.905, Lanczos with light
// unsharp masking 0.908, cubic with it 0.899.
cv::Mat Resample(const cv::Mat& image, double scale) {
  if (scale == 0.5) return Shrink(image, scale);
  cv::Mat out;
  cv::resize(image, out, cv::Size(), scale, scale, scale > 1 ? cv::INTER_LANCZOS4 : cv::INTER_AREA);
  return out;
}

}  // namespace

namespace {

// One page's way through Clean: the steps in order, each timed (CleanPage's
// times) and, with a debug sink, shown (NAME-STEP.png).
class CleanRun {
 public:
  CleanRun(const CleanupOptions& options, OrientationJudge* judge, const DebugSink& debug, CleanPage& out)
      : options_(options), judge_(judge), debug_(debug), out_(out) {}

  void Show(const char* name, const cv::Mat& image) {
    if (debug_) debug_(std::to_string(++step_) + "-" + name, image);
  }
  // Charges the time since the last call to `name`.
  void Timed(const char* name) {
    const auto now = Clock::now();
    out_.times.push_back({name, std::chrono::duration<double, std::milli>(now - lap_).count()});
    lap_ = now;
  }

  // A photo (no plausible resolution, or a phone app's PDF) of a sheet on a
  // desk: the sheet alone, made rectangular, in `sheet`; else the page.
  const SourcePage& Sheet(const SourcePage& page, SourcePage& sheet) {
    const int file_dpi = PlausibleFileDpi(page, options_.resolution);
    if (!options_.sheet.enabled) return page;
    const SheetQuad quad = FindSheet(page.image, options_.sheet);
    if (!quad.found) return page;
    if (file_dpi >= options_.sheet.below_dpi && quad.tilt_deg < options_.sheet.scan_min_tilt_deg) return page;
    sheet = page;
    sheet.image = RectifySheet(page.image, quad);
    // The file's resolution was the whole photo's (a phone app puts it
    // on an A4 page), not the sheet's within it: the text decides.
    sheet.dpi_from_file = false;
    out_.perspective_corrected = true;
    Timed("sheet");
    Show("sheet", sheet.image);
    return sheet;
  }

  // Colour, impulse noise, then the scale the plan chose for coarse scans,
  // dark regions and uneven light: the ink on white paper.
  cv::Mat Ink(const cv::Mat& scan, cv::Mat gray, const SourcePage& page, const ResolutionPlan& plan) {
    bool colour_dropped = false;
    gray = InkGray(scan, options_.colour_ink, &colour_dropped, gray);
    // Every later step may write into the page: never into the caller's scan.
    if (gray.data == page.image.data) gray = gray.clone();
    Timed("colour-ink");
    if (colour_dropped) Show("colour-ink-dropped", gray);
    // Impulse noise first: it would otherwise be upscaled into blobs.
    if (options_.despeckle.enabled) {
      const bool ran = Despeckle(gray, out_.dpi, options_.despeckle);
      Timed("despeckle");
      if (ran) Show("despeckled", gray);
    }
    if (plan.scale > 1.0) {
      gray = Resample(gray, plan.scale);
      out_.dpi = plan.dpi;
      Timed("resize");
      Show("resized", gray);
    }
    if (options_.solid_regions.enabled) {
      const int regions = RemoveSolidRegions(gray, out_.dpi, options_.solid_regions);
      Timed("solid-regions");
      if (regions) Show("solid-regions-removed", gray);
    }
    if (options_.illumination.enabled) {
      FlattenIllumination(gray, out_.dpi, options_.illumination);
      Timed("illumination");
      Show("flattened", gray);
    }
    return gray;
  }

  // The way up: the ink's estimate, the judge's when the ink is unsure.
  cv::Mat Upright(cv::Mat gray) {
    if (!options_.orientation.enabled || !(judge_ || options_.orientation.ink_only)) return gray;
    OrientationEstimate o = EstimateOrientation(gray, out_.dpi, options_.orientation);
    Timed("orientation");
    bool judged = false;
    if (judge_ && o.confidence < options_.orientation.judge_below && o.rotation != 0) {
      // The ink tells reliably which way the lines run; which way up they
      // are, the judge reads better when the ink is unsure (and costs a
      // third of the OCR time: it is asked only then, and only when the
      // ink would turn the page; a page left as it came that reads poorly
      // is read turned over anyway). Ask it about the page with its lines
      // across.
      const int across = o.rotation % 180;  // 90 when the lines run down the page
      // At OSD's resolution, turned and deskewed: OSD reads skewed lines poorly.
      const double s = std::min(1.0, 150.0 / std::max(out_.dpi, 1));
      const cv::Mat small = Shrink(gray, s);
      cv::Mat lines_across = RotateClockwise(small, across);
      if (std::abs(o.skew_deg) >= 1.0) lines_across = Rotate(lines_across, o.skew_deg);
      if (auto j = judge_->JudgeOrientation(lines_across, static_cast<int>(std::lround(out_.dpi * s)));
          j && j->confidence >= options_.orientation.min_judge_confidence) {
        o.rotation = (across + j->rotation) % 360;
        o.confidence = j->confidence;
        judged = true;
      }
      Timed("orientation-judge");
    }
    // Unsure of the way up, with the lines already across: the page stays
    // the way it came. Most pages come upright, and one turned over on a
    // guess reads as nothing (OCR reads a page it reads poorly turned over
    // too, when its way up was not sure). Lines running down the page must
    // be turned one way or the other, on the best guess there is.
    if (!judged && o.rotation == 180 && o.confidence < options_.orientation.judge_below) o.rotation = 0;
    out_.rotation_confidence = o.confidence;
    if (o.rotation != 0 && o.confidence >= options_.orientation.min_confidence) {
      out_.rotation = o.rotation;
      gray = RotateClockwise(gray, o.rotation);
      Timed("turn");
      Show("upright", gray);
    }
    return gray;
  }

  // Skew taken out, then dotted leaders and printed rules.
  cv::Mat Straight(cv::Mat gray) {
    if (options_.deskew.enabled) {
      const SkewEstimate skew = EstimateSkew(gray, out_.dpi, options_.deskew);
      out_.skew_confidence = skew.confidence;
      if (skew.confidence >= options_.deskew.min_confidence &&
          std::abs(skew.angle_deg) >= options_.deskew.min_correction) {
        out_.skew_deg = skew.angle_deg;
        gray = Rotate(gray, skew.angle_deg);
      }
      Timed("deskew");
      if (out_.skew_deg != 0) Show("deskewed", gray);
    }
    if (options_.leaders.enabled) {
      const int runs = RemoveLeaders(gray, out_.dpi, options_.leaders);
      Timed("leaders");
      if (runs > 0) Show("leaders-removed", gray);
    }
    if (options_.rules.enabled) {
      const int rules = RemoveRules(gray, out_.dpi, options_.rules);
      Timed("rules");
      if (rules > 0) Show("rules-removed", gray);
    }
    return gray;
  }

 private:
  using Clock = std::chrono::steady_clock;
  const CleanupOptions& options_;
  OrientationJudge* judge_;
  const DebugSink& debug_;
  CleanPage& out_;
  int step_ = 0;
  Clock::time_point lap_ = Clock::now();
};

}  // namespace

Result<CleanPage> Clean(const SourcePage& page, const CleanupOptions& options, OrientationJudge* judge,
                        const DebugSink& debug) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (page.image.empty()) return Status::Error(ErrorCode::kInvalidArgument, "empty page image");
  CleanPage out;
  out.index = page.index;
  CleanRun run(options, judge, debug, out);
  run.Show("scan", page.image);
  SourcePage sheet;
  const SourcePage& source = run.Sheet(page, sheet);
  // The resolution first: every later step thinks in millimetres.
  const ResolutionPlan plan = PlanResolution(source, options.resolution);
  out.file_dpi = page.dpi_from_file ? page.dpi : 0;
  out.dpi_estimated = plan.estimated;
  // Until the page is scaled, it is at the resolution the plan implies for
  // the scan as it came.
  out.dpi = std::max(1, static_cast<int>(std::lround(plan.dpi / plan.scale)));
  run.Timed("resolution");
  // Scans finer than needed are reduced first (a 600 dpi page is four times
  // the work of every step); coarse ones are enlarged after despeckling.
  cv::Mat scan = source.image;
  if (plan.scale < 1.0) {
    scan = Resample(scan, plan.scale);
    out.dpi = plan.dpi;
    run.Timed("resize");
    run.Show("resized", scan);
  }
  cv::Mat gray = ToGray(scan);
  out.blank = DetectBlank(gray, out.dpi, options.blank).blank;
  run.Timed("blank");
  if (out.blank) {
    out.gray = gray;
    return out;
  }
  gray = run.Ink(scan, gray, page, plan);
  gray = run.Upright(gray);
  out.gray = run.Straight(gray);
  run.Show("for-ocr", out.gray);
  return out;
}

}  // namespace hoso

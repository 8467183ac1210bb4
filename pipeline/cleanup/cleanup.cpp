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
    } catch (const cv::Exception&) {
    }
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
  // A page taken to be at `dpi`: brought into the range Tesseract reads best.
  auto at = [&](int dpi) {
    plan.scale = ResolutionScale(dpi, options);
    plan.dpi = plan.scale == 1.0 ? dpi : options.target_dpi;
    return plan;
  };
  const int plausible = PlausibleFileDpi(page, options);
  plan.text = EstimateTextScale(page.image, plausible);
  const bool text_sure = plan.text.found() && plan.text.confidence >= options.min_text_confidence;
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

Result<CleanPage> Clean(const SourcePage& page, const CleanupOptions& options, OrientationJudge* judge,
                        const DebugSink& debug) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (page.image.empty()) return Status::Error(ErrorCode::kInvalidArgument, "empty page image");
  CleanPage out;
  out.index = page.index;
  int step = 0;
  auto show = [&](const char* name, const cv::Mat& image) {
    if (debug) debug(std::to_string(++step) + "-" + name, image);
  };
  using Clock = std::chrono::steady_clock;
  auto lap = Clock::now();
  // Charges the time since the last call to `name`.
  auto timed = [&](const char* name) {
    const auto now = Clock::now();
    out.times.push_back({name, std::chrono::duration<double, std::milli>(now - lap).count()});
    lap = now;
  };
  show("scan", page.image);
  // A photo (no plausible resolution) of a sheet on a desk: the sheet alone,
  // made rectangular.
  SourcePage sheet;
  const SourcePage* source = &page;
  const int file_dpi = PlausibleFileDpi(page, options.resolution);
  if (options.sheet.enabled && (!file_dpi || file_dpi < options.sheet.below_dpi)) {
    if (const SheetQuad quad = FindSheet(page.image, options.sheet); quad.found) {
      sheet = page;
      sheet.image = RectifySheet(page.image, quad);
      // The file's resolution was the whole photo's (a phone app puts it
      // on an A4 page), not the sheet's within it: the text decides.
      sheet.dpi_from_file = false;
      source = &sheet;
      out.perspective_corrected = true;
      timed("sheet");
      show("sheet", sheet.image);
    }
  }
  // The resolution first: every later step thinks in millimetres.
  const ResolutionPlan plan = PlanResolution(*source, options.resolution);
  out.file_dpi = page.dpi_from_file ? page.dpi : 0;
  out.dpi_estimated = plan.estimated;
  // Until the page is scaled, it is at the resolution the plan implies for
  // the scan as it came.
  const double scale = plan.scale;
  out.dpi = std::max(1, static_cast<int>(std::lround(plan.dpi / scale)));
  timed("resolution");
  // Scans finer than needed are reduced first (a 600 dpi page is four times
  // the work of every step); coarse ones are enlarged after despeckling.
  cv::Mat scan = source->image;
  if (scale < 1.0) {
    scan = Resample(scan, scale);
    out.dpi = plan.dpi;
    timed("resize");
    show("resized", scan);
  }
  cv::Mat gray = ToGray(scan);
  out.blank = DetectBlank(gray, out.dpi, options.blank).blank;
  timed("blank");
  if (out.blank) {
    out.gray = gray;
    return out;
  }
  bool colour_dropped = false;
  gray = InkGray(scan, options.colour_ink, &colour_dropped, gray);
  // Every later step may write into the page: never into the caller's scan.
  if (gray.data == page.image.data) gray = gray.clone();
  timed("colour-ink");
  if (colour_dropped) show("colour-ink-dropped", gray);
  // Impulse noise first: it would otherwise be upscaled into blobs.
  if (options.despeckle.enabled) {
    const bool ran = Despeckle(gray, out.dpi, options.despeckle);
    timed("despeckle");
    if (ran) show("despeckled", gray);
  }
  if (scale > 1.0) {
    gray = Resample(gray, scale);
    out.dpi = plan.dpi;
    timed("resize");
    show("resized", gray);
  }
  if (options.solid_regions.enabled) {
    const int regions = RemoveSolidRegions(gray, out.dpi, options.solid_regions);
    timed("solid-regions");
    if (regions) show("solid-regions-removed", gray);
  }
  if (options.illumination.enabled) {
    FlattenIllumination(gray, out.dpi, options.illumination);
    timed("illumination");
    show("flattened", gray);
  }
  if (options.orientation.enabled && (judge || options.orientation.ink_only)) {
    // The ink's full estimate: its way up stands when the judge is unsure.
    OrientationEstimate o = EstimateOrientation(gray, out.dpi, options.orientation);
    timed("orientation");
    if (judge && o.confidence < options.orientation.judge_below) {
      // The ink tells reliably which way the lines run; which way up they
      // are, the judge reads better when the ink is unsure (and costs a
      // third of the OCR time: it is asked only then). Ask it about the
      // page with its lines across.
      const int across = o.rotation % 180;  // 90 when the lines run down the page
      // At OSD's resolution, turned and deskewed: OSD reads skewed lines poorly.
      const double s = std::min(1.0, 150.0 / std::max(out.dpi, 1));
      const cv::Mat small = Shrink(gray, s);
      cv::Mat lines_across = RotateClockwise(small, across);
      if (std::abs(o.skew_deg) >= 1.0) lines_across = Rotate(lines_across, o.skew_deg);
      if (auto j = judge->JudgeOrientation(lines_across, static_cast<int>(std::lround(out.dpi * s)));
          j && j->confidence >= options.orientation.min_judge_confidence) {
        o.rotation = (across + j->rotation) % 360;
        o.confidence = j->confidence;
      }
      timed("orientation-judge");
    }
    out.rotation_confidence = o.confidence;
    if (o.rotation != 0 && o.confidence >= options.orientation.min_confidence) {
      out.rotation = o.rotation;
      gray = RotateClockwise(gray, o.rotation);
      timed("turn");
      show("upright", gray);
    }
  }
  if (options.deskew.enabled) {
    const SkewEstimate skew = EstimateSkew(gray, out.dpi, options.deskew);
    out.skew_confidence = skew.confidence;
    if (skew.confidence >= options.deskew.min_confidence && std::abs(skew.angle_deg) >= options.deskew.min_correction) {
      out.skew_deg = skew.angle_deg;
      gray = Rotate(gray, skew.angle_deg);
    }
    timed("deskew");
    if (out.skew_deg != 0) show("deskewed", gray);
  }
  if (options.leaders.enabled) {
    const int runs = RemoveLeaders(gray, out.dpi, options.leaders);
    timed("leaders");
    if (runs > 0) show("leaders-removed", gray);
  }
  out.gray = gray;
  show("for-ocr", gray);
  return out;
}

}  // namespace hoso

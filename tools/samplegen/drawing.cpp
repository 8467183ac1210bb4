#include "drawing.h"

#include <opencv2/imgproc.hpp>

namespace samplegen {

void DrawMotto(Page& page, const Style& bold, int left, int right) {
  page.Line(bold, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", left, right, 1);
  page.Line(bold, "Độc lập - Tự do - Hạnh phúc", left, right, 1);
  const int uw = page.TextWidth(bold, "Độc lập - Tự do - Hạnh phúc");
  cv::line(page.image(), {(left + right - uw) / 2, page.y() - Pt(1)}, {(left + right + uw) / 2, page.y() - Pt(1)},
           cv::Scalar(20, 20, 20), 3);
  page.Skip(Pt(22));
}

// A blue-ink signature: a few overlapping cubic strokes.
void DrawSignature(cv::Mat& img, cv::Point at, Rng& rng) {
  const cv::Scalar ink(150, 60, 20);  // BGR: blue ballpoint
  cv::Point prev = at;
  for (int stroke = 0; stroke < 3; ++stroke) {
    cv::Point2d p0 = prev, p1(at.x + rng.Int(0, 250), at.y + rng.Int(-80, 40)),
                p2(at.x + rng.Int(100, 400), at.y + rng.Int(-60, 60)),
                p3(at.x + rng.Int(200, 450), at.y + rng.Int(-30, 30));
    cv::Point last = p0;
    for (int i = 1; i <= 40; ++i) {
      const double t = i / 40.0, u = 1 - t;
      cv::Point2d q = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
      cv::line(img, last, cv::Point(q), ink, 4, cv::LINE_AA);
      last = cv::Point(q);
    }
    prev = last;
  }
}

// A red round stamp: two rings, a star and the authority's name, blended
// over what is below it (ink multiplies, as on paper).
void DrawStamp(Fonts& fonts, cv::Mat& img, cv::Point centre, const std::string& authority, Rng& rng) {
  const int r = Pt(rng.Uniform(16, 19) / 25.4 * 72);  // ~17 mm radius
  cv::Mat layer(img.size(), CV_8UC3, cv::Scalar(255, 255, 255));
  const cv::Scalar red(40, 30, 210);
  cv::circle(layer, centre, r, red, 9, cv::LINE_AA);
  cv::circle(layer, centre, static_cast<int>(r * 0.72), red, 5, cv::LINE_AA);
  std::vector<cv::Point> star;
  for (int i = 0; i < 10; ++i) {
    const double a = -CV_PI / 2 + i * CV_PI / 5, rr = (i % 2 ? 0.11 : 0.27) * r;
    star.emplace_back(centre.x + static_cast<int>(rr * std::cos(a)), centre.y + static_cast<int>(rr * std::sin(a)));
  }
  cv::fillPoly(layer, std::vector<std::vector<cv::Point>>{star}, red, cv::LINE_AA);
  // The name in the ring, letter by letter along the arc.
  const int h = static_cast<int>(r * 0.16);
  std::vector<std::string> letters;
  for (size_t i = 0; i < authority.size();) {
    size_t len = 1;
    const unsigned char c = authority[i];
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    letters.push_back(authority.substr(i, len));
    i += len;
  }
  const double span = CV_PI * 1.5, start = -CV_PI / 2 - span / 2;
  for (size_t i = 0; i < letters.size(); ++i) {
    const double a = start + span * (i + 0.5) / letters.size();
    const double rr = r * 0.86;
    cv::Mat glyph(h * 2, h * 2, CV_8UC3, cv::Scalar(255, 255, 255));
    fonts.sans_bold->putText(glyph, letters[i], cv::Point(h / 2, h / 3), h, red, -1, cv::LINE_AA, false);
    cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(h, h), -(a * 180 / CV_PI + 90), 1.0);
    cv::Mat turned;
    cv::warpAffine(glyph, turned, rot, glyph.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255, 255, 255));
    const cv::Point at(centre.x + static_cast<int>(rr * std::cos(a)) - h,
                       centre.y + static_cast<int>(rr * std::sin(a)) - h);
    cv::Rect roi(at, turned.size());
    roi &= cv::Rect(0, 0, layer.cols, layer.rows);
    if (roi.area() > 0) {
      cv::Mat dst = layer(roi);
      cv::min(dst, turned(cv::Rect(roi.x - at.x, roi.y - at.y, roi.width, roi.height)), dst);
    }
  }
  // Multiply blend with some ink unevenness.
  cv::Mat a, b;
  img.convertTo(a, CV_32FC3, 1 / 255.0);
  layer.convertTo(b, CV_32FC3, 1 / 255.0);
  const double strength = rng.Uniform(0.75, 0.95);
  cv::Mat ink, shade;
  cv::subtract(cv::Scalar::all(1.0), b, ink);
  cv::subtract(cv::Scalar::all(1.0), ink * strength, shade);
  cv::Mat blended = a.mul(shade);
  blended.convertTo(img, CV_8UC3, 255.0);
}

std::string Fill(std::string pattern, const std::map<std::string, std::string>& values) {
  for (const auto& [k, v] : values)
    for (size_t at; (at = pattern.find("{" + k + "}")) != std::string::npos;) pattern.replace(at, k.size() + 2, v);
  return pattern;
}

}  // namespace samplegen

#include "damage.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace samplegen {

double Damage::Strength() const {
  return std::max(
      {std::abs(skew), border, uneven_light, faded, noise, blur, salt_pepper, bleed, jpeg, perspective, shadow, flash});
}

std::map<std::string, double> Damage::AsMap() const {
  return {{"skew", skew},
          {"rotation", rotation},
          {"border", border},
          {"uneven_light", uneven_light},
          {"faded", faded},
          {"noise", noise},
          {"blur", blur},
          {"salt_pepper", salt_pepper},
          {"bleed", bleed},
          {"jpeg", jpeg},
          {"dpi", static_cast<double>(dpi)},
          {"photo", photo ? 1.0 : 0.0},
          {"perspective", perspective},
          {"shadow", shadow},
          {"flash", flash},
          {"bilevel", bilevel ? 1.0 : 0.0}};
}

Damage DrawDamage(Rng& rng, const std::string& profile) {
  Damage d;
  if (profile == "none") return d;
  if (profile == "photo") {
    // What citizens send and clerks receive: a phone photo of the sheet on
    // a desk, 60-150 dpi on the sheet, tilted, shaded or flashed, JPEG.
    d.photo = true;
    d.perspective = rng.Uniform(0.1, 1.0);
    d.shadow = rng.Chance(0.5) ? rng.Uniform(0.2, 1.0) : 0.0;
    d.flash = rng.Chance(0.3) ? rng.Uniform(0.2, 1.0) : 0.0;
    d.noise = rng.Chance(0.5) ? rng.Uniform(0.1, 0.5) : 0.0;
    d.blur = rng.Chance(0.4) ? rng.Uniform(0.1, 0.3) : 0.0;
    d.jpeg = rng.Uniform(0.2, 0.6);
    d.dpi = rng.Int(60, 150);
    return d;
  }
  if (profile == "fax") {
    // A fax or a scanner's black-and-white mode: 200 dpi, 1 bit, a little
    // skew, specks.
    d.bilevel = true;
    d.skew = rng.Chance(0.6) ? rng.Uniform(-0.2, 0.2) : 0.0;
    d.noise = rng.Chance(0.4) ? rng.Uniform(0.1, 0.4) : 0.0;
    d.salt_pepper = rng.Chance(0.3) ? rng.Uniform(0.05, 0.2) : 0.0;
    d.faded = rng.Chance(0.3) ? rng.Uniform(0.1, 0.4) : 0.0;
    d.dpi = 200;
    return d;
  }
  const bool light = profile == "light";
  const double top = light ? 0.3 : profile == "heavy" ? 1.0 : rng.Uniform(0.2, 1.0);
  auto maybe = [&](double p) { return rng.Chance(p) ? rng.Uniform(0.1, 1.0) * top : 0.0; };
  d.skew = maybe(0.8) * (rng.Chance(0.5) ? 1 : -1);
  if (!light && rng.Chance(0.2)) d.rotation = 90 * rng.Int(1, 3);
  d.border = maybe(0.4);
  d.uneven_light = maybe(0.4);
  d.faded = maybe(0.3);
  d.noise = maybe(0.5);
  d.blur = maybe(0.4);
  d.salt_pepper = maybe(0.25);
  d.bleed = maybe(0.25);
  d.jpeg = maybe(0.5);
  static const std::vector<int> kDpi = {200, 240, 300, 300, 300, 400, 600};
  d.dpi = light ? 300 : rng.Pick(kDpi);
  return d;
}

int JpegQuality(const Damage& d) { return static_cast<int>(std::lround(95 - 70 * d.jpeg)); }

namespace {

// The sheet photographed on a desk: the page warped into a tilted
// quadrilateral over a textured background, a soft shadow or a flash's spot
// on it, then taken down to the phone's resolution on the sheet. `img` is
// the 300 dpi page (float BGR, 0..1); the result too, at d.dpi.
cv::Mat Photograph(const cv::Mat& img, const Damage& d, Rng& rng) {
  const int w = img.cols, h = img.rows;
  const int mx = static_cast<int>(w * rng.Uniform(0.06, 0.2)), my = static_cast<int>(h * rng.Uniform(0.04, 0.15));
  const cv::Size canvas(w + 2 * mx, h + 2 * my);
  // A desk: a colour with a low-frequency grain.
  static const cv::Scalar kDesks[] = {{0.25, 0.35, 0.5}, {0.45, 0.45, 0.45}, {0.15, 0.15, 0.18}, {0.55, 0.6, 0.65}};
  cv::Mat out(canvas, CV_32FC3, kDesks[rng.Int(0, 3)]);
  cv::Mat grain(canvas.height / 16 + 1, canvas.width / 16 + 1, CV_32FC1);
  cv::RNG(rng.Next()).fill(grain, cv::RNG::NORMAL, 0, 0.06);
  cv::resize(grain, grain, canvas, 0, 0, cv::INTER_CUBIC);
  cv::Mat grain3;
  cv::cvtColor(grain, grain3, cv::COLOR_GRAY2BGR);
  out += grain3;
  // The sheet's corners moved as a tilted camera moves them: the far edge
  // shorter than the near one, plus a small turn and jitter.
  const double t = 0.12 * d.perspective;
  const bool far_top = rng.Chance(0.5), far_left = rng.Chance(0.5);
  std::vector<cv::Point2f> src = {{0, 0}, {float(w), 0}, {float(w), float(h)}, {0, float(h)}};
  std::vector<cv::Point2f> dst(4);
  for (int i = 0; i < 4; ++i) {
    double x = src[i].x, y = src[i].y;
    const bool top = i < 2, left = i == 0 || i == 3;
    if (top == far_top) x += (left ? 1 : -1) * t * w * rng.Uniform(0.5, 1.0);
    if (left == far_left) y += (top ? 1 : -1) * 0.5 * t * h * rng.Uniform(0.5, 1.0);
    x += rng.Uniform(-0.02, 0.02) * w;
    y += rng.Uniform(-0.02, 0.02) * h;
    dst[i] = cv::Point2f(static_cast<float>(x + mx), static_cast<float>(y + my));
  }
  const cv::Mat m = cv::getPerspectiveTransform(src, dst);
  cv::Mat sheet, mask;
  cv::warpPerspective(img, sheet, m, canvas, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
  cv::warpPerspective(cv::Mat(img.size(), CV_32FC1, cv::Scalar(1)), mask, m, canvas, cv::INTER_LINEAR);
  cv::Mat mask3;
  cv::cvtColor(mask, mask3, cv::COLOR_GRAY2BGR);
  out = out.mul(cv::Scalar::all(1) - mask3) + sheet.mul(mask3);
  // Light: a soft shadow over part of the frame, or a flash's spot.
  cv::Mat gain(canvas, CV_32FC1, cv::Scalar(1));
  if (d.shadow > 0) {
    const double angle = rng.Uniform(0, 2 * CV_PI), cut = rng.Uniform(0.3, 0.7);
    const double nx = std::cos(angle), ny = std::sin(angle), soft = 0.08 * std::hypot(canvas.width, canvas.height);
    const double c = cut * (std::abs(nx) * canvas.width + std::abs(ny) * canvas.height);
    for (int y = 0; y < canvas.height; ++y) {
      float* row = gain.ptr<float>(y);
      for (int x = 0; x < canvas.width; ++x) {
        const double along = (nx >= 0 ? x : x - canvas.width) * nx + (ny >= 0 ? y : y - canvas.height) * ny;
        const double s = std::clamp((along - c) / soft + 0.5, 0.0, 1.0);
        row[x] = static_cast<float>(1 - 0.45 * d.shadow * s);
      }
    }
  }
  cv::Mat lit;
  cv::Mat gain3;
  cv::cvtColor(gain, gain3, cv::COLOR_GRAY2BGR);
  lit = out.mul(gain3);
  if (d.flash > 0) {
    const cv::Point2f c(static_cast<float>(rng.Uniform(0.3, 0.7) * canvas.width),
                        static_cast<float>(rng.Uniform(0.3, 0.7) * canvas.height));
    const double r = 0.25 * std::hypot(canvas.width, canvas.height);
    for (int y = 0; y < canvas.height; ++y) {
      cv::Vec3f* row = lit.ptr<cv::Vec3f>(y);
      for (int x = 0; x < canvas.width; ++x) {
        const double k = 0.6 * d.flash * std::exp(-std::pow(std::hypot(x - c.x, y - c.y) / r, 2));
        for (int ch = 0; ch < 3; ++ch) row[x][ch] = static_cast<float>(row[x][ch] + (1 - row[x][ch]) * k);
      }
    }
  }
  // The phone's optics and sensor: a little blur, then its resolution.
  cv::GaussianBlur(lit, lit, cv::Size(0, 0), 0.8 + 1.2 * d.blur);
  cv::resize(lit, lit, cv::Size(), d.dpi / 300.0, d.dpi / 300.0, cv::INTER_AREA);
  return lit;
}

}  // namespace

cv::Mat ApplyDamage(const cv::Mat& clean, const cv::Mat& back, const Damage& d, Rng& rng) {
  cv::Mat img;
  clean.convertTo(img, CV_32FC3, 1 / 255.0);
  // Ink first (it is on the paper), then the back side, then the scanner.
  if (d.faded > 0) {
    const double keep = 1 - 0.65 * d.faded;  // ink contrast left
    cv::Mat ink;
    cv::subtract(cv::Scalar::all(1.0), img, ink);
    cv::subtract(cv::Scalar::all(1.0), ink * keep, img);
  }
  if (d.bleed > 0 && !back.empty()) {
    cv::Mat b, flipped;
    cv::flip(back, flipped, 1);
    cv::resize(flipped, flipped, img.size());
    flipped.convertTo(b, CV_32FC3, 1 / 255.0);
    cv::GaussianBlur(b, b, cv::Size(0, 0), 3);
    cv::Mat shade;
    cv::subtract(cv::Scalar::all(1.0), b, shade);
    cv::subtract(cv::Scalar::all(1.0), shade * (0.25 * d.bleed), shade);
    img = img.mul(shade);
  }
  if (d.skew != 0) {
    const double angle = 15.0 * d.skew;
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.f, img.rows / 2.f), angle, 1.0);
    cv::warpAffine(img, img, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(1, 1, 1));
  }
  if (d.uneven_light > 0) {
    // Light falling off towards one corner.
    const cv::Point2f c(rng.Uniform(0, img.cols), rng.Uniform(0, img.rows));
    const double diag = std::hypot(img.cols, img.rows);
    cv::Mat gain(img.size(), CV_32FC1);
    for (int y = 0; y < img.rows; ++y) {
      float* row = gain.ptr<float>(y);
      for (int x = 0; x < img.cols; ++x)
        row[x] = static_cast<float>(1 - 0.45 * d.uneven_light * std::hypot(x - c.x, y - c.y) / diag);
    }
    cv::Mat gain3;
    cv::cvtColor(gain, gain3, cv::COLOR_GRAY2BGR);
    img = img.mul(gain3);
  }
  if (d.border > 0) {
    const int bx = static_cast<int>(img.cols * 0.08 * d.border * rng.Uniform(0.5, 1));
    const int by = static_cast<int>(img.rows * 0.05 * d.border * rng.Uniform(0.5, 1));
    const cv::Scalar dark(0.08, 0.08, 0.08);
    if (rng.Chance(0.7)) cv::rectangle(img, cv::Rect(0, 0, bx, img.rows), dark, cv::FILLED);
    if (rng.Chance(0.7)) cv::rectangle(img, cv::Rect(img.cols - bx, 0, bx, img.rows), dark, cv::FILLED);
    if (rng.Chance(0.5)) cv::rectangle(img, cv::Rect(0, 0, img.cols, by), dark, cv::FILLED);
    if (rng.Chance(0.5)) cv::rectangle(img, cv::Rect(0, img.rows - by, img.cols, by), dark, cv::FILLED);
    if (rng.Chance(0.4)) {  // punch-hole shadows in the left margin
      for (double f : {0.3, 0.7})
        cv::circle(img, cv::Point(bx + 90, static_cast<int>(img.rows * f)), 38, dark, cv::FILLED, cv::LINE_AA);
    }
  }
  if (d.photo) {
    img = Photograph(img, d, rng);
  } else if (d.blur > 0) {
    cv::GaussianBlur(img, img, cv::Size(0, 0), 0.3 + 1.9 * d.blur);
  }
  if (d.noise > 0) {
    cv::Mat noise(img.size(), CV_32FC1);
    cv::RNG(rng.Next()).fill(noise, cv::RNG::NORMAL, 0, 28.0 / 255.0 * d.noise);  // seeded: deterministic
    cv::Mat noise3;
    cv::cvtColor(noise, noise3, cv::COLOR_GRAY2BGR);
    img += noise3;
  }
  cv::Mat out;
  img.convertTo(out, CV_8UC3, 255.0);
  if (d.salt_pepper > 0) {
    const int n = static_cast<int>(out.total() * 0.015 * d.salt_pepper);
    for (int i = 0; i < n; ++i) {
      const int x = rng.Int(0, out.cols - 1), y = rng.Int(0, out.rows - 1);
      const uchar v = rng.Chance(0.5) ? 0 : 255;
      out.at<cv::Vec3b>(y, x) = cv::Vec3b(v, v, v);
    }
  }
  if (d.dpi != 300 && !d.photo) {
    const double s = d.dpi / 300.0;
    cv::resize(out, out, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  }
  if (d.bilevel) {
    // One bit: the scanner's fixed threshold.
    cv::Mat gray;
    cv::cvtColor(out, gray, cv::COLOR_BGR2GRAY);
    cv::threshold(gray, gray, 150, 255, cv::THRESH_BINARY);
    cv::cvtColor(gray, out, cv::COLOR_GRAY2BGR);
  }
  if (d.rotation == 90) cv::rotate(out, out, cv::ROTATE_90_COUNTERCLOCKWISE);
  if (d.rotation == 180) cv::rotate(out, out, cv::ROTATE_180);
  if (d.rotation == 270) cv::rotate(out, out, cv::ROTATE_90_CLOCKWISE);
  return out;
}

}  // namespace samplegen

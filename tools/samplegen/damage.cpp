#include "damage.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace samplegen {

double Damage::Strength() const {
  return std::max({std::abs(skew), border, uneven_light, faded, noise, blur, salt_pepper, bleed, jpeg});
}

std::map<std::string, double> Damage::AsMap() const {
  return {{"skew", skew},   {"rotation", rotation}, {"border", border},         {"uneven_light", uneven_light},
          {"faded", faded}, {"noise", noise},       {"blur", blur},             {"salt_pepper", salt_pepper},
          {"bleed", bleed}, {"jpeg", jpeg},         {"dpi", static_cast<double>(dpi)}};
}

Damage DrawDamage(Rng& rng, const std::string& profile) {
  Damage d;
  if (profile == "none") return d;
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
  if (d.blur > 0) cv::GaussianBlur(img, img, cv::Size(0, 0), 0.3 + 1.9 * d.blur);
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
  if (d.dpi != 300) {
    const double s = d.dpi / 300.0;
    cv::resize(out, out, cv::Size(), s, s, s < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  }
  if (d.rotation == 90) cv::rotate(out, out, cv::ROTATE_90_COUNTERCLOCKWISE);
  if (d.rotation == 180) cv::rotate(out, out, cv::ROTATE_180);
  if (d.rotation == 270) cv::rotate(out, out, cv::ROTATE_90_CLOCKWISE);
  return out;
}

}  // namespace samplegen

// Scanner damage applied to clean generated pages, each kind with a
// strength in 0..1, and the truth it leaves (rotation, skew, dpi).
#pragma once

#include <map>
#include <string>

#include <opencv2/core.hpp>

#include "people.h"

namespace samplegen {

// Strength of each damage kind (0 = none, 1 = worst we generate).
struct Damage {
  double skew = 0;          // up to ±15° at 1
  int rotation = 0;         // 0, 90, 180, 270: counter-clockwise turn of the page
  double border = 0;        // dark scanner margins, width up to 8% of the side
  double uneven_light = 0;  // brightness falling off by up to 45%
  double faded = 0;         // ink contrast down to 35% at 1
  double noise = 0;         // Gaussian sigma up to 28
  double blur = 0;          // Gaussian blur sigma up to 2.2 px at 300 dpi
  double salt_pepper = 0;   // up to 1.5% of pixels flipped
  double bleed = 0;         // mirrored back side showing through, up to 25%
  double jpeg = 0;          // JPEG quality from 95 down to 25
  int dpi = 300;            // resampled from 300 to 200..600 (photo: 60..150 on the sheet)
  // The `photo` profile: a phone held over the sheet on a desk. The file
  // states no resolution.
  bool photo = false;
  double perspective = 0;  // camera tilt, up to about ±15° at 1
  double shadow = 0;       // a hand's or phone's soft shadow, darkening up to 45%
  double flash = 0;        // a flash's bright spot, washing out up to 60%
  // The `fax` profile: bi-level (1 bit), as fax machines and document
  // scanners' black-and-white mode write, CCITT G4.
  bool bilevel = false;

  double Strength() const;  // the largest, used to bucket results
  std::map<std::string, double> AsMap() const;
};

// A damage draw for a profile: "none", "light", "mixed", "heavy", "photo"
// or "fax".
Damage DrawDamage(Rng& rng, const std::string& profile);

// Applies everything but jpeg (applied when the file is written).
// `back` is another page used for bleed-through (may be empty).
// Returns the damaged page; skew_deg is the CCW angle applied.
cv::Mat ApplyDamage(const cv::Mat& clean, const cv::Mat& back, const Damage& d, Rng& rng);

int JpegQuality(const Damage& d);

}  // namespace samplegen

// The size of a page's text, measured from its ink: how tall its letters
// are in pixels, whatever the file says its resolution is. A phone photo or
// a fax carries no resolution (or a JFIF 1x1 aspect, or "72 dpi"), and a
// page taken as 300 dpi when it is 70 hands Tesseract five-pixel letters
// and makes every step that thinks in millimetres wrong (blank detection
// judged its text as dust). Body text on Vietnamese administrative paper is
// 12-14 pt (Decree 30/2020/NĐ-CP: 13-14 pt), so the letters' height gives
// the resolution the page was captured at.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hoso {

struct TextScale {
  // Median height (pixels) of the letter-sized ink components, each
  // weighted by its box's area (so that a leader's dots do not outvote the
  // letters): above the x-height, since marks and ascenders join their
  // letters, the more so at low resolution.
  double letter_height = 0;
  // Letter-sized components that lie in rows of text (a neighbour of about
  // the same height beside them): how much text-like structure there is.
  int text_components = 0;
  // 0..1: how much the estimate can be trusted (enough letters, agreeing).
  double confidence = 0;
  // The resolution (dpi) at which letters of that height are body text's
  // (12-14 pt): 0 without an estimate.
  int dpi = 0;
  bool found() const { return dpi > 0; }
};

struct TextScaleOptions {
  // Fewer letter-sized components in rows of text than this: no estimate.
  int min_text_components = 40;
};

// The resolution at which body text's median letter component is `height`
// pixels tall. Not a proportion: below ~150 dpi letters run into their
// marks, ascenders and neighbours, and the median grows relative to the
// x-height. Measured on a real 14 pt letter and generated 13 pt forms
// rendered at 60-300 dpi (tools/bench/text_scale).
double DpiForLetterHeight(double height);

// The heights of the letter-sized ink components that stand in rows of
// text: a neighbour of about their height beside them (letters in words,
// words in lines), unlike specks, rules and pictures. `stats` is what
// LabelInkComponents gave for an ink mask `rows` tall, so a
// step that has labelled its ink already does not label it again.
std::vector<int> LetterHeightsInRows(const cv::Mat& stats, int rows);

// Measures the text of a page, grey or colour (large pages are measured on a
// reduction and the result scaled back). `hint_dpi` (0: none), the
// resolution the file states, only chooses how much to reduce.
TextScale EstimateTextScale(const cv::Mat& image, int hint_dpi = 0, const TextScaleOptions& options = {});

}  // namespace hoso

// Drawing for samplegen's pages: the fonts, text styles and a page that
// records each line it draws (the truth), and the marks common to every
// document: the national motto, a signature, a red round stamp.
#pragma once

#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "forms.h"
#include "people.h"

namespace samplegen {

struct Fonts {
  cv::Ptr<cv::freetype::FreeType2> regular, bold, italic, sans, sans_bold, mono, mono_bold;
};

struct Style {
  cv::freetype::FreeType2* font;
  int height;  // pixels at 300 dpi
};

// Points to pixels at 300 dpi.
inline int Pt(double pt) { return static_cast<int>(std::lround(pt / 72.0 * kDpi)); }

class Page {
 public:
  Page(Fonts& fonts, int width, int height)
      : fonts_(fonts), image_(height, width, CV_8UC3, cv::Scalar(255, 255, 255)) {}

  int TextWidth(const Style& s, const std::string& text) {
    int base = 0;
    return s.font->getTextSize(text, s.height, -1, &base).width;
  }
  void Draw(const Style& s, const std::string& text, int x, int y, cv::Scalar color = cv::Scalar(20, 20, 20)) {
    s.font->putText(image_, text, cv::Point(x, y), s.height, color, -1, cv::LINE_AA, false);
  }
  // Draws a line of text at y, recording it; align: 0 left, 1 centre, 2 right.
  void Line(const Style& s, const std::string& text, int x0, int x1, int align) {
    const int w = TextWidth(s, text);
    const int x = align == 0 ? x0 : align == 1 ? (x0 + x1 - w) / 2 : x1 - w;
    Draw(s, text, x, y_);
    lines_.push_back(text);
    y_ += static_cast<int>(s.height * 1.45);
  }
  // Text at the left margin and text flush with the right one, on one line
  // (an item and its price); recorded as one line.
  void Columns(const Style& s, const std::string& left, const std::string& right, int x0, int x1) {
    Draw(s, left, x0, y_);
    Draw(s, right, x1 - TextWidth(s, right), y_);
    lines_.push_back(left.empty() ? right : left + " " + right);
    y_ += static_cast<int>(s.height * 1.45);
  }
  // A rule printed as a row of one character ('-', '='), not recorded:
  // nobody keys a rule.
  void CharacterRule(const Style& s, char c, int x0, int x1) {
    const double w = std::max(1.0, TextWidth(s, std::string(40, c)) / 40.0);
    Draw(s, std::string(static_cast<size_t>((x1 - x0) / w), c), x0, y_);
    y_ += static_cast<int>(s.height * 1.45);
  }
  // Label and value, with a dotted leader after the value to the margin;
  // wraps long values onto following lines.
  void Field(const Style& s, const std::string& label, const std::string& value, int x0, int x1) {
    std::vector<std::string> words;
    std::string cur;
    for (char c : label + " " + value) {
      if (c == ' ') {
        if (!cur.empty()) words.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) words.push_back(cur);
    std::string line;
    int x = x0;
    for (size_t i = 0; i <= words.size(); ++i) {
      const std::string candidate = line.empty() || i == words.size() ? line : line + " " + words[i];
      if (i < words.size() && (line.empty() ? TextWidth(s, words[i]) : TextWidth(s, candidate)) <= x1 - x - 40) {
        line = line.empty() ? words[i] : candidate;
        continue;
      }
      // Flush the line with its leader.
      Draw(s, line, x, y_);
      const int end = x + TextWidth(s, line) + 12;
      // Advance of one dot, measured over many (a lone dot's box is its ink).
      const double dot_w = std::max(1.0, TextWidth(s, std::string(40, '.')) / 40.0);
      std::string dots(std::max(0, static_cast<int>((x1 - end) / dot_w) - 1), '.');
      if (!dots.empty()) Draw(s, dots, end, y_, cv::Scalar(90, 90, 90));
      lines_.push_back(line);
      y_ += static_cast<int>(s.height * 1.45);
      if (i == words.size()) break;
      line = words[i];
    }
  }
  // Two labelled values on one line, each in its half with its leader;
  // false (nothing drawn) when either does not fit its half.
  bool FieldPair(const Style& s, const std::string& label1, const std::string& value1, const std::string& label2,
                 const std::string& value2, int x0, int x1) {
    const int mid = x0 + (x1 - x0) * 11 / 20;
    const std::string a = label1 + " " + value1, b = label2 + " " + value2;
    if (TextWidth(s, a) > mid - x0 - 60 || TextWidth(s, b) > x1 - mid - 40) return false;
    const double dot_w = std::max(1.0, TextWidth(s, std::string(40, '.')) / 40.0);
    Draw(s, a, x0, y_);
    const int end_a = x0 + TextWidth(s, a) + 12;
    std::string dots_a(std::max(0, static_cast<int>((mid - 30 - end_a) / dot_w)), '.');
    if (!dots_a.empty()) Draw(s, dots_a, end_a, y_, cv::Scalar(90, 90, 90));
    Draw(s, b, mid, y_);
    const int end_b = mid + TextWidth(s, b) + 12;
    std::string dots_b(std::max(0, static_cast<int>((x1 - end_b) / dot_w) - 1), '.');
    if (!dots_b.empty()) Draw(s, dots_b, end_b, y_, cv::Scalar(90, 90, 90));
    lines_.push_back(a + " " + b);
    y_ += static_cast<int>(s.height * 1.45);
    return true;
  }
  // Labelled values side by side on one line, each with its leader to the
  // next; false (nothing drawn) when they do not fit.
  bool FieldRow(const Style& s, const std::vector<std::pair<std::string, std::string>>& items, int x0, int x1) {
    std::vector<std::string> texts;
    int total = 0;
    for (const auto& [label, value] : items) {
      texts.push_back(value.empty() ? label : label + " " + value);
      total += TextWidth(s, texts.back());
    }
    const int spare = (x1 - x0) - total - 60 * static_cast<int>(texts.size());
    if (spare < 0) return false;
    const double dot_w = std::max(1.0, TextWidth(s, std::string(40, '.')) / 40.0);
    int x = x0;
    std::string recorded;
    for (size_t i = 0; i < texts.size(); ++i) {
      Draw(s, texts[i], x, y_);
      const int end = x + TextWidth(s, texts[i]) + 12;
      const int next = end + 48 + spare / static_cast<int>(texts.size());
      const int stop = i + 1 == texts.size() ? x1 : next - 24;
      std::string dots(std::max(0, static_cast<int>((stop - end) / dot_w) - 1), '.');
      if (!dots.empty()) Draw(s, dots, end, y_, cv::Scalar(90, 90, 90));
      recorded += (recorded.empty() ? "" : " ") + texts[i];
      x = next;
    }
    lines_.push_back(recorded);
    y_ += static_cast<int>(s.height * 1.45);
    return true;
  }
  // A label and digits written one to a printed box, as the residence
  // forms print the personal ID number's twelve places.
  void BoxedDigits(const Style& s, const std::string& label, const std::string& digits, int x0) {
    Draw(s, label, x0, y_);
    // Text is drawn below its y (the line's top); the boxes around it.
    const int box = s.height * 13 / 10, top = y_ - s.height / 6;
    int x = x0 + TextWidth(s, label) + s.height / 2;
    for (char c : digits) {
      cv::rectangle(image_, cv::Rect(x, top, box, box), cv::Scalar(40, 40, 40), 2);
      const std::string d(1, c);
      Draw(s, d, x + (box - TextWidth(s, d)) / 2, y_);
      x += box;
    }
    // As one reads it: a digit to a box, apart.
    std::string spaced;
    for (char c : digits) spaced += (spaced.empty() ? "" : " ") + std::string(1, c);
    lines_.push_back(label + " " + spaced);
    y_ += static_cast<int>(s.height * 1.75);
  }
  // A table's header row: the cells' words in a grid, small, and `rows`
  // empty rows under it.
  void TableHeader(const Style& s, const std::vector<std::string>& cells, int x0, int x1, int rows) {
    if (cells.empty()) return;
    std::vector<int> widths;
    int total = 0;
    for (const auto& c : cells) {
      widths.push_back(std::max(TextWidth(s, c) / 2, s.height * 2));
      total += widths.back();
    }
    const int row_h = s.height * 3, top = y_;
    int x = x0;
    std::string recorded, under;  // the cells' first lines, and their second
    for (size_t i = 0; i < cells.size(); ++i) {
      const int w = (x1 - x0) * widths[i] / total;
      // Two lines a cell at most: the words split where half the width falls.
      std::string first = cells[i], second;
      if (TextWidth(s, first) > w - 10) {
        const size_t mid = cells[i].find(' ', cells[i].size() / 2);
        if (mid != std::string::npos) {
          first = cells[i].substr(0, mid);
          second = cells[i].substr(mid + 1);
        }
      }
      Draw(s, first, x + 8, top + s.height / 4);
      if (!second.empty()) Draw(s, second, x + 8, top + s.height * 3 / 2);
      recorded += (recorded.empty() ? "" : " ") + first;
      if (!second.empty()) under += (under.empty() ? "" : " ") + second;
      for (int r = 0; r <= rows; ++r)
        cv::rectangle(image_, cv::Rect(x, top + r * row_h, w, row_h), cv::Scalar(40, 40, 40), 2);
      x += w;
    }
    lines_.push_back(recorded);
    if (!under.empty()) lines_.push_back(under);
    y_ = top + (rows + 1) * row_h + s.height;
  }
  // Running text wrapped between x0 and x1 (first line indented).
  void Paragraph(const Style& s, const std::string& text, int x0, int x1, int indent) {
    std::string line, word;
    int x = x0 + indent;
    auto flush = [&] {
      Draw(s, line, x, y_);
      lines_.push_back(line);
      y_ += static_cast<int>(s.height * 1.45);
      line.clear();
      x = x0;
    };
    std::string rest = text + " ";
    for (char c : rest) {
      if (c != ' ') {
        word += c;
        continue;
      }
      if (word.empty()) continue;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (TextWidth(s, candidate) > x1 - x && !line.empty()) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
      word.clear();
    }
    if (!line.empty()) flush();
  }
  void Skip(int px) { y_ += px; }
  int y() const { return y_; }
  void set_y(int y) { y_ = y; }
  cv::Mat& image() { return image_; }
  std::vector<std::string>& lines() { return lines_; }
  Fonts& fonts() { return fonts_; }

 private:
  Fonts& fonts_;
  cv::Mat image_;
  std::vector<std::string> lines_;
  int y_ = 0;
};

// The national motto, centred, underlined.
void DrawMotto(Page& page, const Style& bold, int left, int right);
// A blue-ink signature: a few overlapping cubic strokes.
void DrawSignature(cv::Mat& img, cv::Point at, Rng& rng);
// A red round stamp: two rings, a star and the authority's name, blended
// over what is below it (ink multiplies, as on paper).
void DrawStamp(Fonts& fonts, cv::Mat& img, cv::Point centre, const std::string& authority, Rng& rng);
// Upper-case of Vietnamese text (the letters the forms use).
std::string Upper(const std::string& s);
// "{place}, ngày {day}" with each {key} replaced by its value.
std::string Fill(std::string pattern, const std::map<std::string, std::string>& values);

}  // namespace samplegen

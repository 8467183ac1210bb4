#include "ocr/layout.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/components.h"
#include "cleanup/geometry.h"
#include "core/vn_text.h"
#include "ocr/noise_lines.h"

namespace hoso {

ColumnEvidence FindColumns(const cv::Mat& gray, int dpi) {
  ColumnEvidence evidence;
  if (gray.empty() || gray.type() != CV_8UC1) return evidence;
  const double scale = std::min(1.0, 75.0 / std::max(dpi, 1));
  const cv::Mat small = Shrink(gray, scale);
  const double mm = std::max(dpi, 1) * scale / 25.4;
  cv::Mat ink, smear;
  cv::adaptiveThreshold(small, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 15, 15);
  // Text only: frames, rules, photos and the card outline of an ID copy
  // (taller than 6 mm or wider than 30 mm) would make gutters of their own.
  KeepComponents(ink, 255, [&](const cv::Rect& r, int) { return r.height <= 6 * mm && r.width <= 30 * mm; });
  // Letters and the spaces between words (~1-2 mm) join into one run; a
  // gutter stays open.
  const int join = std::max(3, static_cast<int>(std::lround(2.5 * mm)) | 1);
  cv::dilate(ink, smear, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(join, 1)));
  const int min_gap = static_cast<int>(std::lround(4 * mm));
  const double bin = std::max(1.0, 2 * mm);
  std::vector<int> ends(static_cast<size_t>(small.cols / bin) + 2, 0);
  // Scanner edges (a margin of 5% each side) are not a column's edge.
  const int x0 = small.cols / 20, x1 = small.cols - small.cols / 20;
  for (int y = 0; y < smear.rows; ++y) {
    const uchar* row = smear.ptr<uchar>(y);
    int last_ink = -1;
    bool any = false;
    for (int x = x0; x < x1; ++x) {
      if (!row[x]) continue;
      any = true;
      if (last_ink >= 0 && x - last_ink - 1 >= min_gap) ++ends[static_cast<size_t>(x / bin)];
      last_ink = x;
    }
    evidence.text_rows += any;
  }
  // The commonest place a gap ends, give or take a bin (a row counts once
  // per place; ragged line ends move where gaps start, not where they end).
  for (size_t b = 1; b + 1 < ends.size(); ++b) {
    const int rows = ends[b - 1] + ends[b] + ends[b + 1];
    if (rows > evidence.gutter_rows) {
      evidence.gutter_rows = rows;
      evidence.gutter_x = (b + 0.5) * bin / std::max(1, small.cols);
    }
  }
  return evidence;
}

namespace {

struct CutParams {
  int min_down;  // the narrowest gutter (pixels of the reduced page)
};

// Counts of ink along each row and down each column of a mask, summed from
// its left and top edges: the ink of any stretch of a row or a column in
// one subtraction. The cutter asks for the profiles of region after
// region, nested; counted from the mask, they cost its area each time.
struct InkSums {
  explicit InkSums(const cv::Mat& ink) : along(ink.rows, ink.cols + 1, CV_32S), down(ink.rows + 1, ink.cols, CV_32S) {
    down.row(0).setTo(0);
    for (int y = 0; y < ink.rows; ++y) {
      const uchar* m = ink.ptr<uchar>(y);
      int* a = along.ptr<int>(y);
      const int* above = down.ptr<int>(y);
      int* d = down.ptr<int>(y + 1);
      a[0] = 0;
      for (int x = 0; x < ink.cols; ++x) {
        const int on = m[x] != 0;
        a[x + 1] = a[x] + on;
        d[x] = above[x] + on;
      }
    }
  }
  // Ink in row y, columns [x0, x1).
  int Row(int y, int x0, int x1) const { return along.at<int>(y, x1) - along.at<int>(y, x0); }
  // Ink in column x, rows [y0, y1).
  int Column(int x, int y0, int y1) const { return down.at<int>(y1, x) - down.at<int>(y0, x); }
  // A region's ink per row (top to bottom) and per column (left to right).
  std::vector<int> Rows(const cv::Rect& r) const {
    std::vector<int> out(static_cast<size_t>(r.height));
    for (int y = 0; y < r.height; ++y) out[static_cast<size_t>(y)] = Row(r.y + y, r.x, r.x + r.width);
    return out;
  }
  std::vector<int> Columns(const cv::Rect& r) const {
    std::vector<int> out(static_cast<size_t>(r.width));
    for (int x = 0; x < r.width; ++x) out[static_cast<size_t>(x)] = Column(r.x + x, r.y, r.y + r.height);
    return out;
  }
  cv::Mat along, down;
};

struct Cutter {
  const InkSums& ink;
  CutParams p;
  std::vector<TextBlock>& out;
  int columns = 0;
  void Cut(cv::Rect r, int column, int depth);
};

// The widest run of empty entries strictly inside [0, n) (ink on both
// sides): {start, length}, or length 0.
std::pair<int, int> WidestGap(const std::vector<int>& ink) {
  std::pair<int, int> best{0, 0};
  int first = -1, last = -1;
  for (int i = 0; i < static_cast<int>(ink.size()); ++i)
    if (ink[i]) (first < 0 ? first : last) = i, last = i;
  for (int i = first + 1, run = 0; first >= 0 && i <= last; ++i) {
    if (!ink[i]) {
      ++run;
      continue;
    }
    if (run > best.second) best = {i - run, run};
    run = 0;
  }
  return best;
}

// The first and one past the last non-zero entry, or {0, 0}.
std::pair<int, int> InkSpan(const std::vector<int>& v) {
  int first = 0, end = static_cast<int>(v.size());
  while (first < end && !v[static_cast<size_t>(first)]) ++first;
  while (end > first && !v[static_cast<size_t>(end - 1)]) --end;
  return {first, end};
}

// The region's box shrunk to its ink.
cv::Rect Tight(const InkSums& ink, const cv::Rect& r) {
  if (r.empty()) return {};
  const auto [top, bottom] = InkSpan(ink.Rows(r));
  if (top == bottom) return {};
  const auto [left, right] = InkSpan(ink.Columns(cv::Rect(r.x, r.y + top, r.width, bottom - top)));
  return {r.x + left, r.y + top, right - left, bottom - top};
}

// Lines of text in the region: runs of rows with ink.
int Lines(const InkSums& ink, const cv::Rect& r) {
  int lines = 0;
  bool in_line = false;
  for (int y = r.y; y < r.y + r.height; ++y) {
    const bool any = ink.Row(y, r.x, r.x + r.width) > 0;
    lines += any && !in_line;
    in_line = any;
  }
  return lines;
}

// Whether a line of the region crosses the gap down [from, from + width)
// with another gap in it nearly as wide: a row of evenly spaced marks (the
// digits of an ID number once their printed boxes are erased, a table's
// row once its rules are), which runs on across the gap; a gutter is far
// wider than any space inside the lines beside it.
bool SpacedLineAcross(const InkSums& ink, const cv::Rect& r, int from, int width) {
  const int y_end = r.y + r.height;
  for (int y = r.y; y < y_end;) {
    if (ink.Row(y, r.x, r.x + r.width) == 0) {
      ++y;
      continue;
    }
    int y1 = y;
    while (y1 < y_end && ink.Row(y1, r.x, r.x + r.width) > 0) ++y1;
    const std::vector<int> cols = ink.Columns(cv::Rect(r.x, y, r.width, y1 - y));
    const bool left = std::any_of(cols.begin(), cols.begin() + from, [](int v) { return v > 0; });
    const bool right = std::any_of(cols.begin() + from + width, cols.end(), [](int v) { return v > 0; });
    if (left && right) {
      int widest = 0, first = -1, last = -1;
      for (int x = 0; x < r.width; ++x)
        if (cols[static_cast<size_t>(x)]) (first < 0 ? first : last) = x, last = x;
      for (int x = first + 1, run = 0; first >= 0 && x <= last; ++x) {
        if (!cols[static_cast<size_t>(x)]) {
          ++run;
          continue;
        }
        // The gap at the cut itself is not counted.
        if (!(x - run <= from + width && x >= from)) widest = std::max(widest, run);
        run = 0;
      }
      if (widest * 10 >= width * 7) return true;
    }
    y = y1;
  }
  return false;
}

void Cutter::Cut(cv::Rect r, int column, int depth) {
  r = Tight(ink, r);
  if (r.empty()) return;
  const std::vector<int> rows = ink.Rows(r), cols = ink.Columns(r);
  const auto across = WidestGap(rows), down = WidestGap(cols);
  // A gutter has lines of text on both sides. A gap down one line is a wide
  // space (a form's "Ngày sinh: ...   Giới tính: ..." stays one line), and
  // one beside a single line is a justified line's wide space over the
  // short last line of its paragraph.
  const cv::Rect left{r.x, r.y, down.first, r.height};
  const cv::Rect right{r.x + down.first + down.second, r.y, r.width - down.first - down.second, r.height};
  if (depth < 64 && across.second > 0 && down.second >= p.min_down && down.second >= across.second &&
      Lines(ink, left) >= 2 && Lines(ink, right) >= 2 && !SpacedLineAcross(ink, r, down.first, down.second)) {
    Cut(left, ++columns, depth + 1);
    Cut(right, ++columns, depth + 1);
  } else if (depth < 64 && across.second > 0) {
    Cut({r.x, r.y, r.width, across.first}, column, depth + 1);
    Cut({r.x, r.y + across.first + across.second, r.width, r.height - across.first - across.second}, column, depth + 1);
  } else {
    out.push_back({r, column});
  }
}

}  // namespace

std::vector<TextBlock> ReadingBlocks(const cv::Mat& gray, int dpi) {
  std::vector<TextBlock> blocks;
  if (gray.empty() || gray.type() != CV_8UC1) return blocks;
  const double scale = std::min(1.0, 100.0 / std::max(dpi, 1));
  const cv::Mat small = Shrink(gray, scale);
  const double mm = std::max(dpi, 1) * scale / 25.4;
  cv::Mat ink;
  cv::adaptiveThreshold(small, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 15, 15);
  // Specks would close a gap, or open a column of their own in a margin.
  // A mark under 1.5 mm away from any larger ink is dust; the dot of an i, a
  // mark over a letter, a full stop and a list's dash sit by their letters.
  const double speck = 1.5 * mm;
  cv::Mat letters = ink.clone();
  KeepComponents(letters, 255, [&](const cv::Rect& r, int) { return r.width > speck || r.height > speck; });
  cv::Mat near;
  const int reach = std::max(3, static_cast<int>(std::lround(1.5 * mm)) * 2 + 1);
  cv::dilate(letters, near, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(reach, reach)));
  cv::Mat marks;
  cv::bitwise_and(ink, ~letters, marks);
  cv::Mat labels, stats, centroids;
  const int n = LabelInkComponents(marks, labels, stats, centroids);
  std::vector<uchar> keep(static_cast<size_t>(n), 0);
  for (int y = 0; y < marks.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    const uchar* by = near.ptr<uchar>(y);
    for (int x = 0; x < marks.cols; ++x)
      if (l[x] > 0 && by[x]) keep[static_cast<size_t>(l[x])] = 1;
  }
  for (int y = 0; y < marks.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* out = ink.ptr<uchar>(y);
    for (int x = 0; x < marks.cols; ++x)
      if (l[x] > 0 && !keep[static_cast<size_t>(l[x])]) out[x] = 0;
  }
  const InkSums sums(ink);
  Cutter{sums, {static_cast<int>(std::lround(3 * mm))}, blocks}.Cut({0, 0, ink.cols, ink.rows}, 0, 0);
  for (TextBlock& block : blocks) {
    cv::Rect& b = block.box;
    const int x0 = static_cast<int>(std::floor(b.x / scale)), y0 = static_cast<int>(std::floor(b.y / scale));
    const int x1 = std::min(gray.cols, static_cast<int>(std::ceil((b.x + b.width) / scale)));
    const int y1 = std::min(gray.rows, static_cast<int>(std::ceil((b.y + b.height) / scale)));
    b = {x0, y0, x1 - x0, y1 - y0};
  }
  return blocks;
}

std::vector<size_t> UnreadBlocks(const OcrPage& page, const std::vector<TextBlock>& blocks, int dpi) {
  const double mm = std::max(dpi, 1) / 25.4;
  std::vector<bool> read(blocks.size(), false);
  for (const OcrBlock& block : page.blocks)
    for (const OcrLine& line : block.lines)
      for (const OcrWord& word : line.words) {
        if (LettersAndDigits(word.text) == 0) continue;  // a stroke read as a dash or a blank
        const cv::Point centre(word.box.x + word.box.w / 2, word.box.y + word.box.h / 2);
        for (size_t i = 0; i < blocks.size(); ++i)
          if (blocks[i].box.contains(centre)) read[i] = true;
      }
  std::vector<size_t> out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const cv::Rect& b = blocks[i].box;
    if (!read[i] && b.height >= 2 * mm && b.width >= 4 * mm && b.width <= page.width / 4 * 3 &&
        b.height <= page.height / 4)
      out.push_back(i);
  }
  return out;
}

namespace {

// A page's text written again from its blocks: a line's words, a newline
// after each line and a blank line after each block.
std::string TextByBlocks(const std::vector<OcrBlock>& blocks) {
  std::string text;
  for (const OcrBlock& block : blocks) {
    for (const OcrLine& line : block.lines) text += line.Text() + "\n";
    text += "\n";
  }
  return text;
}

// Letters and digits in a word's text (a word of more than three letters
// is words, not a figure).
struct Characters {
  int letters = 0, digits = 0;
};
Characters Count(const std::string& text) {
  Characters c;
  for (const vn::Glyph& g : vn::Decode(text)) {
    c.letters += g.letter;
    c.digits += !g.letter && g.base >= U'0' && g.base <= U'9';
  }
  return c;
}

// Blocks holding nothing but figures: more digits than letters, no word of
// more than three letters ("40.000", "RM 13.30", "5.20 S").
std::vector<bool> FigureBlocks(const OcrPage& page, const std::vector<std::vector<std::vector<size_t>>>& where,
                               size_t blocks) {
  std::vector<Characters> sum(blocks);
  std::vector<bool> wordy(blocks, false);
  for (size_t b = 0; b < page.blocks.size(); ++b)
    for (size_t l = 0; l < page.blocks[b].lines.size(); ++l)
      for (size_t w = 0; w < page.blocks[b].lines[l].words.size(); ++w) {
        const size_t k = where[b][l][w];
        const Characters c = Count(page.blocks[b].lines[l].words[w].text);
        sum[k].letters += c.letters;
        sum[k].digits += c.digits;
        wordy[k] = wordy[k] || c.letters > 3;
      }
  std::vector<bool> figures(blocks);
  for (size_t k = 0; k < blocks; ++k) figures[k] = !wordy[k] && sum[k].digits > sum[k].letters;
  return figures;
}

}  // namespace

bool OrderByBlocks(OcrPage& page, const std::vector<TextBlock>& blocks) {
  if (blocks.size() < 2) return false;
  // Each word to the block holding its centre, or else the nearest.
  auto block_of = [&](const Box& b) {
    const cv::Point2d c(b.x + b.w / 2.0, b.y + b.h / 2.0);
    size_t best = 0;
    double best_d = 1e300;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const cv::Rect& r = blocks[i].box;
      const double dx = std::max({r.x - c.x, 0.0, c.x - (r.x + r.width)});
      const double dy = std::max({r.y - c.y, 0.0, c.y - (r.y + r.height)});
      const double d = dx * dx + dy * dy;
      if (d < best_d) best_d = d, best = i;
      if (d == 0) break;
    }
    return best;
  };
  std::vector<std::vector<std::vector<size_t>>> where;  // block, line, word -> reading block
  for (const OcrBlock& block : page.blocks) {
    auto& lines = where.emplace_back();
    for (const OcrLine& line : block.lines) {
      auto& words = lines.emplace_back();
      for (const OcrWord& word : line.words) words.push_back(block_of(word.box));
    }
  }
  // A column of figures beside lines of words (a receipt's prices, a
  // table's amounts) is read with its rows, as a person reads an item with
  // its price: a line's figures stay in the block its words are in, or, in
  // a line of figures alone ("5 X 30.000   150.000", a quantity and its
  // amount), in the block of its first.
  const std::vector<bool> figures = FigureBlocks(page, where, blocks.size());
  for (auto& lines : where)
    for (auto& words : lines) {
      if (words.empty()) continue;
      auto home = std::find_if(words.begin(), words.end(), [&](size_t k) { return !figures[k]; });
      if (home == words.end()) home = words.begin();
      for (size_t& k : words)
        if (figures[k]) k = *home;
    }
  bool in_order = true;
  size_t last = 0;
  for (const auto& lines : where)
    for (const auto& words : lines)
      for (size_t k : words) {
        in_order &= k >= last;
        last = k;
      }
  if (in_order) return false;

  // Block by block; within one, the lines (and pieces of lines) as read.
  std::vector<OcrBlock> ordered(blocks.size());
  for (size_t b = 0; b < page.blocks.size(); ++b)
    for (size_t l = 0; l < page.blocks[b].lines.size(); ++l) {
      const OcrLine& line = page.blocks[b].lines[l];
      std::vector<OcrLine*> pieces(blocks.size(), nullptr);
      for (size_t w = 0; w < line.words.size(); ++w) {
        const size_t k = where[b][l][w];
        if (!pieces[k]) pieces[k] = &ordered[k].lines.emplace_back();
        pieces[k]->words.push_back(line.words[w]);
        pieces[k]->box = Union(pieces[k]->box, line.words[w].box);
      }
    }
  // Pieces of one column, one under another, are one block.
  std::vector<OcrBlock> joined;
  int column = -1;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (ordered[k].lines.empty()) continue;
    if (joined.empty() || blocks[k].column != column) joined.emplace_back();
    column = blocks[k].column;
    for (OcrLine& line : ordered[k].lines) {
      joined.back().box = Union(joined.back().box, line.box);
      joined.back().lines.push_back(std::move(line));
    }
  }
  page.blocks = std::move(joined);
  page.text = TextByBlocks(page.blocks);
  return true;
}

namespace {

// How a line stands to a left edge at x: it goes on there after a space
// (kSplit, at word `at`), it begins there (kStarts), it ends before it
// (kLeft), or it crosses it (kNone).
enum class AtEdge { kNone, kSplit, kStarts, kLeft };

struct LineAtEdge {
  AtEdge how = AtEdge::kNone;
  size_t at = 0;
};

LineAtEdge StandAt(const OcrLine& line, int x, double tol, double min_gap) {
  LineAtEdge out;
  if (line.words.empty()) return out;
  if (std::abs(line.words.front().box.x - x) <= tol) return {AtEdge::kStarts, 0};
  for (size_t j = 1; j < line.words.size(); ++j) {
    const Box& before = line.words[j - 1].box;
    const Box& word = line.words[j].box;
    if (std::abs(word.x - x) <= tol && word.x - (before.x + before.w) >= min_gap) return {AtEdge::kSplit, j};
  }
  const Box& last = line.words.back().box;
  if (last.x + last.w <= x - min_gap) return {AtEdge::kLeft, 0};
  return out;
}

// A form's label: "Họ và tên:", "Nơi thường trú ......".
bool EndsAsALabel(const std::string& word) {
  return !word.empty() && (word.back() == ':' || (word.size() >= 2 && word.compare(word.size() - 2, 2, "..") == 0));
}

}  // namespace

bool SplitAtLeftEdges(OcrPage& page, int dpi) {
  const double mm = std::max(dpi, 1) / 25.4;
  const double tol = 0.75 * mm;     // a column's left edge, as read (6 px at 200 dpi)
  const double min_gap = 1.0 * mm;  // a space, at least, before the column
  const double min_text = 15 * mm;  // a line's text to the left, not an item's number
  bool changed = false;
  std::vector<OcrBlock> out;
  for (OcrBlock& block : page.blocks) {
    auto& lines = block.lines;
    bool split = false;
    for (size_t i = 0; i < lines.size() && !split; ++i)
      for (size_t j = 1; j < lines[i].words.size() && !split; ++j) {
        const int x = lines[i].words[j].box.x;
        if (StandAt(lines[i], x, tol, min_gap).how != AtEdge::kSplit) continue;
        // How every line stands to x; the run of lines around i at it.
        std::vector<LineAtEdge> at_x(lines.size());
        for (size_t k = 0; k < lines.size(); ++k) at_x[k] = StandAt(lines[k], x, tol, min_gap);
        size_t a = i, b = i + 1;
        while (a > 0 && at_x[a - 1].how != AtEdge::kNone) --a;
        while (b < lines.size() && at_x[b].how != AtEdge::kNone) ++b;
        // Lines wholly to the left belong to the run only between lines at
        // the edge ("Kính gửi:" under the column is read after it).
        while (a < i && at_x[a].how == AtEdge::kLeft) ++a;
        while (b > i + 1 && at_x[b - 1].how == AtEdge::kLeft) --b;
        int splits = 0, starts = 0, labels = 0;
        std::vector<int> widths;
        for (size_t k = a; k < b; ++k) {
          if (at_x[k].how == AtEdge::kSplit) {
            ++splits;
            const auto& w = lines[k].words;
            const OcrWord& last_left = w[at_x[k].at - 1];
            widths.push_back(last_left.box.x + last_left.box.w - w.front().box.x);
            labels += EndsAsALabel(last_left.text);
          } else if (at_x[k].how == AtEdge::kStarts) {
            ++starts;
          }
        }
        if (splits < 2 || starts < 2 || labels * 2 >= splits) continue;
        std::nth_element(widths.begin(), widths.begin() + static_cast<long>(widths.size() / 2), widths.end());
        if (widths[widths.size() / 2] < min_text) continue;
        // Lines before the run, the text to the left, the column, lines after.
        OcrBlock before, left, column, after;
        for (size_t k = 0; k < a; ++k) before.lines.push_back(std::move(lines[k]));
        for (size_t k = a; k < b; ++k) {
          OcrLine& line = lines[k];
          const LineAtEdge h = at_x[k];
          const size_t cut = h.how == AtEdge::kSplit ? h.at : h.how == AtEdge::kStarts ? 0 : line.words.size();
          OcrLine l, r;
          l.words.assign(line.words.begin(), line.words.begin() + static_cast<long>(cut));
          r.words.assign(line.words.begin() + static_cast<long>(cut), line.words.end());
          for (OcrLine* piece : {&l, &r})
            for (const OcrWord& w : piece->words) piece->box = Union(piece->box, w.box);
          if (!l.words.empty()) left.lines.push_back(std::move(l));
          if (!r.words.empty()) column.lines.push_back(std::move(r));
        }
        for (size_t k = b; k < lines.size(); ++k) after.lines.push_back(std::move(lines[k]));
        for (OcrBlock* piece : {&before, &left, &column, &after}) {
          if (piece->lines.empty()) continue;
          for (const OcrLine& l : piece->lines) piece->box = Union(piece->box, l.box);
          out.push_back(std::move(*piece));
        }
        split = changed = true;
      }
    if (!split) out.push_back(std::move(block));
  }
  page.blocks = std::move(out);
  if (!changed) return false;
  page.text = TextByBlocks(page.blocks);
  return true;
}

}  // namespace hoso

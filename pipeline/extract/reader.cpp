#include "extract/reader.h"

#include <algorithm>
#include <sstream>

#include "core/vn_text.h"
#include "extract/labels.h"
#include "extract/normalize.h"

namespace hoso {
namespace {

std::vector<std::string> Tokens(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(vn::MakeKey(text).Ascii());
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

struct Label {
  const FieldSpec* field = nullptr;  // null: a stop label
  std::vector<std::string> tokens;
};

std::vector<Label> Compile(const DocTemplate& doc) {
  std::vector<Label> out;
  for (const FieldSpec& f : doc.fields)
    for (const std::string& l : f.labels) out.push_back({&f, Tokens(l)});
  for (const std::string& l : doc.stop_labels) out.push_back({nullptr, Tokens(l)});
  // Longest first: "Số điện thoại liên hệ" before "Điện thoại".
  std::stable_sort(out.begin(), out.end(),
                   [](const Label& a, const Label& b) { return a.tokens.size() > b.tokens.size(); });
  return out;
}

struct Occurrence {
  const Label* label = nullptr;
  size_t first = 0, last = 0;  // tokens [first, last)
};

bool IsNumbering(const std::string& token) {
  // "1", "12", "a", "b" (as in "1." or "a)").
  if (token.size() <= 2 &&
      std::all_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return true;
  return token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0]));
}

// Labels on a line, left to right, longest match at each position. A label
// counts at the start of the line (after its number), or anywhere when a
// colon follows it.
std::vector<Occurrence> FindLabels(const LineView& line, const std::vector<Label>& labels) {
  std::vector<Occurrence> out;
  const auto& t = line.tokens;
  size_t start = 0;
  while (start < t.size() && IsNumbering(t[start].ascii)) ++start;
  for (size_t i = 0; i < t.size();) {
    const Label* found = nullptr;
    size_t found_len = 0;
    for (const Label& l : labels) {
      if (l.tokens.empty()) continue;
      // The whole label; or, for a long one followed by a colon, the label
      // without its first word, which OCR sometimes loses (".o tên người
      // yêu cầu:" for "Họ tên người yêu cầu:").
      size_t skip = 0;
      bool ok = false;
      for (skip = 0; skip <= (l.tokens.size() >= 4 ? 1u : 0u) && !ok; ++skip) {
        const size_t n = l.tokens.size() - skip;
        if (i + n > t.size()) continue;
        ok = true;
        for (size_t k = 0; k < n && ok; ++k) ok = TokenMatch(t[i + k].ascii, l.tokens[skip + k]);
        if (ok) found_len = n;
      }
      const bool partial = ok && found_len < l.tokens.size();
      if (!ok) continue;
      const size_t end = i + found_len;
      const OcrWord& last_word = line.line->words[t[end - 1].word];
      const bool colon_after = last_word.text.find(':') != std::string::npos ||
                               (static_cast<size_t>(t[end - 1].word) + 1 < line.line->words.size() &&
                                line.line->words[t[end - 1].word + 1].text.rfind(':', 0) == 0);
      if (colon_after || (i == start && !partial)) {
        found = &l;
        break;
      }
    }
    if (found) {
      out.push_back({found, i, i + found_len});
      i += found_len;
    } else {
      ++i;
    }
  }
  return out;
}

// Words [from, to) of a line as one value; a word that holds the end of
// the label and, after a colon, the start of the value is split.
RawField Words(const OcrLine& line, int from, int to, const std::string& head, int page) {
  RawField f;
  f.page = page;
  std::string text = head;
  double conf = 0;
  int n = 0;
  for (int w = from; w < to; ++w) {
    text += (text.empty() ? "" : " ") + line.words[w].text;
    conf += line.words[w].confidence;
    f.box = Union(f.box, line.words[w].box);
    ++n;
  }
  f.text = text;
  f.confidence = n ? conf / n : 0;
  return f;
}

// "1." "12)" "a)": the number of a form's item, not a value's continuation
// ("8, thành phố Hồ Chí Minh" continues an address).
bool IsItemNumber(const std::string& w) {
  if (w.size() < 2 || (w.back() != '.' && w.back() != ')')) return false;
  const std::string head = w.substr(0, w.size() - 1);
  if (head.size() <= 2 &&
      std::all_of(head.begin(), head.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return true;
  return head.size() == 1 && std::isalpha(static_cast<unsigned char>(head[0]));
}

// Lines that never continue a value: the pledge, the place and date, and
// lines with labels of their own (checked by the caller).
bool IsBoilerplate(const LineView& l) {
  static const std::vector<std::vector<std::string>> kPhrases = {
      {"toi", "xin", "cam", "doan"}, {"cam", "doan"}, {"ky", "ghi", "ro"}, {"quoc", "tich"}, {"que", "quan"}};
  for (const auto& phrase : kPhrases)
    for (size_t i = 0; i + phrase.size() <= l.tokens.size(); ++i) {
      bool ok = true;
      for (size_t k = 0; k < phrase.size() && ok; ++k) ok = l.tokens[i + k].ascii == phrase[k];
      if (ok) return true;
    }
  return false;
}

}  // namespace

bool StartsWithItemNumber(const LineView& l) { return IsItemNumber(l.line->words.front().text); }

std::vector<std::string> AsciiTokens(const std::string& text) { return Tokens(text); }

bool TokenMatch(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (std::min(a.size(), b.size()) < 4) return false;
  return vn::AsciiEditDistance(a, b) <= 1;
}

std::vector<std::string> AsciiTokens(const LineView& l) {
  std::vector<std::string> t;
  for (const auto& tok : l.tokens) t.push_back(tok.ascii);
  return t;
}

namespace {

// A colon that ends a label (not one in "10:30").
size_t LabelColon(const std::string& word) {
  for (size_t i = 0; i < word.size(); ++i)
    if (word[i] == ':') {
      const bool digits = i > 0 && i + 1 < word.size() && std::isdigit(static_cast<unsigned char>(word[i - 1])) &&
                          std::isdigit(static_cast<unsigned char>(word[i + 1]));
      if (!digits) return i;
    }
  return std::string::npos;
}

// A dotted leader, alone or ending a value ("1980.........", "…").
bool EndsWithLeader(const std::string& word) {
  int dots = 0;
  std::string w = word;
  while (!w.empty()) {
    if (w.back() == '.' || w.back() == '_') {
      ++dots;
      w.pop_back();
    } else if (w.size() >= 3 && w.compare(w.size() - 3, 3, "\xE2\x80\xA6") == 0) {  // …
      dots += 3;
      w.resize(w.size() - 3);
    } else {
      break;
    }
  }
  return dots >= 3;
}

// Whether a word starts with a lower-case letter (Vietnamese or ASCII).
bool StartsLower(const std::string& word) {
  const std::vector<vn::Glyph> g = vn::Decode(word);
  return !g.empty() && g[0].letter && !g[0].upper;
}

bool HasDigit(const std::string& w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Where the label before the colon in word `c` starts, given that a value
// started at word `a`: after a leader, at a wide gap, or where the words
// read as a label (the fewest that do, then the words before them that
// belong to it: "Số" + "điện thoại", "Ngày, tháng," + "năm sinh").
int LabelStart(const OcrLine& line, int a, int c, const std::string& head_of_c) {
  for (int w = c - 1; w >= a; --w)
    if (EndsWithLeader(line.words[w].text)) return w + 1;
  // "… Hoàng Thị Yến 8. Mối quan hệ với chủ hộ:": the item's number opens
  // the label, however many words it has.
  // (Not a date's "05." before "1990": a label's first word is a capital.)
  for (int w = c - 1; w > a; --w) {
    if (!IsItemNumber(line.words[w].text)) continue;
    const std::vector<vn::Glyph> next = vn::Decode(line.words[w + 1].text);
    if (!next.empty() && next[0].letter && next[0].upper) return w;
  }
  int height = 0;
  for (int w = a; w <= c; ++w) height = std::max(height, line.words[w].box.h);
  int best = -1, widest = 0;
  for (int w = a + 1; w <= c; ++w) {
    const int gap = line.words[w].box.x - (line.words[w - 1].box.x + line.words[w - 1].box.w);
    if (gap > widest) widest = gap, best = w;
  }
  if (best > 0 && widest > 2 * height) return best;
  auto label_of = [&](int j) {
    std::string text;
    for (int w = j; w < c; ++w) text += line.words[w].text + " ";
    return UnderstandLabel(Tokens(text + head_of_c));
  };
  for (int j = c; j >= std::max(a, c - 7); --j) {
    const LabelMeaning m = label_of(j);
    if (m.field.empty()) continue;
    // Words a label opens with, capitalised: Số, Nơi, Địa (chỉ), Họ, Ngày...
    static const std::vector<std::string> kOpeners = {"so", "noi", "dia", "ho", "ngay", "ten", "nam", "thang", "cho"};
    while (j - 1 >= a) {
      const std::string& w = line.words[j - 1].text;
      const std::vector<std::string> t = Tokens(w);
      // "Nam" opens "Năm sinh" only: before another label it is a gender
      // ("Giới tính: Nam Dân tộc: Kinh").
      const std::vector<std::string> next = Tokens(line.words[j].text);
      const bool opener = t.size() == 1 && std::find(kOpeners.begin(), kOpeners.end(), t[0]) != kOpeners.end() &&
                          (t[0] != "nam" || (!next.empty() && next[0] == "sinh"));
      if (HasDigit(w) || !(StartsLower(w) || opener) || label_of(j - 1).field != m.field) break;
      --j;
    }
    return j;
  }
  // Not understood: from the last capitalised word, up to three words back.
  for (int j = c; j >= std::max(a + 1, c - 3); --j) {
    const std::vector<vn::Glyph> g = vn::Decode(line.words[j].text);
    if (!g.empty() && g[0].letter && g[0].upper) return j;
  }
  return c;
}

}  // namespace

void JoinWrappedLines(const std::vector<LineView>& lines, LabelledValue& v) {
  for (int extra = 0; extra < 2 && v.last_line + 1 < lines.size(); ++extra) {
    const LineView& l = lines[v.last_line + 1];
    if (l.has_colon || IsBoilerplate(l) || StartsWithItemNumber(l) || HeadingPerson(AsciiTokens(l))) break;
    double conf = 0;
    for (const OcrWord& w : l.line->words) conf += w.confidence;
    if (conf / static_cast<double>(l.line->words.size()) < 0.6) break;
    RawField more = Words(*l.line, 0, static_cast<int>(l.line->words.size()), "", v.value.page);
    v.value.confidence = (v.value.confidence + more.confidence) / 2;
    v.value.box = Union(v.value.box, more.box);
    std::string head = v.value.text;
    while (!head.empty() && (head.back() == '.' || head.back() == ' ' || head.back() == '_')) head.pop_back();
    v.value.text = head + " " + more.text;
    ++v.last_line;
  }
}

std::vector<LabelledValue> ReadLabelledValues(const std::vector<LineView>& lines, int page_index) {
  std::vector<LabelledValue> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const OcrLine& line = *lines[i].line;
    const int n = static_cast<int>(line.words.size());
    std::vector<int> colons;
    for (int w = 0; w < n; ++w)
      if (LabelColon(line.words[w].text) != std::string::npos) colons.push_back(w);
    if (colons.empty()) continue;
    int start = StartsWithItemNumber(lines[i]) ? 1 : 0;
    std::vector<int> starts = {start}, ends;  // each label's first word; where the value before it ends
    for (size_t k = 1; k < colons.size(); ++k) {
      const std::string& cw = line.words[colons[k]].text;
      const std::string head = cw.substr(0, LabelColon(cw));
      const int after_previous = colons[k - 1] + 1;
      int label_start = colons[k] < after_previous ? colons[k] : LabelStart(line, after_previous, colons[k], head);
      ends.push_back(label_start);
      // "... 3. Giới tính:": the item's number is no part of its label.
      if (label_start < colons[k] && IsItemNumber(line.words[label_start].text)) ++label_start;
      starts.push_back(label_start);
    }
    for (size_t k = 0; k < colons.size(); ++k) {
      const int c = colons[k];
      const std::string& cw = line.words[c].text;
      const size_t at = LabelColon(cw);
      LabelledValue v;
      for (int w = starts[k]; w < c; ++w) v.label += (v.label.empty() ? "" : " ") + line.words[w].text;
      const std::string head = cw.substr(0, at);
      if (!head.empty()) v.label += (v.label.empty() ? "" : " ") + head;
      v.tokens = Tokens(v.label);
      v.line = v.last_line = i;
      int end = k + 1 < colons.size() ? ends[k] : n;
      // A value does not cross into another column ("Số: 4235/SGDĐT" and, far
      // to its right, the place and date).
      for (int w = c + 2; w < end; ++w) {
        const Box& before = line.words[w - 1].box;
        const int height = std::max(before.h, line.words[w].box.h);
        if (line.words[w].box.x - (before.x + before.w) > 4 * height) {
          end = w;
          break;
        }
      }
      v.value = Words(line, c + 1, std::max(c + 1, end), cw.substr(at + 1), page_index);
      if (CleanValue(v.value.text).empty()) {
        v.value = RawField{};
        v.value.page = page_index;
        // The value under its label, when that is the last on its line.
        if (k + 1 == colons.size() && i + 1 < lines.size() && !lines[i + 1].has_colon && !IsBoilerplate(lines[i + 1]) &&
            !StartsWithItemNumber(lines[i + 1])) {
          v.value = Words(*lines[i + 1].line, 0, static_cast<int>(lines[i + 1].line->words.size()), "", page_index);
          v.last_line = i + 1;
        }
      }
      if (!v.tokens.empty()) out.push_back(std::move(v));
    }
  }
  return out;
}

std::vector<LineView> PageLines(const OcrPage& page) {
  std::vector<LineView> out;
  for (const OcrBlock& b : page.blocks)
    for (const OcrLine& line : b.lines) {
      LineView v;
      v.line = &line;
      v.text = line.Text();
      v.has_colon = v.text.find(':') != std::string::npos;
      for (size_t w = 0; w < line.words.size(); ++w)
        for (const std::string& tok : Tokens(line.words[w].text)) v.tokens.push_back({tok, static_cast<int>(w)});
      if (!v.tokens.empty()) out.push_back(std::move(v));
    }
  return out;
}

std::map<std::string, RawField> ReadFields(const std::vector<LineView>& lines, int page_index, const DocTemplate& doc) {
  const std::vector<Label> labels = Compile(doc);
  std::vector<std::vector<Occurrence>> found(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) found[i] = FindLabels(lines[i], labels);
  std::map<std::string, RawField> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const OcrLine& line = *lines[i].line;
    for (size_t k = 0; k < found[i].size(); ++k) {
      const Occurrence& o = found[i][k];
      if (!o.label->field || out.count(o.label->field->key)) continue;
      const FieldSpec& spec = *o.label->field;
      // To the right of the label, up to the next label on the line.
      const int last_label_word = lines[i].tokens[o.last - 1].word;
      const int end_word =
          k + 1 < found[i].size() ? lines[i].tokens[found[i][k + 1].first].word : static_cast<int>(line.words.size());
      std::string head;
      const std::string& joint = line.words[last_label_word].text;
      if (const size_t colon = joint.find(':'); colon != std::string::npos && colon + 1 < joint.size())
        head = joint.substr(colon + 1);
      RawField value = Words(line, last_label_word + 1, std::max(last_label_word + 1, end_word), head, page_index);
      size_t next = i + 1;
      if (CleanValue(value.text).empty()) {
        // Alone on its line: the value is the next line, if that has no label.
        if (next < lines.size() && found[next].empty() && !IsBoilerplate(lines[next])) {
          value = Words(*lines[next].line, 0, static_cast<int>(lines[next].line->words.size()), "", page_index);
          ++next;
        } else {
          continue;
        }
      }
      // Addresses wrap: following lines without labels, colons or numbers.
      if (spec.type == FieldType::kAddress || spec.type == FieldType::kText) {
        for (int extra = 0; extra < 2 && next < lines.size(); ++extra, ++next) {
          const LineView& l = lines[next];
          if (!found[next].empty() || l.has_colon || IsBoilerplate(l) || StartsWithItemNumber(l)) break;
          if (spec.type == FieldType::kText) break;  // short values do not wrap
          // A line OCR could not read (a stamp, a smudge) is no continuation.
          double conf = 0;
          for (const OcrWord& w : l.line->words) conf += w.confidence;
          if (conf / static_cast<double>(l.line->words.size()) < 0.6) break;
          RawField more = Words(*l.line, 0, static_cast<int>(l.line->words.size()), "", page_index);
          value.confidence = (value.confidence + more.confidence) / 2;
          value.box = Union(value.box, more.box);
          // A leader's last dots at the end of the first line are no part of
          // it; its comma is.
          std::string head = value.text;
          while (!head.empty() && (head.back() == '.' || head.back() == ' ' || head.back() == '_')) head.pop_back();
          value.text = head + " " + more.text;
        }
      }
      out[spec.key] = value;
    }
  }
  return out;
}

Classification ClassifyPage(const std::vector<LineView>& lines, const Templates& templates) {
  // Title lines carry no colon; they sit in the upper part of the page.
  std::vector<std::string> seq;
  const size_t upper = std::max<size_t>(8, lines.size() * 2 / 3);
  for (size_t i = 0; i < lines.size() && i < upper; ++i) {
    if (lines[i].has_colon) continue;
    for (const auto& t : lines[i].tokens) seq.push_back(t.ascii);
  }
  Classification best;
  for (const DocTemplate& doc : templates.docs)
    for (const std::string& title : doc.titles) {
      const std::vector<std::string> tt = Tokens(title);
      if (tt.size() < 2 || tt.size() > seq.size()) continue;
      for (size_t i = 0; i + tt.size() <= seq.size(); ++i) {
        bool ok = true;
        for (size_t k = 0; k < tt.size() && ok; ++k) ok = TokenMatch(seq[i + k], tt[k]);
        if (ok && static_cast<int>(tt.size()) > best.score) {
          best.type = doc.type;
          best.score = static_cast<int>(tt.size());
        }
      }
    }
  return best;
}

}  // namespace hoso

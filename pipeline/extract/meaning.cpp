#include "extract/meaning.h"

#include <algorithm>

#include "core/vn_text.h"
#include "extract/labels.h"
#include "extract/learnt.h"
#include "extract/normalize.h"

namespace hoso {

namespace {

bool Contains(const std::vector<std::string>& t, const std::vector<std::string>& phrase) {
  for (size_t i = 0; i + phrase.size() <= t.size(); ++i)
    if (std::equal(phrase.begin(), phrase.end(), t.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

}  // namespace

PageByMeaning ReadByMeaning(const std::vector<LineView>& lines, int page_index,
                            const std::map<std::string, std::string>* learnt) {
  PageByMeaning out;
  std::vector<LabelledValue> values = ReadLabelledValues(lines, page_index);
  Whose current = Whose::kApplicant;
  size_t read_to = 0;  // lines before this are behind us
  for (size_t at = 0; at < values.size(); ++at) {
    LabelledValue& v = values[at];
    const bool last_on_line = at + 1 == values.size() || values[at + 1].line != v.line;
    // Headings on lines of their own since the last value: "PHẦN KÊ KHAI VỀ MẸ".
    for (size_t l = read_to; l < v.line; ++l)
      if (!lines[l].has_colon && lines[l].tokens.size() <= 10)
        if (auto w = HeadingPerson(AsciiTokens(lines[l]))) current = *w;
    read_to = std::max(read_to, v.line + 1);
    const LabelMeaning m = UnderstandLabel(v.tokens);
    if (m.field.empty() && learnt && !CleanValue(v.value.text).empty()) {
      // A label a reviewer taught: its key as they filled it.
      if (auto it = FindLearnt(*learnt, v.tokens); it != learnt->end()) {
        const FieldType type = TypeOfKey(it->second);
        if (type == FieldType::kAddress) JoinWrappedLines(lines, v);
        read_to = std::max(read_to, v.last_line + 1);
        out.understood.push_back(Union(lines[v.line].line->box, v.value.box));
        if (out.fields.count(it->second))
          out.unused.push_back(v);
        else
          out.fields[it->second] = MeaningField{type, v.value, v.label};
        continue;
      }
    }
    if (CleanValue(v.value.text).empty()) {
      // Nothing after the colon nor under it: a heading, if it names someone.
      if (m.field == "name" && m.whose)
        current = *m.whose;
      else if (auto w = HeadingPerson(v.tokens))
        current = *w;
      continue;
    }
    if (m.field.empty()) {
      // A numbered item that is no one's field ("10. Nội dung đề nghị")
      // ends the block of another person's items; its value may run on (a
      // request naming an address over two lines).
      const bool first_on_line = at == 0 || values[at - 1].line != v.line;
      if (first_on_line && StartsWithItemNumber(lines[v.line])) current = Whose::kApplicant;
      if (last_on_line) JoinWrappedLines(lines, v);
      out.unused.push_back(v);
      read_to = std::max(read_to, v.last_line + 1);
      continue;
    }
    const Whose whose = m.field == "relationship" ? Whose::kApplicant : m.whose.value_or(current);
    if (m.field == "name" && m.whose) current = *m.whose;
    if (m.type == FieldType::kAddress) JoinWrappedLines(lines, v);
    read_to = std::max(read_to, v.last_line + 1);
    const std::string key = FieldKey(m.field, whose);
    out.understood.push_back(Union(lines[v.line].line->box, v.value.box));
    if (out.fields.count(key)) {
      out.unused.push_back(v);  // a second value: kept, not taken
      continue;
    }
    out.fields[key] = MeaningField{m.type, v.value, v.label};
  }
  return out;
}

std::optional<RawField> SignedName(const std::vector<LineView>& lines, int page_index) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::vector<std::string> t = AsciiTokens(lines[i]);
    if (!Contains(t, {"ky", "ghi", "ro", "ho", "ten"}) && !Contains(t, {"ky", "va", "ghi", "ro", "ho", "ten"}))
      continue;
    // The signer's title just above: the applicant's, or none said.
    if (i > 0) {
      const std::vector<std::string> title = AsciiTokens(lines[i - 1]);
      size_t words = 0;
      if (auto w = LeadingPerson(title, 2, &words); w && *w != Whose::kApplicant) return std::nullopt;
    }
    // The name: the first line below, under the same column, that reads
    // as a name (two to six words of letters only).
    const Box& at = lines[i].line->box;
    const int centre = at.x + at.w / 2;
    for (size_t k = i + 1; k < lines.size() && k <= i + 6; ++k) {
      const OcrLine& line = *lines[k].line;
      std::string text;
      RawField f;
      f.page = page_index;
      double conf = 0;
      int n = 0;
      for (const OcrWord& w : line.words) {
        if (w.box.x + w.box.w < at.x - at.w / 2 || w.box.x > at.x + at.w + at.w / 2) continue;  // another column
        text += (text.empty() ? "" : " ") + w.text;
        f.box = Union(f.box, w.box);
        conf += w.confidence;
        ++n;
      }
      if (n < 2 || n > 6 || std::abs(f.box.x + f.box.w / 2 - centre) > at.w) continue;
      bool letters = true;
      for (const vn::Glyph& g : vn::Decode(text))
        if (!(g.letter || g.base == ' ')) letters = false;
      if (!letters) continue;
      f.text = text;
      f.confidence = conf / n;
      return f;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace hoso

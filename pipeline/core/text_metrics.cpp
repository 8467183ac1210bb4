#include "core/text_metrics.h"

#include "core/utf8.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

namespace hoso {

std::u32string Utf8ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    char32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0F;
      len = 3;
    } else if ((c >> 3) == 30) {
      cp = c & 0x07;
      len = 4;
    } else {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (i + len > s.size()) {
      out.push_back(0xFFFD);
      break;
    }
    bool ok = true;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(ok ? cp : 0xFFFD);
    i += ok ? len : 1;
  }
  return out;
}

std::string U32ToUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) AppendUtf8(cp, out);
  return out;
}

std::string NormalizeForScoring(std::string_view text) {
  const std::u32string in = Utf8ToU32(text);
  std::u32string out;
  for (size_t i = 0; i < in.size();) {
    // A run of leader dots (with spaces between them) counts as a space.
    size_t j = i, dots = 0;
    while (j < in.size() && (in[j] == U'.' || in[j] == U'…' || (dots && in[j] == U' '))) {
      dots += in[j] == U'…' ? 3 : in[j] == U'.';
      ++j;
    }
    if (dots >= 3) {
      out.push_back(U' ');
      i = j;
      continue;
    }
    const char32_t c = in[i++];
    const bool space = c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == 0xA0 || c == U'\f';
    if (space) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
    } else {
      out.push_back(c);
    }
  }
  // Fold the spaces the leader replacement may have doubled, and trim.
  std::u32string folded;
  for (char32_t c : out)
    if (!(c == U' ' && (folded.empty() || folded.back() == U' '))) folded.push_back(c);
  while (!folded.empty() && folded.back() == U' ') folded.pop_back();
  return U32ToUtf8(folded);
}

size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double CharacterErrorRate(std::string_view truth, std::string_view hypothesis) {
  const std::u32string t = Utf8ToU32(NormalizeForScoring(truth));
  const std::u32string h = Utf8ToU32(NormalizeForScoring(hypothesis));
  if (t.empty()) return h.empty() ? 0.0 : 1.0;
  return static_cast<double>(EditDistance(t, h)) / static_cast<double>(t.size());
}

double WordRecall(std::string_view truth, std::string_view hypothesis) {
  auto words = [](std::string_view s) {
    std::map<std::string, int> m;
    std::istringstream in(NormalizeForScoring(s));
    for (std::string w; in >> w;) ++m[w];
    return m;
  };
  const auto t = words(truth), h = words(hypothesis);
  int total = 0, found = 0;
  for (const auto& [w, n] : t) {
    total += n;
    auto it = h.find(w);
    if (it != h.end()) found += std::min(n, it->second);
  }
  return total ? static_cast<double>(found) / total : 1.0;
}

}  // namespace hoso

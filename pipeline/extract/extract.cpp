#include "extract/extract.h"

#include <cstdio>
#include <regex>

namespace hoso {
namespace {

bool IsValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

std::optional<std::string> FindPlaceDate(const std::string& text) {
  // "ngày" / "ngay" / "Ngày", then day, "tháng"/"thang", month, "năm"/"nam", year.
  // UTF-8 letters are several bytes, so accented variants are alternations,
  // not character classes.
  static const std::regex kDate(
      "(?:[Nn]g(?:a|\u00E0)y|NG(?:A|\u00C0)Y)\\s*(\\d{1,2})\\s*(?:[Tt]h(?:a|\u00E1)ng|TH(?:A|\u00C1)NG)\\s*"
      "(\\d{1,2})\\s*(?:[Nn](?:a|\u0103)m|N(?:A|\u0102)M)\\s*(\\d{4})");
  std::smatch m;
  std::string::const_iterator from = text.begin();
  std::optional<std::string> last;
  // The place-and-date line is near the end of a form: take the last match.
  while (std::regex_search(from, text.end(), m, kDate)) {
    const int d = std::stoi(m[1]), mo = std::stoi(m[2]), y = std::stoi(m[3]);
    if (IsValidDate(y, mo, d)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
      last = buf;
    }
    from = m[0].second;
  }
  return last;
}

DossierDraft Extract(const std::vector<OcrPage>& pages, const ExtractOptions&) {
  DossierDraft draft;
  for (const auto& page : pages) {
    if (auto date = FindPlaceDate(page.text)) {
      draft.doc_date = date;
      break;
    }
  }
  return draft;
}

}  // namespace hoso

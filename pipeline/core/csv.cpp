#include "core/csv.h"

namespace hoso {

std::optional<std::vector<std::string>> ReadCsvRecord(std::istream& in) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false, any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (in.peek() == '"') {
        in.get(c);
        cell += '"';
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!any) return std::nullopt;
  cells.push_back(std::move(cell));
  return cells;
}

}  // namespace hoso

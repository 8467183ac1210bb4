#include "args.h"

#include <cstdio>

namespace hoso::cli {

Args::Args(std::vector<std::string> argv, std::set<std::string> with_value, std::set<std::string> flags) {
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a == "-" || a.rfind("-", 0) != 0) {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, value;
    bool has_inline = false;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_inline = true;
    }
    if (with_value.count(name)) {
      if (!has_inline) {
        if (i + 1 >= argv.size()) {
          error_ = name + " needs a value";
          return;
        }
        value = argv[++i];
      }
      values_[name] = value;
    } else if (flags.count(name) && !has_inline) {
      flags_set_.insert(name);
    } else {
      error_ = "unknown option " + name;
      return;
    }
  }
}

std::optional<std::string> Args::Value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool IsIsoDate(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

}  // namespace hoso::cli

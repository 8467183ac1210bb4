#include "cli/args.h"

#include "cli/config.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <iostream>

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
      values_[name].push_back(value);
    } else if (flags.count(name) && !has_inline) {
      flags_set_.insert(name);
    } else {
      error_ = "unknown option " + name;
      return;
    }
  }
  // What the configuration file says, for the options this command has and
  // was not given.
  for (const auto& [key, value] : OptionDefaults()) {
    const std::string name = "--" + key;
    if (with_value.count(name) && !values_.count(name)) values_[name].push_back(value);
    if (flags.count(name) && (value == "true" || value == "yes" || value == "1")) flags_set_.insert(name);
  }
}

std::optional<std::string> Args::Value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::Values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

namespace {

// The whole of `text` as a number by `parse` (strtol and its kind), or none.
template <typename T, typename Parse>
std::optional<T> Number(const std::string& text, Parse parse) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const auto v = parse(text.c_str(), &end);
  if (errno != 0 || end != text.c_str() + text.size()) return std::nullopt;
  return static_cast<T>(v);
}

}  // namespace

int Args::Int(const std::string& name, int fallback) {
  const auto v = Value(name);
  if (!v) return fallback;
  const auto n = Number<long>(*v, [](const char* s, char** e) { return std::strtol(s, e, 10); });
  if (n && *n >= INT32_MIN && *n <= INT32_MAX) return static_cast<int>(*n);
  if (error_.empty()) error_ = name + " takes a whole number, not '" + *v + "'";
  return fallback;
}

std::uint64_t Args::Uint64(const std::string& name, std::uint64_t fallback) {
  const auto v = Value(name);
  if (!v) return fallback;
  const auto n = Number<std::uint64_t>(*v, [](const char* s, char** e) { return std::strtoull(s, e, 10); });
  if (n && (*v)[0] != '-') return *n;
  if (error_.empty()) error_ = name + " takes a whole number, not '" + *v + "'";
  return fallback;
}

double Args::Double(const std::string& name, double fallback) {
  const auto v = Value(name);
  if (!v) return fallback;
  const auto n = Number<double>(*v, [](const char* s, char** e) { return std::strtod(s, e); });
  if (n) return *n;
  if (error_.empty()) error_ = name + " takes a number, not '" + *v + "'";
  return fallback;
}

int UsageError(const std::string& program, const std::string& message) {
  std::cerr << program << ": " << message << "\n(see " << program << " --help)\n";
  return 2;
}

std::optional<int> HelpOrUsageError(const Args& args, const std::string& program, const std::string& help) {
  if (args.Flag("--help") || args.Flag("-h")) {
    std::cout << help;
    return 0;
  }
  if (!args.ok()) return UsageError(program, args.error());
  return std::nullopt;
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

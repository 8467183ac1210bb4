#include "cli/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace hoso::cli {

namespace {

std::map<std::string, std::string>& Defaults() {
  static std::map<std::string, std::string> defaults;
  return defaults;
}

std::string Trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

}  // namespace

bool LoadConfig(const std::string& path, const std::string& command, const std::string& instance,
                std::map<std::string, std::string>* keys, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read the configuration file " + path;
    return false;
  }
  // Each key by the most specific section that sets it.
  std::map<std::string, std::string> global, own, named;
  std::map<std::string, std::string>* into = &global;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    line = Trim(line);
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(n) + ": ";
    if (line.front() == '[') {
      if (line.back() != ']') {
        *error = where + "a section is [COMMAND] or [COMMAND INSTANCE]";
        return false;
      }
      const std::string name = Trim(line.substr(1, line.size() - 2));
      const size_t space = name.find(' ');
      const std::string cmd = name.substr(0, space), inst = space == std::string::npos ? "" : Trim(name.substr(space));
      into = cmd != command ? nullptr : inst.empty() ? &own : inst == instance ? &named : nullptr;
      continue;
    }
    const size_t eq = line.find('=');
    if (eq == std::string::npos || Trim(line.substr(0, eq)).empty()) {
      *error = where + "expected KEY = VALUE";
      return false;
    }
    std::string key = Trim(line.substr(0, eq));
    if (key.rfind("--", 0) == 0) key.erase(0, 2);
    if (into) (*into)[key] = Trim(line.substr(eq + 1));
  }
  for (auto* layer : {&global, &own, &named})
    for (const auto& [k, v] : *layer) (*keys)[k] = v;
  return true;
}

std::string DefaultConfigPath() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("HOSO_CONFIG"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.parent_path().filename() != "bin") return "";
  const fs::path prefix = exe.parent_path().parent_path();
  if (!fs::is_directory(prefix / "share" / "hoso", ec)) return "";
  const fs::path etc = prefix == "/usr" ? fs::path("/etc") : prefix / "etc";
  return (etc / "hoso" / "hoso.conf").string();
}

void SetOptionDefaults(std::map<std::string, std::string> keys) { Defaults() = std::move(keys); }
const std::map<std::string, std::string>& OptionDefaults() { return Defaults(); }

}  // namespace hoso::cli

#include "core/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace hoso {

std::string DataDir(const std::string& name, const char* env_var) {
  namespace fs = std::filesystem;
  if (const char* env = env_var ? std::getenv(env_var) : nullptr; env && *env) return env;
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) return "";
  for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
    const fs::path candidate = dir / "share" / "hoso" / name;
    if (fs::is_directory(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
  }
  return "";
}

}  // namespace hoso

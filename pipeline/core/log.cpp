#include "core/log.h"

#include <atomic>
#include <iostream>
#include <mutex>

namespace hoso {
namespace {
std::atomic<int> g_level{static_cast<int>(LogLevel::kWarning)};
std::mutex g_mutex;
const char* Name(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kError: return "error";
    default: return "";
  }
}
}  // namespace

void SetLogLevel(LogLevel level) { g_level = static_cast<int>(level); }
LogLevel GetLogLevel() { return static_cast<LogLevel>(g_level.load()); }

void Log(LogLevel level, std::string_view message) {
  if (static_cast<int>(level) < g_level.load()) return;
  std::lock_guard<std::mutex> lock(g_mutex);
  std::cerr << "hoso: " << Name(level) << ": " << message << '\n';
}

std::string Mask(std::string_view personal) {
  // Count UTF-8 code points so multi-byte letters are masked whole.
  std::string out;
  size_t n = 0;
  for (unsigned char c : personal) n += (c & 0xC0) != 0x80;
  size_t keep_head = n >= 8 ? 4 : (n >= 4 ? 1 : 0);
  size_t keep_tail = n >= 8 ? 2 : 0;
  size_t i = 0, cp = 0;
  while (i < personal.size()) {
    size_t len = 1;
    unsigned char c = personal[i];
    if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
    if (cp < keep_head || cp >= n - keep_tail || personal[i] == ' ')
      out.append(personal.substr(i, len));
    else
      out += '*';
    i += len;
    ++cp;
  }
  return out;
}

}  // namespace hoso

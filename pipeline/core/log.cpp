#include "core/log.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <atomic>
#include <cctype>
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

namespace {

// Standard error is systemd's journal (a service's): JOURNAL_STREAM names
// its device and inode. Each line then starts with its syslog priority,
// "<4>", which journald keeps as the entry's level and strips.
bool ToJournal() {
  static const bool journal = [] {
    const char* stream = std::getenv("JOURNAL_STREAM");
    unsigned long long dev = 0, ino = 0;
    struct stat st {};
    return stream && std::sscanf(stream, "%llu:%llu", &dev, &ino) == 2 && fstat(STDERR_FILENO, &st) == 0 &&
           st.st_dev == dev && st.st_ino == ino;
  }();
  return journal;
}

int Priority(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug: return 7;
    case LogLevel::kInfo: return 6;
    case LogLevel::kWarning: return 4;
    default: return 3;
  }
}

}  // namespace

void Log(LogLevel level, std::string_view message) {
  if (static_cast<int>(level) < g_level.load()) return;
  std::lock_guard<std::mutex> lock(g_mutex);
  if (ToJournal()) std::cerr << '<' << Priority(level) << '>';
  std::cerr << "hoso: " << Name(level) << ": " << message << '\n';
}

std::string Mask(std::string_view personal) {
  // Numbers (ID, phone) keep a few leading and trailing digits; names keep
  // each word's first letter. Either way a log line can tell records apart
  // without carrying the personal data.
  size_t digits = 0, n = 0;
  for (unsigned char c : personal) {
    n += (c & 0xC0) != 0x80;
    digits += std::isdigit(c) != 0;
  }
  const bool number = digits * 2 > n;
  const size_t keep_head = number && n >= 8 ? 4 : 0, keep_tail = number && n >= 8 ? 2 : 0;
  std::string out;
  bool word_start = true;
  size_t cp = 0;
  for (size_t i = 0; i < personal.size(); ++cp) {
    const unsigned char c = personal[i];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    len = std::min(len, personal.size() - i);
    const bool space = c == ' ';
    const bool keep = space || (number ? (cp < keep_head || cp + keep_tail >= n) : (word_start && n > 2));
    if (keep)
      out.append(personal.substr(i, len));
    else
      out += '*';
    word_start = space;
    i += len;
  }
  return out;
}

}  // namespace hoso

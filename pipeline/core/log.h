// Minimal leveled logging to stderr, safe from several threads. Personal
// data (names, ID numbers) must never be passed here in full: use Mask().
#pragma once

#include <string>
#include <string_view>

namespace hoso {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3, kQuiet = 4 };

void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();
void Log(LogLevel level, std::string_view message);

// "079203001234" -> "0792******34": enough to tell records apart in a log.
std::string Mask(std::string_view personal);

}  // namespace hoso

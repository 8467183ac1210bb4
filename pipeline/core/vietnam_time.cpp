#include "core/vietnam_time.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include <cstdio>
#include <regex>

namespace hoso {

namespace {
const Poco::Timespan kVietnam(0, 7, 0, 0, 0);  // UTC+7
}

std::optional<Poco::DateTime> ParseUtc(const std::string& iso) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) < 4) return std::nullopt;
  if (!Poco::DateTime::isValid(y, mo, d, h, mi, sec)) return std::nullopt;
  return Poco::DateTime(y, mo, d, h, mi, sec);
}

std::string VietnamDay(const Poco::DateTime& utc) {
  return Poco::DateTimeFormatter::format(utc + kVietnam, "%Y-%m-%d");
}

std::string VietnamTime(const std::string& utc) {
  const auto t = utc.size() >= 19 ? ParseUtc(utc) : std::nullopt;
  if (!t) return utc;
  return Poco::DateTimeFormatter::format(*t + kVietnam, "%Y-%m-%dT%H:%M:%S+07:00");
}

std::string VietnamDayStartUtc(const std::string& day, int plus_days) {
  static const std::regex kDay(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(day, kDay)) return "";
  const int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2));
  if (!Poco::DateTime::isValid(y, m, d)) return "";
  const Poco::DateTime start(y, m, d);
  return Poco::DateTimeFormatter::format(start + Poco::Timespan(plus_days, 0, 0, 0, 0) - kVietnam,
                                         "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace hoso

// Vietnam's clock and calendar against the registry's times. The registry
// stores UTC ("2026-12-02T23:40:00Z"); people count days and read times in
// Vietnam's, which keeps UTC+7 all year (no summer time).
#pragma once

#include <Poco/DateTime.h>

#include <optional>
#include <string>

namespace hoso {

// A stored UTC time ("2026-12-02T23:40:00Z", or its first 13 characters:
// the hour); nullopt for anything else.
std::optional<Poco::DateTime> ParseUtc(const std::string& iso);

// The day of Vietnam's calendar a UTC time falls on: "2026-12-03".
std::string VietnamDay(const Poco::DateTime& utc);

// A stored UTC time as Vietnam's clock shows it: "2026-12-03T06:40:00+07:00";
// anything else as it is.
std::string VietnamTime(const std::string& utc);

// The UTC instant (as stored) at which a day of Vietnam's calendar
// (YYYY-MM-DD), moved on by `plus_days`, begins: "2026-12-02T17:00:00Z" for
// 2026-12-03; empty for anything but a real date.
std::string VietnamDayStartUtc(const std::string& day, int plus_days = 0);

}  // namespace hoso

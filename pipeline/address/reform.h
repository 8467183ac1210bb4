// The changes of administrative units the address stage knows by date,
// named once for the stage and for the gazetteer builder (tools/gazetteer).
#pragma once

namespace hoso {

// 1 July 2025: districts abolished, communes and provinces merged.
inline constexpr const char* kReformDay = "2025-07-01";
// The old units' last day.
inline constexpr const char* kLastOldDay = "2025-06-30";
// The National Assembly's resolution on the provinces.
inline constexpr const char* kProvinceResolution = "202/2025/QH15";

// 30 April 2026: Đồng Nai becomes a city, its communes wards.
inline constexpr const char* kDongNaiDay = "2026-04-30";
inline constexpr const char* kLastDayBeforeDongNai = "2026-04-29";
inline constexpr const char* kDongNaiProvinceResolution = "30/2026/QH16";
inline constexpr const char* kDongNaiCommuneResolution = "237/NQ-UBTVQH16";

}  // namespace hoso

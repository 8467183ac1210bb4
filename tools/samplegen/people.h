// Synthetic people and addresses for generated dossiers: names from the
// common family, middle and given names; citizen IDs consistent with the
// date of birth and gender (or deliberately not); addresses drawn from the
// official old→new unit table, current or pre-merger.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace samplegen {

// Deterministic across platforms: only the raw 64-bit engine is used.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t Next() { return engine_(); }
  int Int(int lo, int hi) { return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * (Next() >> 11) * (1.0 / 9007199254740992.0); }
  bool Chance(double p) { return Uniform(0, 1) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Next() % v.size()];
  }

 private:
  std::mt19937_64 engine_;
};

struct UnitLink {  // one row of the NSO conversion table
  std::string new_province, new_province_code, new_commune, new_commune_code;
  std::string old_commune, old_commune_code, note, old_district, old_province;
};

struct UnitTable {
  std::vector<UnitLink> links;
  // Loads nso-conversion-2025-07-01.csv; empty on failure.
  static UnitTable Load(const std::string& path);
};

struct Address {
  std::string text;    // as written on the form
  std::string street;  // the street part as written
  std::string kind;    // current | outdated | ambiguous
  // Expected verdict: the new commune (outdated/current) or candidates.
  std::string ward_code, ward, province;
  std::vector<std::string> candidate_codes;
  std::string old_commune_code;
  int link = -1;      // the row of the unit table it was drawn from
  std::string style;  // how it is written: empty (in full, old or new units) or a TransitionStyleName
};

struct Person {
  std::string full_name;      // "Nguyễn Văn An"
  std::string date_of_birth;  // ISO
  std::string gender;         // male | female
  std::string id_number;      // 12 digits
  bool id_consistent = true;  // false: century/gender or year digits disagree
  std::string phone;          // 10 digits
  Address address;
  std::string birth_place_province;
};

std::string ToLowerUnitWord(const std::string& unit_name);  // "Phường X" -> "phường X"

// A street part: a house number and street in town, a hamlet in the country.
std::string MakeStreet(Rng& rng, bool rural);

Person MakePerson(Rng& rng, const UnitTable& table, double inconsistent_id_rate);
Address MakeAddress(Rng& rng, const UnitTable& table);
// An address in `link`'s old commune (pre_merger: with its district and old
// province) or in its new commune; the street part drawn from `rng`.
// (nullopt: drawn, one in three current).
Address MakeAddressFor(Rng& rng, const UnitTable& table, const UnitLink* link, std::optional<bool> pre_merger);

}  // namespace samplegen

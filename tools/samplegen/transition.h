// Addresses as people write them while the old units give way to the new
// ones (1 July 2025): a new ward with an old district it took land from, an
// old district under its new province, a new ward under its old province,
// and unit names without their unit words ("12 Tứ Liên, Tây Hồ, Hà Nội").
// Each comes with the verdict the official conversion table gives it,
// worked out from that table alone (never from hoso's gazetteer).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "people.h"

namespace samplegen {

enum class TransitionStyle { kNewWardOldDistrict, kOldDistrictNewProvince, kNewWardOldProvince, kNoUnitWords };

const std::vector<TransitionStyle>& AllTransitionStyles();
const char* TransitionStyleName(TransitionStyle style);
// Whether the style writes a new commune (else an old one).
bool WritesNewWard(TransitionStyle style);

// "Phường Hồng Hà" -> {"phường", "Hồng Hà"}; a name without a unit word keeps an empty type.
std::pair<std::string, std::string> SplitUnitName(const std::string& full);

class TransitionWriter {
 public:
  explicit TransitionWriter(const UnitTable& table);

  // An address in `link`'s units (its new commune for the new-ward styles,
  // its old commune for the others) written in `style`, with its verdict;
  // nullopt where the style does not apply: the province kept its name (the
  // address is then one of the usual styles), a numbered unit written
  // without its unit word, or a name the written district does not make
  // unique.
  std::optional<Address> Write(Rng& rng, const UnitLink& link, TransitionStyle style) const;

  // The verdict on `a`, an address in `link`'s old units written in full
  // (MakeAddressFor): its old commune's new communes, and any commune of
  // today of the same name that took land from its district, since the
  // same words name both.
  void Reread(const UnitLink& link, Address& a) const;

 private:
  using Codes = std::set<std::string>;
  // The new communes an address naming `name` (of unit type `type`, or any
  // when empty) in the old district named `district` of one of `provinces`
  // (old names) leads to: the old communes so named (their unit type
  // preferred where written) and the new communes so named that took land
  // from that district.
  Codes Readings(const std::set<std::string>& provinces, const std::string& district, const std::string& type,
                 const std::string& name) const;
  static std::string Key(const std::string& name);
  void Verdict(const Codes& targets, Address& a) const;

  // Old communes by (old province, district key, name key): (code, type).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::pair<std::string, std::string>>>
      old_named_;
  // New communes named so that took land from the district: (code, type).
  std::map<std::tuple<std::string, std::string, std::string>, std::set<std::pair<std::string, std::string>>> new_named_;
  std::map<std::pair<std::string, std::string>, Codes> targets_;  // (old province, old code) -> new codes
  std::map<std::string, std::set<std::string>> predecessors_;     // new province -> old provinces
  // New communes by (new province, name key): code -> (type, old provinces it took land from).
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::pair<std::string, std::set<std::string>>>>
      new_in_province_;
};

}  // namespace samplegen

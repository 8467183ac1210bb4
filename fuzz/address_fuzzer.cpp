// libFuzzer: the address parser, verdict and speller on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "address/address.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto gazetteer = [] {
    auto g = hoso::Gazetteer::Load(hoso::Gazetteer::DefaultDir());
    if (!g.ok()) __builtin_trap();
    return std::move(g).value();
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)hoso::ParseAddress(text, *gazetteer);
  (void)hoso::SpellAddress(text, *gazetteer);
  hoso::AddressOptions options;
  options.as_of = "2026-01-01";
  (void)hoso::CheckAddress(text, *gazetteer, options);
  return 0;
}

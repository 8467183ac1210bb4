// libFuzzer: the field normalisers (dates, ID numbers, phones, gender,
// names, values) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)hoso::NormalizeDate(text);
  (void)hoso::NormalizeGender(text);
  (void)hoso::NormalizeIdNumber(text);
  (void)hoso::NormalizePhone(text);
  (void)hoso::NormalizeName(text, nullptr);
  (void)hoso::CleanValue(text);
  return 0;
}

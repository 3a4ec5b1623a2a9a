// node_exporter's hwmon naming: sensor file names and chip/device names.
// seeds: (none)
#include "../fuzz_common.h"
#include "linux/parse/hwmon.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  const std::string clean = parse::cleanHwmonName(t);
  // The cleaned name holds only [a-z0-9:_], never at its ends.
  for (const char c : clean) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_')) __builtin_trap();
  }
  if (!clean.empty() && (clean.front() == '_' || clean.back() == '_')) __builtin_trap();
  if (const auto parts = parse::explodeSensorFileName(t)) {
    if (parts->type.empty() || parts->number < 0) __builtin_trap();
    parse::isHwmonSensorType(parts->type);
  }
  return 0;
}

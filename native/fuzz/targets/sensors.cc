// hwmon / thermal / power_supply values and the battery arithmetic.
// seeds: sys/class/thermal/thermal_zone0/temp sys/class/power_supply/BAT0/energy_now sys/class/power_supply/BAT0/status
#include "../fuzz_common.h"
#include "linux/parse/sensors.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::pythonFloat(t); });
  fuzz::tolerate([&] { parse::pythonInt(t); });
  fuzz::tolerate([&] { parse::millidegrees(t); });
  const auto f = fuzz::parts(t, 7);
  parse::BatteryFiles files;
  std::optional<std::string>* slots[] = {&files.energyNow, &files.powerNow, &files.energyFull, &files.timeToEmpty,
                                         &files.capacity, &files.acOnline, &files.status};
  for (size_t i = 0; i < f.size() && i < 7; ++i) *slots[i] = f[i];
  fuzz::tolerate([&] { parse::computeBattery(files); });
  return 0;
}

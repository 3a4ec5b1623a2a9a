#pragma once

// node_exporter's hwmon naming rules (collector/hwmon_linux.go), pure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace procyon::parse {

// node_exporter's cleanMetricName: lower case, every character outside
// [a-z0-9:_] (a whole UTF-8 sequence counting as one) replaced by '_', then
// leading and trailing '_' removed.
std::string cleanHwmonName(std::string_view name);

// A sensor file name split as <type><number>_<property>: "temp1_crit_alarm"
// is {temp, 1, crit_alarm}, "beep_enable" {beep_enable, 0, ""}. nullopt when
// the name has no such shape (node_exporter's explodeSensorFilename).
struct SensorFileName {
  std::string type;
  int64_t number = 0;
  std::string property;
};
std::optional<SensorFileName> explodeSensorFileName(std::string_view name);

// Whether node_exporter reads sensors of this type (vrm, in, fan, temp, ...).
bool isHwmonSensorType(std::string_view type);

}  // namespace procyon::parse

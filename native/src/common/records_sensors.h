#pragma once

#include "common/record.h"

// The psutil-shaped sensor records (sensors_temperatures, sensors_fans,
// sensors_battery).

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace procyon {

// psutil's shwtemp, in °C (or °F when asked); nullopt is psutil's None.
#define PROCYON_TEMPERATURE_FIELDS(X) \
  X(std::string, label, {}) \
  X(double, current, 0) \
  X(std::optional<double>, high, {}) \
  X(std::optional<double>, critical, {})
PROCYON_RECORD(Temperature, PROCYON_TEMPERATURE_FIELDS)
#undef PROCYON_TEMPERATURE_FIELDS

// Chips in the order psutil first meets them (sorted sensor paths).
struct Temperatures {
  std::vector<std::pair<std::string, std::vector<Temperature>>> chips;
};

// psutil's sfan: current speed in RPM.
#define PROCYON_FAN_FIELDS(X) \
  X(std::string, label, {}) \
  X(double, current, 0)
PROCYON_RECORD(Fan, PROCYON_FAN_FIELDS)
#undef PROCYON_FAN_FIELDS

struct Fans {
  std::vector<std::pair<std::string, std::vector<Fan>>> chips;
};

constexpr int kPowerTimeUnknown = -1;
constexpr int kPowerTimeUnlimited = -2;

// psutil's sbattery; powerPlugged nullopt when undeterminable.
#define PROCYON_BATTERY_FIELDS(X) \
  X(double, percent, 0) X(double, secsleft, kPowerTimeUnknown) X(std::optional<bool>, powerPlugged, {})
PROCYON_RECORD(Battery, PROCYON_BATTERY_FIELDS)
#undef PROCYON_BATTERY_FIELDS

// sensors_battery(): nullopt when there is no battery (psutil's None).
struct BatteryResult {
  std::optional<Battery> battery;
};

}  // namespace procyon

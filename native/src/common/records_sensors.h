#pragma once

// The psutil-shaped sensor records (sensors_temperatures, sensors_fans,
// sensors_battery).

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace procyon {

// psutil's shwtemp, in °C (or °F when asked); nullopt is psutil's None.
struct Temperature {
  std::string label;
  double current = 0;
  std::optional<double> high;
  std::optional<double> critical;
};

// Chips in the order psutil first meets them (sorted sensor paths).
struct Temperatures {
  std::vector<std::pair<std::string, std::vector<Temperature>>> chips;
};

// psutil's sfan: current speed in RPM.
struct Fan {
  std::string label;
  double current = 0;
};

struct Fans {
  std::vector<std::pair<std::string, std::vector<Fan>>> chips;
};

constexpr int kPowerTimeUnknown = -1;
constexpr int kPowerTimeUnlimited = -2;

// psutil's sbattery; powerPlugged nullopt when undeterminable.
struct Battery {
  double percent = 0;
  double secsleft = kPowerTimeUnknown;
  std::optional<bool> powerPlugged;
};

// sensors_battery(): nullopt when there is no battery (psutil's None).
struct BatteryResult {
  std::optional<Battery> battery;
};

}  // namespace procyon

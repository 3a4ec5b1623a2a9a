#pragma once

// Interpreting hwmon, thermal and power_supply attribute files. Pure: the
// Linux backend decides which files to read and hands their contents here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/records_sensors.h"

namespace procyon::parse {

// Python's float() of a sysfs file (surrounding whitespace allowed); nullopt
// where Python raises ValueError.
std::optional<double> pythonFloat(std::string_view text);

// Python's int() of a sysfs file; nullopt where Python raises ValueError.
std::optional<int64_t> pythonInt(std::string_view text);

// A millidegree file ("45000\n") in °C; nullopt when malformed.
std::optional<double> millidegrees(std::string_view text);

// psutil.sensors_temperatures' final step: convert to °F if asked
// ((c * 9 / 5) + 32), then fill a missing high from critical and vice versa
// (by Python truthiness, so 0 counts as missing).
Temperatures finishTemperatures(Temperatures raw, bool fahrenheit);

// The power_supply files sensors_battery reads, each the content of the
// first of its candidates that could be read (nullopt: none could).
struct BatteryFiles {
  std::optional<std::string> energyNow;    // energy_now, charge_now
  std::optional<std::string> powerNow;     // power_now, current_now
  std::optional<std::string> energyFull;   // energy_full, charge_full
  std::optional<std::string> timeToEmpty;  // time_to_empty_now (minutes)
  std::optional<std::string> capacity;     // capacity (percent)
  std::optional<std::string> acOnline;     // <power_supply>/AC0/online, AC/online
  std::optional<std::string> status;       // status
};

// psutil's _pslinux.sensors_battery arithmetic; nullopt when no percentage
// can be had (psutil's None).
std::optional<Battery> computeBattery(const BatteryFiles& files);

}  // namespace procyon::parse

#include "linux/parse/sensors.h"

#include <cmath>
#include <string>

#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

// Python's int()/float() accept '_' between digits; sysfs never writes one,
// so a token with '_' is simply rejected. A leading '+' is accepted.
std::string_view stripPlus(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  return text;
}

bool truthy(const std::optional<double>& value) { return value && *value != 0; }

std::optional<double> toFahrenheit(const std::optional<double>& celsius) {
  if (!celsius) return std::nullopt;
  return (*celsius * 9) / 5 + 32;  // psutil: (float(n) * 9 / 5) + 32
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<double> intValue(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const auto value = pythonInt(*text);
  if (!value) return std::nullopt;  // psutil keeps the string and then fails on arithmetic
  return static_cast<double>(*value);
}

}  // namespace

std::optional<double> pythonFloat(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '-') {
    const auto magnitude = toDouble(stripPlus(text.substr(1)));
    if (!magnitude || (text.size() > 1 && text[1] == '+')) return std::nullopt;
    return -*magnitude;
  }
  return toDouble(stripPlus(text));
}

std::optional<int64_t> pythonInt(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const auto magnitude = toUint64(text);
  if (!magnitude || *magnitude > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  const auto value = static_cast<int64_t>(*magnitude);
  return negative ? -value : value;
}

std::optional<double> millidegrees(std::string_view text) {
  const auto value = pythonFloat(text);
  if (!value) return std::nullopt;
  return *value / 1000.0;
}

Temperatures finishTemperatures(Temperatures raw, bool fahrenheit) {
  for (auto& [chip, sensors] : raw.chips) {
    for (Temperature& sensor : sensors) {
      if (fahrenheit) {
        sensor.current = *toFahrenheit(sensor.current);
        sensor.high = toFahrenheit(sensor.high);
        sensor.critical = toFahrenheit(sensor.critical);
      }
      if (truthy(sensor.high) && !truthy(sensor.critical)) {
        sensor.critical = sensor.high;
      } else if (truthy(sensor.critical) && !truthy(sensor.high)) {
        sensor.high = sensor.critical;
      }
    }
  }
  return raw;
}

std::optional<Battery> computeBattery(const BatteryFiles& files) {
  const auto energyNow = intValue(files.energyNow);
  const auto powerNow = intValue(files.powerNow);
  const auto energyFull = intValue(files.energyFull);
  const auto timeToEmpty = intValue(files.timeToEmpty);

  Battery battery;
  // energy_now / energy_full is more precise than the integer capacity file.
  if (energyFull && energyNow) {
    battery.percent = *energyFull == 0 ? 0.0 : 100.0 * *energyNow / *energyFull;
  } else {
    const auto capacity = files.capacity ? pythonInt(*files.capacity) : std::optional<int64_t>(-1);
    if (!capacity || *capacity == -1) return std::nullopt;
    battery.percent = static_cast<double>(*capacity);
  }

  if (files.acOnline) {
    battery.powerPlugged = pythonInt(*files.acOnline) == std::optional<int64_t>(1);
  } else if (files.status) {
    const std::string status = lower(trim(*files.status));
    if (status == "discharging") battery.powerPlugged = false;
    else if (status == "charging" || status == "full") battery.powerPlugged = true;
  }

  if (battery.powerPlugged == std::optional<bool>(true)) {
    battery.secsleft = kPowerTimeUnlimited;
  } else if (energyNow && powerNow) {
    battery.secsleft = *powerNow == 0 ? kPowerTimeUnknown : std::trunc(*energyNow / *powerNow * 3600);
  } else if (timeToEmpty) {
    battery.secsleft = *timeToEmpty * 60;
    if (battery.secsleft < 0) battery.secsleft = kPowerTimeUnknown;
  } else {
    battery.secsleft = kPowerTimeUnknown;
  }
  return battery;
}

}  // namespace procyon::parse

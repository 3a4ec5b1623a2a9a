#pragma once

// hwmon chips and power supplies as sysfs names them, for consumers that
// follow node_exporter's labels (chip ids from the device path, sensors by
// file prefix, supplies by directory name). psutil's merged views are in
// records_sensors.h.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/record.h"

namespace procyon {

// [name, value] pairs: names read from files travel as strings, never as
// object keys (a file named __proto__ stays a string).
using NamedValues = std::vector<std::pair<std::string, std::string>>;

// One sensor: the files sharing a prefix ("temp1" for temp1_input,
// temp1_label, ...), each property with its raw value (newlines trimmed),
// sorted by property. The property of a bare file ("beep_enable") is "".
#define PROCYON_HWMON_SENSOR_FIELDS(X) X(std::string, sensor, {}) X(std::string, type, {}) X(NamedValues, files, {})
PROCYON_RECORD(HwmonSensor, PROCYON_HWMON_SENSOR_FIELDS)
#undef PROCYON_HWMON_SENSOR_FIELDS

// chip is node_exporter's chip label; chipName the cleaned `name` file
// (node_hwmon_chip_names' chip_name); sensors sorted by sensor.
#define PROCYON_HWMON_CHIP_FIELDS(X) \
  X(std::string, chip, {}) X(std::optional<std::string>, chipName, {}) X(std::vector<HwmonSensor>, sensors, {})
PROCYON_RECORD(HwmonChip, PROCYON_HWMON_CHIP_FIELDS)
#undef PROCYON_HWMON_CHIP_FIELDS

struct HwmonChips {
  std::vector<HwmonChip> chips;
};

// One /sys/class/power_supply/<name> directory: each readable attribute file
// with its raw value (surrounding whitespace trimmed), sorted by attribute.
#define PROCYON_POWER_SUPPLY_FIELDS(X) X(std::string, name, {}) X(NamedValues, attributes, {})
PROCYON_RECORD(PowerSupply, PROCYON_POWER_SUPPLY_FIELDS)
#undef PROCYON_POWER_SUPPLY_FIELDS

struct PowerSupplies {
  std::vector<PowerSupply> supplies;
};

}  // namespace procyon

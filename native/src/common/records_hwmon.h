#pragma once

// hwmon chips and power supplies as sysfs names them, for consumers that
// follow node_exporter's labels (chip ids from the device path, sensors by
// file prefix, supplies by directory name). psutil's merged views are in
// records_sensors.h.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace procyon {

// One sensor: the files sharing a prefix ("temp1" for temp1_input,
// temp1_label, ...), each property with its raw value (newlines trimmed). The
// property of a bare file ("beep_enable") is "".
struct HwmonSensor {
  std::string sensor;
  std::string type;
  std::vector<std::pair<std::string, std::string>> files;  // sorted by property
};

struct HwmonChip {
  std::string chip;                     // node_exporter's chip label
  std::optional<std::string> chipName;  // the cleaned `name` file: node_hwmon_chip_names' chip_name
  std::vector<HwmonSensor> sensors;     // sorted by sensor
};

struct HwmonChips {
  std::vector<HwmonChip> chips;
};

// One /sys/class/power_supply/<name> directory: each readable attribute file
// with its raw value (surrounding whitespace trimmed).
struct PowerSupply {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // sorted by attribute
};

struct PowerSupplies {
  std::vector<PowerSupply> supplies;
};

}  // namespace procyon

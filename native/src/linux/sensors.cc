// psutil's _pslinux sensors: hwmon temperatures and fans, the thermal-zone
// fallback, and the power_supply battery. Every sensor file is optional: one
// that cannot be read or parsed drops that sensor, never the whole call.

#include <algorithm>
#include <set>
#include <string>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/parse/sensors.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// The content of a file, or nullopt when it cannot be read for any reason
// (psutil's cat/bcat with a fallback catch every OSError).
std::optional<std::string> tryRead(FileReader& files, const std::string& path) {
  const size_t slash = path.rfind('/');
  try {
    if (slash == std::string::npos) return std::string(files.read(".", path));
    return std::string(files.read(std::string_view(path).substr(0, slash), std::string_view(path).substr(slash + 1)));
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string parentOf(const std::string& path) { return path.substr(0, path.rfind('/')); }

// glob("<directory>/<prefix>*_*") reduced to psutil's basenames
// ("<directory>/temp1"): the name up to its first '_'.
void collectBases(const std::string& directory, std::string_view prefix, std::set<std::string>& bases) {
  for (const std::string& name : listDirectory(directory)) {
    if (!parse::startsWith(name, prefix)) continue;
    const size_t underscore = name.find('_', prefix.size());
    if (underscore == std::string::npos) continue;
    bases.insert(directory + "/" + name.substr(0, underscore));
  }
}

std::vector<std::string> hwmonDirectories(const std::string& sysfs) {
  const std::string root = joinPath(sysfs, "class/hwmon");
  std::vector<std::string> directories;
  for (const std::string& name : listDirectory(root)) {
    if (parse::startsWith(name, "hwmon")) directories.push_back(root + "/" + name);
  }
  std::sort(directories.begin(), directories.end());
  return directories;
}

template <typename Sensor>
void append(std::vector<std::pair<std::string, std::vector<Sensor>>>& chips, const std::string& chip, Sensor sensor) {
  auto found = std::find_if(chips.begin(), chips.end(), [&](const auto& entry) { return entry.first == chip; });
  if (found == chips.end()) {
    chips.emplace_back(chip, std::vector<Sensor>{});
    found = std::prev(chips.end());
  }
  found->second.push_back(std::move(sensor));
}

std::optional<double> readMillidegrees(FileReader& files, const std::string& path) {
  const auto text = tryRead(files, path);
  return text ? parse::millidegrees(*text) : std::nullopt;
}

// psutil: when hwmon has no temp*_* at all, /sys/class/thermal/thermal_zone*
// with trip_point_N_{type,temp} giving "high" and "critical". psutil 5.9.4
// re-divides already converted trip values on each loop pass (a bug whose
// result depends on set order); each trip value is converted once here.
Temperatures thermalZones(FileReader& files, const std::string& sysfs) {
  const std::string root = joinPath(sysfs, "class/thermal");
  std::vector<std::string> zones;
  for (const std::string& name : listDirectory(root)) {
    if (parse::startsWith(name, "thermal_zone")) zones.push_back(root + "/" + name);
  }
  std::sort(zones.begin(), zones.end());

  Temperatures result;
  for (const std::string& zone : zones) {
    const auto current = readMillidegrees(files, zone + "/temp");
    const auto type = tryRead(files, zone + "/type");
    if (!current || !type) continue;

    std::set<std::string> tripPoints;  // "trip_point_0" from trip_point_0_type, trip_point_0_temp
    for (const std::string& name : listDirectory(zone)) {
      if (!parse::startsWith(name, "trip_point")) continue;
      const size_t first = name.find('_');
      const size_t second = first == std::string::npos ? first : name.find('_', first + 1);
      const size_t third = second == std::string::npos ? second : name.find('_', second + 1);
      tripPoints.insert(name.substr(0, third));
    }
    Temperature sensor;
    sensor.current = *current;
    for (const std::string& trip : tripPoints) {
      const std::string tripType(parse::trim(tryRead(files, zone + "/" + trip + "_type").value_or("")));
      if (tripType == "critical") sensor.critical = readMillidegrees(files, zone + "/" + trip + "_temp");
      else if (tripType == "high") sensor.high = readMillidegrees(files, zone + "/" + trip + "_temp");
    }
    append(result.chips, std::string(parse::trim(*type)), std::move(sensor));
  }
  return result;
}

}  // namespace

Temperatures LinuxBackend::sensorsTemperatures(bool fahrenheit) const {
  FileReader& files = reader();
  std::set<std::string> bases;  // sorted, as psutil's sorted(set(...))
  for (const std::string& hwmon : hwmonDirectories(roots_.sysfs)) {
    collectBases(hwmon, "temp", bases);
    // Some kernels (CentOS) put the attributes under hwmonN/device/ (psutil issue #971).
    collectBases(hwmon + "/device", "temp", bases);
  }
  if (bases.empty()) return parse::finishTemperatures(thermalZones(files, roots_.sysfs), fahrenheit);

  Temperatures result;
  for (const std::string& base : bases) {
    const auto current = readMillidegrees(files, base + "_input");
    if (!current) continue;
    const auto chip = tryRead(files, parentOf(base) + "/name");
    if (!chip) continue;
    Temperature sensor;
    sensor.current = *current;
    sensor.high = readMillidegrees(files, base + "_max");
    sensor.critical = readMillidegrees(files, base + "_crit");
    sensor.label = std::string(parse::trim(tryRead(files, base + "_label").value_or("")));
    append(result.chips, std::string(parse::trim(*chip)), std::move(sensor));
  }
  return parse::finishTemperatures(std::move(result), fahrenheit);
}

Fans LinuxBackend::sensorsFans() const {
  FileReader& files = reader();
  const std::vector<std::string> hwmons = hwmonDirectories(roots_.sysfs);
  std::set<std::string> bases;
  for (const std::string& hwmon : hwmons) collectBases(hwmon, "fan", bases);
  if (bases.empty()) {
    for (const std::string& hwmon : hwmons) collectBases(hwmon + "/device", "fan", bases);
  }

  Fans result;
  for (const std::string& base : bases) {
    const auto text = tryRead(files, base + "_input");
    const auto current = text ? parse::pythonInt(*text) : std::nullopt;
    if (!current) continue;
    const auto chip = tryRead(files, parentOf(base) + "/name");
    if (!chip) continue;
    Fan fan;
    fan.current = static_cast<double>(*current);
    fan.label = std::string(parse::trim(tryRead(files, base + "_label").value_or("")));
    append(result.chips, std::string(parse::trim(*chip)), std::move(fan));
  }
  return result;
}

BatteryResult LinuxBackend::sensorsBattery() const {
  FileReader& files = reader();
  const std::string supplies = joinPath(roots_.sysfs, "class/power_supply");
  std::vector<std::string> batteries;
  for (const std::string& name : listDirectory(supplies)) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    if (parse::startsWith(name, "BAT") || lower.find("battery") != std::string::npos) batteries.push_back(name);
  }
  if (batteries.empty()) return {};
  // The first battery by name: usually BAT0 (psutil issue #1238).
  const std::string root = supplies + "/" + *std::min_element(batteries.begin(), batteries.end());

  const auto firstReadable = [&](std::initializer_list<std::string> paths) -> std::optional<std::string> {
    for (const std::string& path : paths) {
      if (auto text = tryRead(files, path)) return text;
    }
    return std::nullopt;
  };
  parse::BatteryFiles input;
  input.energyNow = firstReadable({root + "/energy_now", root + "/charge_now"});
  input.powerNow = firstReadable({root + "/power_now", root + "/current_now"});
  input.energyFull = firstReadable({root + "/energy_full", root + "/charge_full"});
  input.timeToEmpty = firstReadable({root + "/time_to_empty_now"});
  input.capacity = firstReadable({root + "/capacity"});
  input.acOnline = firstReadable({supplies + "/AC0/online", supplies + "/AC/online"});
  input.status = firstReadable({root + "/status"});
  return {parse::computeBattery(input)};
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"sensorsTemperatures", Root::Sysfs, {"class/hwmon", "class/thermal"}},
    {"sensorsFans", Root::Sysfs, {"class/hwmon"}},
    {"sensorsBattery", Root::Sysfs, {"class/power_supply"}},
};

}  // namespace

}  // namespace procyon

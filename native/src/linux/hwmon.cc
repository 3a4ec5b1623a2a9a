// hwmon chips and power supplies under node_exporter's names
// (collector/hwmon_linux.go, procfs' sysfs/class_power_supply.go): a chip is
// named from its device path, "platform_coretemp_0" for
// /sys/devices/platform/coretemp.0, so two coretemp packages stay apart; a
// sensor is its file prefix ("temp1"); a supply is its directory name. Only
// files of node_exporter's sensor types are read, never arbitrary device
// attributes. A file that cannot be read is left out, never the call.

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <map>
#include <string>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/parse/hwmon.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// A captured tree is input like any other: bounded.
constexpr size_t kMaxChips = 256;
constexpr size_t kMaxFilesPerChip = 2048;
constexpr size_t kMaxSupplies = 64;
constexpr size_t kMaxAttributes = 256;
// node_exporter reads one 128-byte block of a sensor file (broken drivers
// never end); procfs reads an attribute up to 4 KiB. Values are short.
constexpr size_t kMaxSensorValue = 128;
constexpr size_t kMaxAttributeValue = 4096;

std::optional<std::string> readBounded(FileReader& files, const std::string& path, size_t limit) {
  const size_t slash = path.rfind('/');
  try {
    const std::string_view text = files.read(std::string_view(path).substr(0, slash), std::string_view(path).substr(slash + 1));
    return std::string(text.substr(0, limit));
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool isDirectory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::optional<std::string> resolved(const std::string& path) {
  char buffer[PATH_MAX];
  if (::realpath(path.c_str(), buffer) == nullptr) return std::nullopt;
  return std::string(buffer);
}

std::string baseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string_view trimChars(std::string_view text, std::string_view chars) {
  const size_t first = text.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(chars) - first + 1);
}

// node_exporter's hwmonName: <device's parent>_<device> from the resolved
// `device` link, else the cleaned `name` file, else the hwmonN directory.
std::optional<std::string> baseChipName(const std::string& dir, const std::optional<std::string>& nameFile) {
  if (const auto device = resolved(dir + "/device")) {
    const size_t slash = device->rfind('/');
    const std::string name = parse::cleanHwmonName(std::string_view(*device).substr(slash + 1));
    const std::string type = parse::cleanHwmonName(baseName(std::string_view(*device).substr(0, slash)));
    if (!type.empty() && !name.empty()) return type + "_" + name;
    if (!name.empty()) return name;
  }
  if (nameFile && !nameFile->empty()) {
    std::string clean = parse::cleanHwmonName(*nameFile);
    if (!clean.empty()) return clean;
  }
  if (const auto real = resolved(dir)) {
    std::string clean = parse::cleanHwmonName(baseName(*real));
    if (!clean.empty()) return clean;
  }
  return std::nullopt;
}

using SensorFiles = std::map<std::string, std::map<std::string, std::string>>;

void collectSensorFiles(FileReader& files, const std::string& dir, SensorFiles& sensors, size_t& budget) {
  for (const std::string& file : listDirectory(dir)) {
    const auto parts = parse::explodeSensorFileName(file);
    if (!parts || !parse::isHwmonSensorType(parts->type)) continue;
    if (budget == 0) return;
    --budget;
    const auto raw = readBounded(files, dir + "/" + file, kMaxSensorValue);
    if (!raw) continue;
    sensors[parts->type + std::to_string(parts->number)][parts->property] = std::string(trimChars(*raw, "\n"));
  }
}

struct ChipDir {
  std::string dir;
  std::string base;
  std::optional<std::string> nameFile;  // raw
};

}  // namespace

HwmonChips LinuxBackend::hwmonChips() const {
  FileReader& files = reader();
  const std::string root = joinPath(roots_.sysfs, "class/hwmon");
  std::vector<ChipDir> dirs;
  std::map<std::string, int> baseCount;
  std::map<std::string, int> baseAndNameCount;
  const auto trimmedName = [](const std::optional<std::string>& raw) { return std::string(trimChars(raw.value_or(""), " \t\n\v\f\r")); };
  for (const std::string& entry : listDirectory(root)) {
    if (dirs.size() == kMaxChips) break;
    const std::string dir = root + "/" + entry;
    if (!isDirectory(dir)) continue;
    ChipDir chip{dir, "", readBounded(files, dir + "/name", kMaxAttributeValue)};
    const auto base = baseChipName(dir, chip.nameFile);
    if (!base) continue;
    chip.base = *base;
    ++baseCount[chip.base];
    ++baseAndNameCount[chip.base + '\0' + trimmedName(chip.nameFile)];
    dirs.push_back(std::move(chip));
  }

  HwmonChips result;
  for (const ChipDir& d : dirs) {
    HwmonChip chip;
    chip.chip = d.base;
    // Several hwmon nodes of one device (asus-nb-wmi has two): told apart by
    // their name when it differs, else by their hwmonN directory.
    if (baseCount[d.base] > 1) {
      std::string suffix = parse::cleanHwmonName(trimmedName(d.nameFile));
      if (suffix.empty() || baseAndNameCount[d.base + '\0' + trimmedName(d.nameFile)] > 1) suffix = parse::cleanHwmonName(baseName(d.dir));
      chip.chip += "_" + suffix;
    }
    if (d.nameFile && !d.nameFile->empty()) {
      std::string clean = parse::cleanHwmonName(*d.nameFile);
      if (!clean.empty()) chip.chipName = std::move(clean);
    }
    SensorFiles sensors;
    size_t budget = kMaxFilesPerChip;
    collectSensorFiles(files, d.dir, sensors, budget);
    // The device's own attributes count too (applesmc keeps its fans there); the same file there wins.
    if (isDirectory(d.dir + "/device")) collectSensorFiles(files, d.dir + "/device", sensors, budget);
    for (auto& [name, properties] : sensors) {
      HwmonSensor sensor;
      sensor.sensor = name;
      sensor.type = parse::explodeSensorFileName(name)->type;
      sensor.files.assign(properties.begin(), properties.end());
      chip.sensors.push_back(std::move(sensor));
    }
    result.chips.push_back(std::move(chip));
  }
  return result;
}

PowerSupplies LinuxBackend::powerSupplies() const {
  FileReader& files = reader();
  const std::string root = joinPath(roots_.sysfs, "class/power_supply");
  std::map<std::string, std::map<std::string, std::string>> found;
  for (const std::string& name : listDirectory(root)) {
    if (found.size() == kMaxSupplies) break;
    const std::string dir = root + "/" + name;
    if (!isDirectory(dir)) continue;
    auto& attributes = found[name];
    for (const std::string& file : listDirectory(dir)) {
      // uevent repeats the other files; directories and links (device, power, subsystem) fail to read.
      if (file == "uevent") continue;
      if (attributes.size() == kMaxAttributes) break;
      const auto raw = readBounded(files, dir + "/" + file, kMaxAttributeValue);
      if (raw) attributes[file] = std::string(trimChars(*raw, " \t\n\v\f\r"));
    }
  }
  PowerSupplies result;
  for (auto& [name, attributes] : found) result.supplies.push_back({name, {attributes.begin(), attributes.end()}});
  return result;
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"hwmonChips", Root::Sysfs, {"class/hwmon"}},
    {"powerSupplies", Root::Sysfs, {"class/power_supply"}},
};

}  // namespace

}  // namespace procyon

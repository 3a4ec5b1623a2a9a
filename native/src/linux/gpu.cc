// gpus(): every DRM card under <sysfs>/class/drm (cardN; connectors such as
// card0-DP-1 and render nodes are skipped) with what its driver exposes
// (amdgpu's device files and hwmon; i915's and xe's frequencies and hwmon),
// its engines as the sum of its clients' fdinfo rates, and NVIDIA devices
// through NVML. Figures over two reads (engine busy, i915/xe power from the
// energy counter) are null on the first read of a device. A file that cannot
// be read is a null figure, never the call's failure.

#include <sys/stat.h>

#include <algorithm>
#include <fcntl.h>

#include <climits>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "common/records_gpu.h"
#include "linux/drm_clients.h"
#include "linux/metric_reader.h"
#include "linux/nvml.h"
#include "linux/parse/amdgpu_dpm.h"
#include "linux/parse/pci_ids.h"
#include "linux/parse/text.h"
#include "linux/process_host.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

constexpr size_t kMaxCards = 64;
constexpr size_t kMaxHwmonFiles = 512;
// pci.ids is about 1.4 MB; a larger file is not the database.
constexpr std::streamsize kMaxPciIdsBytes = 8 << 20;

std::optional<std::string> readFile(const std::string& path) {
  const size_t slash = path.rfind('/');
  try {
    const auto text = threadReader().readIfExists(std::string_view(path).substr(0, slash), std::string_view(path).substr(slash + 1));
    if (!text) return std::nullopt;
    return std::string(parse::trim(text->substr(0, 4096)));
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::optional<double> readNumber(const std::string& path, double scale = 1) {
  const auto text = readFile(path);
  if (!text) return std::nullopt;
  const auto value = parse::toDouble(*text);
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return *value * scale;
}

std::optional<uint32_t> readHexId(const std::string& path) {
  const auto text = readFile(path);
  if (!text || !parse::startsWith(*text, "0x")) return std::nullopt;
  const auto value = parse::hexToUint64(std::string_view(*text).substr(2));
  if (!value || *value > 0xffff) return std::nullopt;
  return static_cast<uint32_t>(*value);
}

bool isDirectory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string baseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// "card0", never "card0-DP-1" or "renderD128".
bool isCard(std::string_view name) {
  if (!parse::startsWith(name, "card") || name.size() == 4) return false;
  return std::all_of(name.begin() + 4, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "0000:03:00.0"
bool isPciSlot(std::string_view name) {
  if (name.size() != 12 || name[4] != ':' || name[7] != ':' || name[10] != '.') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11}) {
    if (parse::hexDigit(name[i]) < 0) return false;
  }
  return true;
}

std::optional<std::string> ueventValue(const std::optional<std::string>& uevent, std::string_view key) {
  if (!uevent) return std::nullopt;
  std::string_view rest = *uevent;
  while (!rest.empty()) {
    const std::string_view line = parse::nextLine(rest);
    if (line.size() > key.size() && parse::startsWith(line, key) && line[key.size()] == '=') return std::string(line.substr(key.size() + 1));
  }
  return std::nullopt;
}

// --- pci.ids: looked up lazily, once per (file, vendor, device) ---

parse::PciNames pciNames(const std::string& sysfs, uint32_t vendorId, uint32_t deviceId) {
  // The database of the tree the sysfs belongs to: <sysfs>/.. is / on the live machine.
  std::string_view trimmed = sysfs;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.remove_suffix(1);
  const size_t slash = trimmed.find_last_of('/');
  const std::string top(trimmed.substr(0, slash == std::string_view::npos ? 0 : slash));
  static std::mutex mutex;
  static std::map<std::string, parse::PciNames> cache;
  for (const char* relative : {"usr/share/misc/pci.ids", "usr/share/hwdata/pci.ids"}) {
    const std::string path = joinPath(top.empty() ? "/" : top, relative);
    const std::string key = path + '\0' + std::to_string(vendorId) + ':' + std::to_string(deviceId);
    {
      std::lock_guard<std::mutex> lock(mutex);
      const auto found = cache.find(key);
      if (found != cache.end()) return found->second;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) continue;
    std::string text(static_cast<size_t>(kMaxPciIdsBytes), '\0');
    file.read(text.data(), kMaxPciIdsBytes);
    text.resize(static_cast<size_t>(file.gcount()));
    parse::PciNames names = parse::lookupPciIds(text, vendorId, deviceId);
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() >= 256) cache.clear();
    cache[key] = names;
    return names;
  }
  return {};
}

// --- state kept between reads (rates), per device path ---

struct CounterSample {
  double busy = 0;
  std::optional<double> total;
};

struct DeviceState {
  double timestamp = 0;
  std::optional<double> energyJoules;
  std::map<std::string, CounterSample> counters;  // client + '\0' + engine
};

std::mutex& stateMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, DeviceState>& states() {
  static std::map<std::string, DeviceState> map;
  return map;
}

// --- hwmon ---

void readHwmon(const std::string& deviceDir, GpuDevice& gpu, std::optional<double>& energyJoules) {
  const std::string hwmonRoot = deviceDir + "/hwmon";
  std::vector<std::string> chips = listDirectory(hwmonRoot);
  std::sort(chips.begin(), chips.end());
  size_t budget = kMaxHwmonFiles;
  for (const std::string& chip : chips) {
    if (!parse::startsWith(chip, "hwmon")) continue;
    const std::string dir = hwmonRoot + "/" + chip + "/";
    std::vector<std::string> files = listDirectory(hwmonRoot + "/" + chip);
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      if (budget-- == 0) return;
      if (!parse::startsWith(file, "temp") || file.size() < 11 || file.substr(file.size() - 6) != "_input") continue;
      const std::string prefix = file.substr(0, file.size() - 6);
      const auto current = readNumber(dir + file, 0.001);
      if (!current) continue;
      GpuTemperature t;
      t.label = readFile(dir + prefix + "_label").value_or(prefix);
      t.current = *current;
      t.high = readNumber(dir + prefix + "_max", 0.001);
      t.critical = readNumber(dir + prefix + "_crit", 0.001);
      gpu.temperatures.push_back(std::move(t));
    }
    if (!gpu.powerWatts) gpu.powerWatts = readNumber(dir + "power1_average", 1e-6);
    if (!gpu.powerWatts) gpu.powerWatts = readNumber(dir + "power1_input", 1e-6);
    if (!gpu.powerLimitWatts) gpu.powerLimitWatts = readNumber(dir + "power1_cap", 1e-6);
    if (!gpu.powerLimitWatts) gpu.powerLimitWatts = readNumber(dir + "power1_max", 1e-6);
    if (!energyJoules) energyJoules = readNumber(dir + "energy1_input", 1e-6);
    if (!gpu.fanRpm) gpu.fanRpm = readNumber(dir + "fan1_input");
    if (!gpu.fanPercent) {
      const auto pwm = readNumber(dir + "pwm1");
      const double max = readNumber(dir + "pwm1_max").value_or(255);
      if (pwm && max > 0) gpu.fanPercent = std::round(std::clamp(*pwm / max * 100, 0.0, 100.0) * 10) / 10;  // pwm1 of pwm1_max (255)
    }
    // amdgpu: freq1 is sclk, freq2 mclk, in Hz.
    if (!gpu.clockGraphicsMhz) gpu.clockGraphicsMhz = readNumber(dir + "freq1_input", 1e-6);
    if (!gpu.clockMemoryMhz) gpu.clockMemoryMhz = readNumber(dir + "freq2_input", 1e-6);
  }
}

// --- per driver ---

void readAmdgpu(const std::string& device, GpuDevice& gpu) {
  gpu.busyPercent = readNumber(device + "/gpu_busy_percent");
  gpu.memoryBusyPercent = readNumber(device + "/mem_busy_percent");
  gpu.memory.vramUsed = readNumber(device + "/mem_info_vram_used");
  gpu.memory.vramTotal = readNumber(device + "/mem_info_vram_total");
  gpu.memory.visVramUsed = readNumber(device + "/mem_info_vis_vram_used");
  gpu.memory.visVramTotal = readNumber(device + "/mem_info_vis_vram_total");
  gpu.memory.gttUsed = readNumber(device + "/mem_info_gtt_used");
  gpu.memory.gttTotal = readNumber(device + "/mem_info_gtt_total");
  gpu.performanceLevel = readFile(device + "/power_dpm_force_performance_level");
  if (const auto sclk = readFile(device + "/pp_dpm_sclk")) {
    const parse::DpmLevels levels = parse::parseDpmLevels(*sclk);
    gpu.clockGraphicsMaxMhz = levels.maxMhz;
    if (!gpu.clockGraphicsMhz) gpu.clockGraphicsMhz = levels.currentMhz;
  }
  if (const auto mclk = readFile(device + "/pp_dpm_mclk"); mclk && !gpu.clockMemoryMhz) gpu.clockMemoryMhz = parse::parseDpmLevels(*mclk).currentMhz;
}

void readI915(const std::string& card, GpuDevice& gpu) {
  gpu.clockGraphicsMhz = readNumber(card + "/gt_cur_freq_mhz");
  gpu.clockGraphicsMaxMhz = readNumber(card + "/gt_max_freq_mhz");
  if (!gpu.clockGraphicsMaxMhz) gpu.clockGraphicsMaxMhz = readNumber(card + "/gt_RP0_freq_mhz");
}

void readXe(const std::string& device, GpuDevice& gpu) {
  gpu.clockGraphicsMhz = readNumber(device + "/tile0/gt0/freq0/cur_freq");
  gpu.clockGraphicsMaxMhz = readNumber(device + "/tile0/gt0/freq0/max_freq");
}

// The device's engines from its clients' counters against the previous read;
// power from the energy counter where the driver gives no power reading.
void applyRates(const std::string& key, GpuDevice& gpu, std::optional<double> energyJoules, const std::vector<const DrmEngineCounter*>& counters, double now) {
  std::lock_guard<std::mutex> lock(stateMutex());
  auto& map = states();
  if (map.size() >= 256 && map.find(key) == map.end()) map.clear();
  const auto previous = map.find(key);
  const DeviceState* before = previous == map.end() ? nullptr : &previous->second;
  const double elapsed = before ? now - before->timestamp : 0;
  std::map<std::string, std::optional<double>> engines;
  DeviceState after;
  after.timestamp = now;
  after.energyJoules = energyJoules;
  for (const DrmEngineCounter* c : counters) {
    auto& busy = engines[c->engine];
    const std::string id = c->client + '\0' + c->engine;
    after.counters[id] = {c->busy, c->total};
    if (!before || elapsed <= 0) continue;
    const auto old = before->counters.find(id);
    if (old == before->counters.end()) continue;  // a new client: from the next read on
    double share = 0;
    if (c->total && old->second.total) {
      const double total = *c->total - *old->second.total;
      share = total > 0 ? std::max(0.0, c->busy - old->second.busy) / total : 0;
    } else if (!c->total && !old->second.total) {
      share = std::max(0.0, c->busy - old->second.busy) / (elapsed * 1e9);
    }
    busy = busy.value_or(0) + share * 100 / std::max(1.0, c->capacity);
  }
  for (auto& [name, busy] : engines) {
    if (busy) busy = std::min(100.0, *busy);
    gpu.engines.push_back(GpuEngine{name, busy});
  }
  if (!gpu.powerWatts && energyJoules && before && before->energyJoules && elapsed > 0 && *energyJoules >= *before->energyJoules) {
    gpu.powerWatts = (*energyJoules - *before->energyJoules) / elapsed;
  }
  map[key] = std::move(after);
}

GpuDevices read(const LinuxBackend& backend) {
  const Roots& roots = backend.roots();
  const std::string drm = joinPath(roots.sysfs, "class/drm");
  std::vector<std::string> names = listDirectory(drm);
  names.erase(std::remove_if(names.begin(), names.end(), [](const std::string& n) { return !isCard(n); }), names.end());
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  if (names.size() > kMaxCards) names.resize(kMaxCards);

  GpuDevices gpus;
  std::vector<std::optional<double>> energies;
  for (const std::string& name : names) {
    const std::string card = drm + "/" + name;
    const std::string device = card + "/device";
    if (!isDirectory(device)) continue;
    GpuDevice gpu;
    gpu.id = name;
    gpu.source = "drm";
    if (const auto driver = readLinkAt(AT_FDCWD, (device + "/driver").c_str())) gpu.driver = baseName(*driver);
    const auto uevent = readFile(device + "/uevent");
    if (gpu.driver.empty()) gpu.driver = ueventValue(uevent, "DRIVER").value_or("");
    char resolved[PATH_MAX];
    if (::realpath(device.c_str(), resolved) != nullptr && isPciSlot(baseName(resolved))) gpu.pciSlot = baseName(resolved);
    else if (auto slot = ueventValue(uevent, "PCI_SLOT_NAME"); slot && isPciSlot(*slot)) gpu.pciSlot = *slot;
    auto vendorId = readHexId(device + "/vendor");
    auto deviceId = readHexId(device + "/device");
    if ((!vendorId || !deviceId) && ueventValue(uevent, "PCI_ID")) {
      const std::string id = *ueventValue(uevent, "PCI_ID");  // "1002:687F"
      if (id.size() == 9 && id[4] == ':') {
        vendorId = parse::pci_ids_detail::hex4(id);
        deviceId = parse::pci_ids_detail::hex4(std::string_view(id).substr(5));
      }
    }
    if (vendorId) gpu.vendorId = *vendorId;
    if (deviceId) gpu.deviceId = *deviceId;
    if (vendorId && deviceId) {
      parse::PciNames pci = pciNames(roots.sysfs, *vendorId, *deviceId);
      gpu.vendor = std::move(pci.vendor);
      gpu.model = std::move(pci.device);
    }
    std::optional<double> energy;
    readHwmon(device, gpu, energy);
    if (gpu.driver == "amdgpu") readAmdgpu(device, gpu);
    else if (gpu.driver == "i915") readI915(card, gpu);
    else if (gpu.driver == "xe") readXe(device, gpu);
    gpus.push_back(std::move(gpu));
    energies.push_back(energy);
  }

  if (!gpus.empty()) {
    // Each device's clients, by drm-pdev (or the driver, for a device without one).
    const ProcessGpuReading clients = readProcessGpu(backend, nullptr);
    for (size_t i = 0; i < gpus.size(); ++i) {
      GpuDevice& gpu = gpus[i];
      std::vector<const DrmEngineCounter*> counters;
      for (const ProcessDrm& process : clients.processes) {
        for (const DrmEngineCounter& c : process.counters) {
          if (c.device == gpu.pciSlot.value_or(gpu.driver)) counters.push_back(&c);
        }
      }
      applyRates(roots.procfs + '\0' + roots.sysfs + '\0' + gpu.id, gpu, energies[i], counters, clients.timestamp);
      // i915 and xe have no device-wide busy file: the busiest engine is the device's figure.
      if (!gpu.busyPercent && gpu.driver != "amdgpu") {
        for (const GpuEngine& e : gpu.engines) {
          if (e.busyPercent && (!gpu.busyPercent || *e.busyPercent > *gpu.busyPercent)) gpu.busyPercent = e.busyPercent;
        }
      }
    }
  }

  if (nvmlApplies(roots.live)) {
    NvmlReading nvml = readNvml(false);
    for (GpuDevice& device : nvml.devices) {
      if (device.vendorId && device.deviceId) device.vendor = pciNames(roots.sysfs, static_cast<uint32_t>(*device.vendorId), static_cast<uint32_t>(*device.deviceId)).vendor;
      gpus.push_back(std::move(device));
    }
  }
  return gpus;
}

// class/drm exists wherever the kernel has DRM; an empty one is no GPU, answered as [].
const LinuxReader<GpuDevices> kRead{read, {Root::Sysfs, {"class/drm"}}};

}  // namespace

std::set<std::string> amdgpuApuSlots(const std::string& sysfs) {
  std::set<std::string> slots;
  const std::string drm = joinPath(sysfs, "class/drm");
  std::vector<std::string> names = listDirectory(drm);
  if (names.size() > kMaxCards) names.resize(kMaxCards);
  for (const std::string& name : names) {
    if (!isCard(name)) continue;
    const std::string device = drm + "/" + name + "/device";
    char resolved[PATH_MAX];
    if (::realpath(device.c_str(), resolved) == nullptr || !isPciSlot(baseName(resolved))) continue;
    for (const std::string& chip : listDirectory(device + "/hwmon")) {
      if (parse::startsWith(chip, "hwmon") && readFile(device + "/hwmon/" + chip + "/in1_label") == "vddnb") slots.insert(baseName(resolved));
    }
  }
  return slots;
}

}  // namespace procyon

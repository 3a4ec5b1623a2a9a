// NVML through dlopen: the symbols are resolved by name and the few structs
// are declared here from NVML's documented layout (nvml.h, API version 12),
// so nothing of NVIDIA's is needed to build. Unverified on NVIDIA hardware:
// the tests drive it with a stand-in library (test/nvml_fake.c).

#include "linux/nvml.h"

#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace procyon {
namespace {

using Return = int;  // nvmlReturn_t; NVML_SUCCESS is 0
using Device = void*;  // nvmlDevice_t: an opaque pointer
constexpr Return kSuccess = 0;
constexpr unsigned kClockGraphics = 0, kClockMem = 2;  // nvmlClockType_t
constexpr unsigned kTemperatureGpu = 0;                // nvmlTemperatureSensors_t
constexpr unsigned long long kNotAvailable = ~0ull;    // NVML_VALUE_NOT_AVAILABLE
constexpr unsigned kMaxDevices = 64;
constexpr unsigned kMaxProcesses = 1024;

struct PciInfo {  // nvmlPciInfo_t (nvmlDeviceGetPciInfo_v3)
  char busIdLegacy[16];
  unsigned domain, bus, device;
  unsigned pciDeviceId;  // device id << 16 | vendor id
  unsigned pciSubSystemId;
  char busId[32];
};
struct Utilization {  // nvmlUtilization_t
  unsigned gpu, memory;
};
struct Memory {  // nvmlMemory_t
  unsigned long long total, free, used;
};
struct ProcessInfo {  // nvmlProcessInfo_t (v2/v3)
  unsigned pid;
  unsigned long long usedGpuMemory;
  unsigned gpuInstanceId, computeInstanceId;
};
struct ProcessSample {  // nvmlProcessUtilizationSample_t
  unsigned pid;
  unsigned long long timeStamp;
  unsigned smUtil, memUtil, encUtil, decUtil;
};

struct Api {
  Return (*init)();
  Return (*count)(unsigned*);
  Return (*handle)(unsigned, Device*);
  Return (*name)(Device, char*, unsigned);
  Return (*pci)(Device, PciInfo*);
  Return (*utilization)(Device, Utilization*);
  Return (*encoder)(Device, unsigned*, unsigned*);
  Return (*decoder)(Device, unsigned*, unsigned*);
  Return (*memory)(Device, Memory*);
  Return (*temperature)(Device, unsigned, unsigned*);
  Return (*power)(Device, unsigned*);
  Return (*powerLimit)(Device, unsigned*);
  Return (*clock)(Device, unsigned, unsigned*);
  Return (*maxClock)(Device, unsigned, unsigned*);
  Return (*fan)(Device, unsigned*);
  Return (*compute)(Device, unsigned*, ProcessInfo*);
  Return (*graphics)(Device, unsigned*, ProcessInfo*);
  Return (*processUtilization)(Device, ProcessSample*, unsigned*, unsigned long long);
  std::map<unsigned, unsigned long long> lastSample;  // per device: the newest sample seen
};

template <typename Fn>
bool resolve(void* library, const char* symbol, Fn& out) {
  out = reinterpret_cast<Fn>(::dlsym(library, symbol));
  return out != nullptr;
}

std::string libraryPath() {
  const char* path = std::getenv("PROCYON_NVML_LIBRARY");
  return path && *path ? path : "libnvidia-ml.so.1";
}

std::mutex& mutex() {
  static std::mutex m;
  return m;
}

// Loaded and initialised once per library path; null when absent or incomplete.
Api* api() {
  static std::map<std::string, Api*> loaded;
  const std::string path = libraryPath();
  const auto found = loaded.find(path);
  if (found != loaded.end()) return found->second;
  Api* result = nullptr;
  void* library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library) {
    auto* a = new Api{};
    const bool complete = resolve(library, "nvmlInit_v2", a->init) && resolve(library, "nvmlDeviceGetCount_v2", a->count) &&
                          resolve(library, "nvmlDeviceGetHandleByIndex_v2", a->handle) && resolve(library, "nvmlDeviceGetName", a->name) &&
                          resolve(library, "nvmlDeviceGetPciInfo_v3", a->pci) && resolve(library, "nvmlDeviceGetUtilizationRates", a->utilization) &&
                          resolve(library, "nvmlDeviceGetEncoderUtilization", a->encoder) && resolve(library, "nvmlDeviceGetDecoderUtilization", a->decoder) &&
                          resolve(library, "nvmlDeviceGetMemoryInfo", a->memory) && resolve(library, "nvmlDeviceGetTemperature", a->temperature) &&
                          resolve(library, "nvmlDeviceGetPowerUsage", a->power) && resolve(library, "nvmlDeviceGetEnforcedPowerLimit", a->powerLimit) &&
                          resolve(library, "nvmlDeviceGetClockInfo", a->clock) && resolve(library, "nvmlDeviceGetMaxClockInfo", a->maxClock) &&
                          resolve(library, "nvmlDeviceGetFanSpeed", a->fan) &&
                          resolve(library, "nvmlDeviceGetComputeRunningProcesses_v3", a->compute) &&
                          resolve(library, "nvmlDeviceGetGraphicsRunningProcesses_v3", a->graphics) &&
                          resolve(library, "nvmlDeviceGetProcessUtilization", a->processUtilization);
    if (complete && a->init() == kSuccess) {
      result = a;
    } else {
      delete a;
      ::dlclose(library);
    }
  }
  loaded[path] = result;
  return result;
}

// One unsigned figure: `call` fills it (the call must run before the value is read, hence a function).
template <typename Call>
std::optional<double> figure(Call call, double scale = 1) {
  unsigned v = 0;
  if (call(&v) != kSuccess) return std::nullopt;
  return v * scale;
}

// "00000000:01:00.0" (NVML's 8-digit domain) -> "0000:01:00.0", as sysfs names the slot.
std::optional<std::string> slotOf(const PciInfo& pci) {
  std::string id(pci.busId, strnlen(pci.busId, sizeof pci.busId));
  if (id.size() == 16 && id[8] == ':') id = id.substr(4);
  for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (id.size() != 12) return std::nullopt;
  return id;
}

void addProcesses(Api& a, Device device, unsigned index, std::map<int64_t, NvmlProcess>& out) {
  const std::string id = "nvml" + std::to_string(index);
  std::vector<ProcessInfo> infos(kMaxProcesses);
  for (auto list : {a.compute, a.graphics}) {
    unsigned count = kMaxProcesses;
    if (list(device, &count, infos.data()) != kSuccess) continue;
    for (unsigned i = 0; i < count && i < kMaxProcesses; ++i) {
      NvmlProcess& p = out[infos[i].pid];
      p.device = id;
      if (infos[i].usedGpuMemory != kNotAvailable) p.memoryBytes = p.memoryBytes.value_or(0) + static_cast<double>(infos[i].usedGpuMemory);
    }
  }
  std::vector<ProcessSample> samples(kMaxProcesses);
  unsigned count = kMaxProcesses;
  unsigned long long& last = a.lastSample[index];
  if (a.processUtilization(device, samples.data(), &count, last) != kSuccess) return;
  std::map<unsigned, const ProcessSample*> newest;
  for (unsigned i = 0; i < count && i < kMaxProcesses; ++i) {
    const ProcessSample& s = samples[i];
    const ProcessSample*& n = newest[s.pid];
    if (!n || s.timeStamp > n->timeStamp) n = &s;
  }
  for (const auto& [pid, s] : newest) {
    NvmlProcess& p = out[pid];
    p.device = id;
    p.smPercent = s->smUtil;
    p.encPercent = s->encUtil;
    p.decPercent = s->decUtil;
    last = std::max(last, s->timeStamp);
  }
}

}  // namespace

bool nvmlApplies(bool live) {
  const char* path = std::getenv("PROCYON_NVML_LIBRARY");
  return live || (path && *path);
}

NvmlReading readNvml(bool withProcesses) {
  std::lock_guard<std::mutex> lock(mutex());
  NvmlReading reading;
  Api* a = api();
  if (!a) return reading;
  unsigned count = 0;
  if (a->count(&count) != kSuccess) return reading;
  for (unsigned i = 0; i < count && i < kMaxDevices; ++i) {
    Device device = nullptr;
    if (a->handle(i, &device) != kSuccess) continue;
    if (withProcesses) {
      std::map<int64_t, NvmlProcess> processes;
      addProcesses(*a, device, i, processes);
      for (auto& [pid, p] : processes) reading.processes.emplace_back(pid, std::move(p));
      continue;
    }
    GpuDevice gpu;
    gpu.id = "nvml" + std::to_string(i);
    gpu.source = "nvml";
    gpu.driver = "nvidia";
    char name[96] = {};
    if (a->name(device, name, sizeof name) == kSuccess) gpu.model = std::string(name, strnlen(name, sizeof name));
    PciInfo pci{};
    if (a->pci(device, &pci) == kSuccess) {
      gpu.pciSlot = slotOf(pci);
      gpu.vendorId = pci.pciDeviceId & 0xffff;
      gpu.deviceId = pci.pciDeviceId >> 16;
    }
    Utilization u{};
    if (a->utilization(device, &u) == kSuccess) {
      gpu.busyPercent = u.gpu;
      gpu.memoryBusyPercent = u.memory;
    }
    unsigned v = 0, period = 0;
    gpu.engines.push_back(GpuEngine{"encoder", figure([&](unsigned* out) { return a->encoder(device, out, &period); })});
    gpu.engines.push_back(GpuEngine{"decoder", figure([&](unsigned* out) { return a->decoder(device, out, &period); })});
    Memory m{};
    if (a->memory(device, &m) == kSuccess) {
      gpu.memory.vramUsed = static_cast<double>(m.used);
      gpu.memory.vramTotal = static_cast<double>(m.total);
    }
    if (a->temperature(device, kTemperatureGpu, &v) == kSuccess) gpu.temperatures.push_back(GpuTemperature{"gpu", static_cast<double>(v), std::nullopt, std::nullopt});
    gpu.powerWatts = figure([&](unsigned* out) { return a->power(device, out); }, 1e-3);  // mW
    gpu.powerLimitWatts = figure([&](unsigned* out) { return a->powerLimit(device, out); }, 1e-3);
    gpu.fanPercent = figure([&](unsigned* out) { return a->fan(device, out); });
    gpu.clockGraphicsMhz = figure([&](unsigned* out) { return a->clock(device, kClockGraphics, out); });
    gpu.clockMemoryMhz = figure([&](unsigned* out) { return a->clock(device, kClockMem, out); });
    gpu.clockGraphicsMaxMhz = figure([&](unsigned* out) { return a->maxClock(device, kClockGraphics, out); });
    reading.devices.push_back(std::move(gpu));
  }
  return reading;
}

}  // namespace procyon

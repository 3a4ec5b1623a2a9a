// DRM clients per process (Documentation/gpu/drm-usage-stats.rst). A DRM fd
// is a character device of major 226; its link target is /dev/dri/<node>, so
// only such links are looked at (no stat of every fd of every process). Where
// the target cannot be stat'ed (a captured tree: its /dev/dri is not this
// machine's) the link target and the fdinfo's mandatory drm-driver key
// decide; where it can, the device number must be major 226 as well.

#include "linux/drm_clients.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "common/error.h"
#include "linux/nvml.h"
#include "linux/parse/drm_fdinfo.h"
#include "linux/parse/text.h"
#include "linux/process_host.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

constexpr unsigned kDrmMajor = 226;
// A process's clients and a client's engines are few; a hostile fdinfo is bounded.
constexpr size_t kMaxClientsPerProcess = 256;

bool isDrmFd(const Procfs& procfs, int64_t pid, const Procfs::FdLink& link) {
  if (!parse::startsWith(link.target, "/dev/dri/")) return false;
  struct stat st {};
  const std::string path = procfs.path(std::to_string(pid) + "/fd/" + std::to_string(link.fd));
  if (::stat(path.c_str(), &st) != 0) return true;  // not this machine's node: drm-driver decides
  return S_ISCHR(st.st_mode) && major(st.st_rdev) == kDrmMajor;
}

// Which amdgpu clients' devices are APUs, looked up (in sysfs) at the first amdgpu client of a read.
class ApuSlots {
 public:
  explicit ApuSlots(std::string sysfs) : sysfs_(std::move(sysfs)) {}
  bool contains(const std::string& slot) {
    if (!slots_) slots_ = amdgpuApuSlots(sysfs_);
    return slots_->count(slot) != 0;
  }

 private:
  std::string sysfs_;
  std::optional<std::set<std::string>> slots_;
};

// nullopt: the process holds no DRM client, is gone, or denies its fds.
std::optional<ProcessDrm> readProcessDrm(const Procfs& procfs, int64_t pid, ApuSlots& apus) {
  std::vector<Procfs::FdLink> links;
  try {
    links = procfs.fdLinks(pid);
  } catch (const Error&) {
    return std::nullopt;
  }
  ProcessDrm process;
  process.pid = static_cast<double>(pid);
  std::set<std::string> clients;
  std::set<std::string> devices;
  uint64_t memory = 0;
  for (const Procfs::FdLink& link : links) {
    if (!isDrmFd(procfs, pid, link)) continue;
    std::optional<parse::DrmFdinfo> info;
    try {
      const auto text = procfs.readIfExists(std::to_string(pid) + "/fdinfo/" + std::to_string(link.fd));
      if (text) info = parse::parseDrmFdinfo(*text);
    } catch (const Error&) {
      continue;  // closed or denied meanwhile
    }
    if (!info) continue;
    const std::string device = info->pdev.empty() ? info->driver : info->pdev;
    // Several fds (a dup, a fork's inheritance) can share one client: count it once.
    const std::string client = device + "/" + (info->clientId ? std::to_string(*info->clientId) : "fd" + std::to_string(link.fd));
    if (!clients.insert(client).second || clients.size() > kMaxClientsPerProcess) continue;
    devices.insert(device);
    uint64_t sum = 0;
    const bool apu = info->driver == "amdgpu" && !info->pdev.empty() && apus.contains(info->pdev);
    if (parse::checkedAdd(memory, parse::residentBytes(*info, apu), sum)) memory = sum;
    for (const parse::DrmEngineUsage& engine : info->engines) {
      DrmEngineCounter counter;
      counter.device = device;
      counter.client = client;
      counter.engine = engine.name;
      counter.capacity = static_cast<double>(engine.capacity);
      if (engine.cycles && engine.totalCycles) {
        counter.busy = static_cast<double>(*engine.cycles);
        counter.total = static_cast<double>(*engine.totalCycles);
      } else if (engine.ns) {
        counter.busy = static_cast<double>(*engine.ns);
      } else {
        continue;  // cycles without the GPU's total: no rate can be made
      }
      process.counters.push_back(std::move(counter));
    }
  }
  if (clients.empty()) return std::nullopt;
  process.devices.assign(devices.begin(), devices.end());
  process.memoryBytes = static_cast<double>(memory);
  return process;
}

// Which processes held DRM clients at the last read, per procfs root.
struct HolderCache {
  uint64_t reads = 0;
  std::set<int64_t> seen;
  std::set<int64_t> holders;
};

std::mutex& cacheMutex() {
  static std::mutex mutex;
  return mutex;
}

HolderCache& cacheFor(const std::string& root) {
  static std::map<std::string, HolderCache> caches;
  // Bounded: a test run may read many captured trees.
  if (caches.size() >= 64 && caches.find(root) == caches.end()) caches.clear();
  return caches[root];
}

std::vector<ProcessDrm> readHolders(const Procfs& procfs, ApuSlots& apus) {
  const std::vector<int64_t> pids = procfs.pids();
  std::lock_guard<std::mutex> lock(cacheMutex());
  HolderCache& cache = cacheFor(procfs.root());
  const bool full = cache.reads++ % kDrmRescanEvery == 0;
  std::vector<ProcessDrm> out;
  std::set<int64_t> holders;
  for (int64_t pid : pids) {
    if (!full && cache.holders.count(pid) == 0 && cache.seen.count(pid) != 0) continue;
    std::optional<ProcessDrm> process = readProcessDrm(procfs, pid, apus);
    if (!process) continue;
    holders.insert(pid);
    out.push_back(std::move(*process));
  }
  cache.seen.clear();
  cache.seen.insert(pids.begin(), pids.end());
  cache.holders = std::move(holders);
  return out;
}

void addNvml(std::vector<ProcessDrm>& processes, const std::vector<int64_t>* pids) {
  NvmlReading nvml = readNvml(true);
  for (auto& [pid, figures] : nvml.processes) {
    if (pids && std::find(pids->begin(), pids->end(), pid) == pids->end()) continue;
    ProcessDrm* process = nullptr;
    for (ProcessDrm& p : processes) {
      if (p.pid == static_cast<double>(pid)) process = &p;
    }
    if (!process) {
      processes.push_back(ProcessDrm{});
      process = &processes.back();
      process->pid = static_cast<double>(pid);
    }
    if (std::find(process->devices.begin(), process->devices.end(), figures.device) == process->devices.end()) process->devices.push_back(figures.device);
    if (figures.memoryBytes) process->memoryBytes += *figures.memoryBytes;
    process->nvml.push_back(std::move(figures));
  }
}

}  // namespace

ProcessGpuReading readProcessGpu(const LinuxBackend& backend, const std::vector<int64_t>* pids) {
  const Procfs procfs = backend.procfs();
  ProcessGpuReading reading;
  reading.timestamp = linux_process::monotonicSeconds();
  ApuSlots apus(backend.roots().sysfs);
  if (pids) {
    for (int64_t pid : *pids) {
      if (auto process = readProcessDrm(procfs, pid, apus)) reading.processes.push_back(std::move(*process));
    }
  } else {
    reading.processes = readHolders(procfs, apus);
  }
  if (nvmlApplies(backend.isLive())) addNvml(reading.processes, pids);
  return reading;
}

ProcessGpuReading LinuxBackend::processGpu(const std::vector<int64_t>* pids) const { return readProcessGpu(*this, pids); }

}  // namespace procyon

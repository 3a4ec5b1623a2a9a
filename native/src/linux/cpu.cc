#include <set>
#include <string>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "linux/host.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/cpu_list.h"
#include "linux/parse/cpuinfo.h"
#include "linux/parse/proc_stat.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// psutil's glob "cpu[0-9]*" over /sys/devices/system/cpu.
bool isCpuDirectory(std::string_view name) {
  return name.size() > 3 && parse::startsWith(name, "cpu") && name[3] >= '0' && name[3] <= '9';
}

}  // namespace

SystemCpuTimes LinuxBackend::cpuTimes() const {
  FileReader& files = reader();
  const std::string_view text = procfs().read("stat");
  const auto jiffies = annotatePath(files.path(), [&] { return parse::parseProcStatTotal(text); });
  return parse::toCpuTimes(jiffies, linux_host::clockTicksPerSecond());
}

PerCpuTimes LinuxBackend::perCpuTimes() const {
  FileReader& files = reader();
  const std::string_view text = procfs().read("stat");
  const auto lines = annotatePath(files.path(), [&] { return parse::parseProcStatPerCpu(text); });
  const double ticks = linux_host::clockTicksPerSecond();
  std::vector<CpuTimes> times;
  times.reserve(lines.size());
  for (const auto& jiffies : lines) times.push_back(parse::toCpuTimes(jiffies, ticks));
  return times;
}

std::optional<uint64_t> LinuxBackend::logicalCpuCount() const {
  // sysconf describes this machine, so it only answers for the real /proc;
  // a captured tree is counted from its own files, as psutil's fallback does.
  if (roots_.live) {
    if (const auto online = linux_host::onlineCpus()) return online;
  }
  if (const auto cpuinfo = procfs().readIfExists("cpuinfo")) {
    if (const size_t count = parse::countCpuinfoProcessors(*cpuinfo)) return count;
  }
  // Architectures whose cpuinfo has no "processor" lines (psutil issue #200).
  if (const size_t count = parse::countProcStatCpuLines(procfs().read("stat"))) return count;
  return std::nullopt;
}

std::optional<uint64_t> LinuxBackend::physicalCpuCount() const {
  FileReader& files = reader();
  const std::string cpuDirectory = joinPath(roots_.sysfs, "devices/system/cpu");
  std::vector<std::string> cpus;
  for (std::string& name : listDirectory(cpuDirectory)) {
    if (isCpuDirectory(name)) cpus.push_back(std::move(name));
  }
  // core_cpus_list replaced the deprecated thread_siblings_list (Linux 5.7);
  // like psutil, use the old name only when no CPU has the new one.
  for (const char* file : {"topology/core_cpus_list", "topology/thread_siblings_list"}) {
    std::set<std::string> cores;
    for (const std::string& cpu : cpus) {
      if (const auto list = files.readIfExists(cpuDirectory, cpu + "/" + file)) cores.insert(parse::cpuListKey(*list));
    }
    if (!cores.empty()) return cores.size();
  }
  return parse::cpuinfoPhysicalCores(procfs().read("cpuinfo"));
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"cpuTimes", Root::Procfs, {"stat"}},
    {"cpuCount", Root::Procfs, {"stat", "cpuinfo"}},
    {"cpuPercent", Root::Procfs, {"stat"}},
    {"cpuTimesPercent", Root::Procfs, {"stat"}},
};

}  // namespace

}  // namespace procyon

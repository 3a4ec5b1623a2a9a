// cpu_stats, cpu_freq and getloadavg: psutil's _pslinux.py over the roots.

#include <sys/sysinfo.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <string>
#include <utility>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/cpu_activity.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// The number in "policyN" / "cpuN" (psutil sorts by the first number of the path).
std::optional<uint64_t> suffixNumber(std::string_view name, std::string_view prefix) {
  if (!parse::startsWith(name, prefix) || name.size() == prefix.size()) return std::nullopt;
  const std::string_view digits = name.substr(prefix.size());
  // glob "policy[0-9]*": only the first character must be a digit; sort on the leading run.
  if (digits[0] < '0' || digits[0] > '9') return std::nullopt;
  size_t end = 0;
  while (end < digits.size() && digits[end] >= '0' && digits[end] <= '9') ++end;
  return parse::toUint64(digits.substr(0, std::min<size_t>(end, 18)));
}

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

// Directories (relative to <sysfs>/devices/system/cpu) psutil reads cpufreq
// files from: cpufreq/policyN, else cpuN/cpufreq, in numeric order.
std::vector<std::string> frequencyDirectories(const std::string& cpuDirectory) {
  std::vector<std::pair<uint64_t, std::string>> found;
  for (const std::string& name : listDirectory(joinPath(cpuDirectory, "cpufreq"))) {
    if (const auto n = suffixNumber(name, "policy")) found.emplace_back(*n, "cpufreq/" + name);
  }
  if (found.empty()) {
    for (const std::string& name : listDirectory(cpuDirectory)) {
      const auto n = suffixNumber(name, "cpu");
      if (n && exists(joinPath(cpuDirectory, name + "/cpufreq"))) found.emplace_back(*n, name + "/cpufreq");
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> directories;
  for (auto& entry : found) directories.push_back(std::move(entry.second));
  return directories;
}

double readMhz(FileReader& files, const std::string& directory, const char* name) {
  const std::string_view text = files.read(directory, name);
  return annotatePath(files.path(), [&] { return parse::parseKhzAsMhz(text); });
}

}  // namespace

CpuStats LinuxBackend::cpuStats() const {
  FileReader& files = reader();
  const std::string_view text = procfs().read("stat");
  return annotatePath(files.path(), [&] { return parse::parseCpuStats(text); });
}

LoadAvg LinuxBackend::loadAvg() const {
  if (roots_.live) {
    // os.getloadavg() → glibc getloadavg(3), which asks sysinfo(2): full
    // precision, where /proc/loadavg prints two decimals.
    struct sysinfo info {};
    if (::sysinfo(&info) == 0) {
      constexpr double scale = 1 << SI_LOAD_SHIFT;
      return {static_cast<double>(info.loads[0]) / scale, static_cast<double>(info.loads[1]) / scale,
              static_cast<double>(info.loads[2]) / scale};
    }
  }
  FileReader& files = reader();
  const std::string_view text = procfs().read("loadavg");
  return annotatePath(files.path(), [&] { return parse::parseLoadavg(text); });
}

std::vector<CpuFreq> LinuxBackend::cpuFreq() const {
  FileReader& files = reader();
  const std::string cpuDirectory = joinPath(roots_.sysfs, "devices/system/cpu");

  std::vector<double> cpuinfoMhz;
  std::string cpuinfoPath;
  const bool haveSysfs =
      exists(joinPath(cpuDirectory, "cpufreq/policy0")) || exists(joinPath(cpuDirectory, "cpu0/cpufreq"));
  if (!haveSysfs) {
    // psutil's alternate implementation: "cpu MHz" lines, min/max 0.
    const std::string_view text = procfs().read("cpuinfo");
    const auto mhz = annotatePath(files.path(), [&] { return parse::parseCpuinfoMhz(text); });
    std::vector<CpuFreq> cpus;
    for (const double value : mhz) cpus.push_back({value, 0, 0});
    return cpus;
  }

  if (const auto text = procfs().readIfExists("cpuinfo")) {
    cpuinfoMhz = annotatePath(files.path(), [&] { return parse::parseCpuinfoMhz(*text); });
  }
  const std::vector<std::string> directories = frequencyDirectories(cpuDirectory);
  std::vector<CpuFreq> cpus;
  for (size_t i = 0; i < directories.size(); ++i) {
    const std::string directory = joinPath(cpuDirectory, directories[i]);
    CpuFreq cpu;
    if (directories.size() == cpuinfoMhz.size()) {
      // psutil issue #1851: prefer cpuinfo's cached value; int(mhz * 1000) / 1000.
      cpu.current = std::trunc(cpuinfoMhz[i] * 1000) / 1000;
    } else if (const auto text = files.readIfExists(directory, "scaling_cur_freq")) {
      cpu.current = annotatePath(files.path(), [&] { return parse::parseKhzAsMhz(*text); });
    } else if (const auto old = files.readIfExists(directory, "cpuinfo_cur_freq")) {
      // Old RedHat kernels (psutil issue #1071).
      cpu.current = annotatePath(files.path(), [&] { return parse::parseKhzAsMhz(*old); });
    } else {
      // An offline CPU reports all zeroes (psutil >= 5.9.6).
      const auto online = files.readIfExists(cpuDirectory, "cpu" + std::to_string(i) + "/online");
      if (online && *online == "0\n") {
        cpus.push_back({0, 0, 0});
        continue;
      }
      throw Error(ErrorCode::NotFound, joinPath(directory, "scaling_cur_freq") + ": can't find current frequency file",
                  joinPath(directory, "scaling_cur_freq"), ENOENT);
    }
    cpu.max = readMhz(files, directory, "scaling_max_freq");
    cpu.min = readMhz(files, directory, "scaling_min_freq");
    cpus.push_back(cpu);
  }
  return cpus;
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"cpuStats", Root::Procfs, {"stat"}},
    {"cpuFreq", Root::Sysfs, {"devices/system/cpu"}},
    {"getloadavg", Root::Procfs, {"loadavg"}},
};

}  // namespace

}  // namespace procyon

// Pressure stall information: /proc/pressure/{cpu,memory,io,irq} (PSI, Linux 4.20+).

#include <sys/stat.h>

#include <cerrno>
#include <optional>
#include <string>

#include "common/error.h"
#include "linux/linux_backend.h"
#include "linux/parse/pressure.h"
#include "linux/procfs.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// A kernel without PSI (CONFIG_PSI off, or before 4.20) has no pressure/ at all.
const RequirementRegistrar kNeeds{
    {"pressureStall", Root::Procfs, {"pressure"}},
};

std::optional<PressureResource> readResource(const Procfs& procfs, const char* relative) {
  const std::optional<std::string_view> text = procfs.readIfExists(relative);
  if (!text) return std::nullopt;  // irq before 6.1
  return annotatePath(threadReader().path(), [&] { return parse::parsePressure(*text); });
}

}  // namespace

PressureStall LinuxBackend::pressureStall() const {
  const Procfs procfs = this->procfs();
  // No pressure/ is no PSI: NOT_FOUND for the directory, rather than four nulls
  // that would read as "PSI with nothing to report".
  const std::string directory = procfs.path("pressure");
  struct stat st {};
  if (::stat(directory.c_str(), &st) != 0) throw Error::fromErrno(errno, "stat", directory);
  PressureStall stall;
  stall.cpu = readResource(procfs, "pressure/cpu");
  stall.memory = readResource(procfs, "pressure/memory");
  stall.io = readResource(procfs, "pressure/io");
  stall.irq = readResource(procfs, "pressure/irq");
  return stall;
}

}  // namespace procyon

// Pressure stall information: /proc/pressure/{cpu,memory,io,irq} (PSI, Linux 4.20+).

#include <sys/stat.h>

#include <cerrno>
#include <optional>
#include <string>

#include "common/error.h"
#include "common/records_pressure.h"
#include "linux/metric_reader.h"
#include "linux/parse/pressure.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

std::optional<PressureResource> readResource(const Procfs& procfs, const char* relative) {
  const std::optional<std::string_view> text = procfs.readIfExists(relative);
  if (!text) return std::nullopt;  // irq before 6.1
  return annotatePath(threadReader().path(), [&] { return parse::parsePressure(*text); });
}

PressureStall read(const LinuxBackend& backend) {
  const Procfs procfs = backend.procfs();
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

// A kernel without PSI (CONFIG_PSI off, or before 4.20) has no pressure/ at all.
const LinuxReader<PressureStall> kRead{read, {Root::Procfs, {"pressure"}}};

}  // namespace
}  // namespace procyon

#include "linux/host.h"

#include <sys/sysinfo.h>
#include <unistd.h>

#include <cerrno>

#include "common/error.h"

namespace procyon::linux_host {

double clockTicksPerSecond() {
  const long ticks = ::sysconf(_SC_CLK_TCK);
  // 100 is USER_HZ on every Linux ABI; sysconf failing here would be a libc bug.
  return ticks > 0 ? static_cast<double>(ticks) : 100.0;
}

uint64_t pageSize() {
  const long size = ::sysconf(_SC_PAGE_SIZE);
  return size > 0 ? static_cast<uint64_t>(size) : 4096;
}

std::optional<uint64_t> onlineCpus() {
  const long count = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (count < 1) return std::nullopt;
  return static_cast<uint64_t>(count);
}

SwapTotals sysinfoSwap() {
  struct sysinfo info {};
  if (::sysinfo(&info) != 0) throw Error::fromErrno(errno, "sysinfo", "sysinfo(2)");
  const double unit = info.mem_unit == 0 ? 1.0 : static_cast<double>(info.mem_unit);
  return {static_cast<double>(info.totalswap) * unit, static_cast<double>(info.freeswap) * unit};
}

}  // namespace procyon::linux_host

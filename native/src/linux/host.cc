#include "linux/host.h"

#include <malloc.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include "common/error.h"
#include "linux/linux_backend.h"

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

namespace procyon {

std::optional<double> LinuxBackend::threadCpuTime() const {
  timespec ts{};
  if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return std::nullopt;
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// glibc keeps what a thread's arena freed; the collector's worker threads
// allocate and free a scan's worth of text each tick, and those arenas
// otherwise only grow. (musl has no malloc_trim: nothing to hand back.)
std::optional<bool> LinuxBackend::releaseFreeMemory() const {
#ifdef __GLIBC__
  return ::malloc_trim(0) == 1;
#else
  return std::nullopt;
#endif
}

}  // namespace procyon

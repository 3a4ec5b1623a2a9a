// Control groups: mountinfo and /proc/PID/cgroup lines, the group files (cpu.stat,
// memory.stat, io.stat, blkio throttle, cgroup.procs/events, limits, pressure),
// path classification, .desktop Name= and the engines' JSON state.
// seeds: test/fixtures/cgroups/hybrid/proc/self/mountinfo test/fixtures/cgroups/hybrid/proc/700/cgroup test/fixtures/cgroups/v2/sys/fs/cgroup/system.slice/sshd.service/cpu.stat test/fixtures/cgroups/v2/sys/fs/cgroup/system.slice/sshd.service/memory.stat test/fixtures/cgroups/v2/sys/fs/cgroup/system.slice/sshd.service/io.stat test/fixtures/cgroups/v2/sys/fs/cgroup/system.slice/sshd.service/cpu.pressure test/fixtures/cgroups/hybrid/sys/fs/cgroup/blkio/system.slice/nginx.service/blkio.throttle.io_service_bytes_recursive test/fixtures/cgroups/hybrid/sys/fs/cgroup/memory/system.slice/nginx.service/memory.stat test/fixtures/cgroups/v2/usr/share/applications/org.gnome.Terminal.desktop test/fixtures/cgroups/v2/var/lib/containers/storage/overlay-containers/containers.json
#include <string>

#include "../fuzz_common.h"
#include "linux/parse/cgroup_files.h"
#include "linux/parse/cgroup_names.h"
#include "linux/parse/json_scan.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] {
    parse::findCgroupMount(t, "cgroup2");
    parse::findCgroupMount(t, "cgroup", "memory");
  });
  fuzz::tolerate([&] {
    if (const auto path = parse::procCgroupPath(t)) {
      if (path->empty() || path->front() != '/') __builtin_trap();
    }
    parse::procCgroupPath(t, "memory");
  });
  fuzz::tolerate([&] { parse::parseCgroupCpuStat(t); });
  fuzz::tolerate([&] { parse::parseCgroupFrozen(t); });
  fuzz::tolerate([&] {
    parse::parseCgroupMemoryStat(t, false);
    parse::parseCgroupMemoryStat(t, true);
  });
  fuzz::tolerate([&] {
    const auto pids = parse::parseCgroupProcs(t, 16);
    if (pids.size() > 16) __builtin_trap();
    for (const int64_t pid : pids) {
      if (pid <= 0) __builtin_trap();
    }
  });
  fuzz::tolerate([&] { parse::parseCgroupIoStat(t); });
  fuzz::tolerate([&] { parse::parseBlkioThrottle(t); });
  fuzz::tolerate([&] { parse::parseCgroupPressure(t); });
  fuzz::tolerate([&] { parse::parseCgroupLimit(t); });
  fuzz::tolerate([&] {
    if (const auto limit = parse::parseCgroupV1Limit(t); limit && *limit >= parse::kCgroupV1Unlimited) __builtin_trap();
  });
  {
    // Classification never throws, and what it gives is always one of its kinds.
    const parse::CgroupIdentity identity = parse::classifyCgroup(t);
    static const std::string kinds[] = {"app", "flatpak", "snap", "service", "user-service", "session", "container", "other"};
    bool known = false;
    for (const auto& kind : kinds) known = known || identity.kind == kind;
    if (!known || identity.id.empty() || identity.engine.has_value() != (identity.kind == "container")) __builtin_trap();
    if (!identity.desktopId.empty() && identity.desktopId.size() < 9) __builtin_trap();
  }
  parse::desktopEntryName(t);
  fuzz::tolerate([&] { parse::dockerContainerName(t); });
  fuzz::tolerate([&] { parse::storageContainerName(t, "0123456789ab"); });
  return 0;
}

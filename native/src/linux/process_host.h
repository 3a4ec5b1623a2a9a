#pragma once

// Process helpers shared by the Linux process readers, actions and table:
// psutil's error rules, cached lookups (user names, terminals, boot time)
// and small syscall wrappers.

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "linux/linux_backend.h"
#include "common/error.h"
#include "common/records_process.h"

namespace procyon::linux_process {

// <procfs>/<pid>
std::string pidDirectory(const Roots& roots, int64_t pid);

// "(pid=1, name='x')" as psutil prints it.
std::string describeProcess(int64_t pid, const std::optional<std::string>& name,
                            const std::optional<int64_t>& ppid = std::nullopt);

Error noSuchProcess(int64_t pid, std::optional<std::string> name, const std::string& why = {});
Error zombieProcess(int64_t pid, std::optional<std::string> name, std::optional<int64_t> ppid);
Error accessDenied(int64_t pid, std::optional<std::string> name, int sysErrno);

// psutil's wrap_exceptions: a missing file (or ESRCH) of a process whose
// directory is gone → NoSuchProcess; of a zombie → ZombieProcess; EACCES/EPERM
// → AccessDenied with pid and name. Anything else is returned unchanged.
Error toProcessError(const Error& error, const Roots& roots, int64_t pid);

// The comm of <pid> (best effort, for error messages), its state and ppid.
struct BriefStat {
  std::string comm;
  char state = '?';
  int64_t ppid = 0;
  uint64_t starttime = 0;
};
std::optional<BriefStat> briefStat(const Roots& roots, int64_t pid);
// psutil's _raise_if_zombie(): ZombieProcess when <pid> is a zombie, else nothing.
void raiseIfZombie(const Roots& roots, int64_t pid);

// Same start as `createTime` (both from createTimeOf over the same integers).
bool sameCreateTime(const Roots& roots, const BriefStat& brief, double createTime);
// Raises NoSuchProcess unless <pid> exists with `createTime`; answers its stat.
BriefStat checkIdentity(const Roots& roots, int64_t pid, double createTime);

// psutil's create time: boot time + starttime / CLK_TCK.
double createTimeOf(const Roots& roots, uint64_t starttime);
// Boot time of the procfs root (cached for the live /proc).
double bootTimeOf(const Roots& roots);

// uid → user name through a cache; the uid as a decimal string when unknown.
std::string userName(int64_t uid);

// tty_nr (stat field 7) → "/dev/pts/3"; nullopt when 0 or unknown. The map of
// /dev/tty* and /dev/pts/* is cached and rebuilt (at most once a second) on a miss.
std::optional<std::string> terminalName(int64_t ttyNr);

// psutil's readlink(): cut at NUL, drop " (deleted)" when that path is gone.
std::string cleanLinkTarget(std::string target);

double monotonicSeconds();

}  // namespace procyon::linux_process

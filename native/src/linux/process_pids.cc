// psutil.pids() and psutil.pid_exists() (the process engineer's own copy;
// see the report if the system-wide branch adds its own).

#include <dirent.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>

#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/process_host.h"
#include "parse/proc_pid_stat.h"
#include "parse/text.h"

namespace procyon {

std::vector<int64_t> LinuxBackend::processPids(const Roots& roots) const {
  DIR* dir = ::opendir(roots.procfs.c_str());
  if (!dir) throw Error::fromErrno(errno, "opendir", roots.procfs);
  std::vector<int64_t> pids;
  while (const dirent* entry = ::readdir(dir)) {
    if (const auto pid = parse::toUint64(entry->d_name)) pids.push_back(static_cast<int64_t>(*pid));
  }
  ::closedir(dir);
  std::sort(pids.begin(), pids.end());
  return pids;
}

bool LinuxBackend::processPidExists(const Roots& roots, int64_t pid) const {
  if (pid <= 0) return false;  // psutil: pid 0 only if listed, and Linux lists none
  if (linux_process::isDefaultProcfs(roots.procfs)) {
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return false;
  }
  // A thread id also answers kill() and has a /proc entry: only a Tgid names a process.
  try {
    FileReader files;
    const ProcStatus status =
        parse::parseProcPidStatus(files.read(linux_process::pidDirectory(roots, pid), "status"));
    return status.tgid == pid;
  } catch (const Error& e) {
    return e.code == ErrorCode::AccessDenied;
  }
}

}  // namespace procyon

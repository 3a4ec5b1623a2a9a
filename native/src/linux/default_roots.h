#pragma once

#include <string_view>

namespace procyon::linux_host {

// Whether a call reads the live kernel's procfs: only then may facts come
// from system calls (sysinfo, kill, stat "/") rather than from the root's files.
inline bool isDefaultProcfs(std::string_view procfs) { return procfs == "/proc" || procfs == "/proc/"; }

}  // namespace procyon::linux_host

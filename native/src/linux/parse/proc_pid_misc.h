#pragma once

// /proc/[pid]/{cmdline,environ,limits,fdinfo/N}: pure parsers.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/records_process.h"

namespace procyon::parse {

// psutil's cmdline(): NUL-separated; a process that rewrote its title with
// spaces (no trailing NUL, or one NUL-terminated string holding spaces) is
// split at spaces. Empty (zombies, kernel threads) → [].
std::vector<std::string> parseCmdline(std::string_view data);

// psutil's parse_environ_block(): "KEY=VALUE\0" entries; the first '='
// splits; entries with an empty key or no '=', and an unterminated last
// entry, are skipped. Values may hold '=', newlines, any bytes.
std::vector<std::pair<std::string, std::string>> parseEnviron(std::string_view data);

// /proc/[pid]/limits: one entry per known resource (RLIMIT_* numbers);
// "unlimited" is -1 (RLIM_INFINITY).
std::vector<RlimitValue> parseProcPidLimits(std::string_view text);

// /proc/[pid]/fdinfo/N: pos (decimal) and flags (octal).
FdInfo parseFdinfo(std::string_view text);

// The RLIMIT_* number of a /proc/[pid]/limits row name, or -1.
int rlimitResourceOfLimitName(std::string_view name);

}  // namespace procyon::parse

#pragma once

// /proc/[pid]/{stat,status,statm,io}: pure parsers (string_view in, struct
// out, only procyon::Error thrown), fuzzable.

#include <string_view>

#include "common/records_process.h"

namespace procyon::parse {

// /proc/[pid]/stat. The comm field may hold spaces and parentheses, so it is
// taken between the first '(' and the LAST ')'. PARSE_ERROR when malformed.
ProcStat parseProcPidStat(std::string_view text);

// /proc/[pid]/status (missing optional lines stay empty).
ProcStatus parseProcPidStatus(std::string_view text);

// /proc/[pid]/statm: seven page counts.
ProcStatm parseProcPidStatm(std::string_view text);

// /proc/[pid]/io. PARSE_ERROR if a field psutil needs is absent.
ProcIo parseProcPidIo(std::string_view text);

// psutil's PROC_STATUSES: the state letter as a STATUS_* string ("running", …).
std::string_view processStatusName(char state);

}  // namespace procyon::parse

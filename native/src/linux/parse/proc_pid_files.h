#pragma once

// /proc/[pid]/fdinfo/N: pure parser (psutil's open_files() position and mode).

#include <string_view>

#include "common/records_process.h"

namespace procyon::parse {

// /proc/[pid]/fdinfo/N: pos (decimal) and flags (octal).
FdInfo parseFdinfo(std::string_view text);

}  // namespace procyon::parse

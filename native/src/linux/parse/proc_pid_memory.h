#pragma once

// /proc/[pid]/{smaps_rollup,smaps}: pure parsers.

#include <string_view>
#include <vector>

#include "common/records_process.h"

namespace procyon::parse {

// uss (Private_* lines), pss (Pss:), swap (Swap:) summed over every block, in
// bytes: the same for smaps_rollup (one block) and smaps (psutil's fallback).
ProcessMemoryFullGroup parseSmapsTotals(std::string_view text);

// psutil's memory_maps(grouped=False): one entry per smaps block, bytes.
// `path` is "[anon]" for anonymous mappings; " (deleted)" is kept (the I/O
// layer strips it when the file is gone, as psutil does).
std::vector<ProcessMemoryMapExt> parseSmapsBlocks(std::string_view text);

}  // namespace procyon::parse

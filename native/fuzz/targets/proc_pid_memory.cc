// /proc/[pid]/{smaps,smaps_rollup}.
// seeds: proc/26231/smaps proc/26231/smaps_rollup
#include "../fuzz_common.h"
#include "linux/parse/proc_pid_memory.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::parseSmapsTotals(t); });
  fuzz::tolerate([&] { parse::parseSmapsBlocks(t); });
  return 0;
}

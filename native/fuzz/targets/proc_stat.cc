// /proc/stat: CPU times (total, per CPU), boot time, context switches.
// seeds: proc/stat
#include "../fuzz_common.h"
#include "linux/parse/cpu_activity.h"
#include "linux/parse/proc_stat.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::parseProcStatTotal(t); });
  fuzz::tolerate([&] { parse::parseProcStatPerCpu(t); });
  fuzz::tolerate([&] { parse::countProcStatCpuLines(t); });
  fuzz::tolerate([&] { parse::parseProcStatBootTime(t); });
  fuzz::tolerate([&] { parse::parseCpuStats(t); });
  return 0;
}

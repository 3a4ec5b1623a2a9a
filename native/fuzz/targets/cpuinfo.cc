// /proc/cpuinfo, cpu topology lists, loadavg, pressure (PSI), cpufreq values.
// seeds: proc/cpuinfo proc/loadavg proc/pressure/cpu proc/pressure/io sys/devices/system/cpu/cpu0/topology/thread_siblings_list sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq
#include "../fuzz_common.h"
#include "linux/parse/cpu_activity.h"
#include "linux/parse/cpu_list.h"
#include "linux/parse/cpuinfo.h"
#include "linux/parse/pressure.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::countCpuinfoProcessors(t); });
  fuzz::tolerate([&] { parse::cpuinfoPhysicalCores(t); });
  fuzz::tolerate([&] { parse::parseCpuinfoMhz(t); });
  fuzz::tolerate([&] { parse::parseCpuList(t); });
  fuzz::tolerate([&] { parse::cpuListKey(t); });
  fuzz::tolerate([&] { parse::parseLoadavg(t); });
  fuzz::tolerate([&] { parse::parsePressure(t); });
  fuzz::tolerate([&] { parse::parseKhzAsMhz(t); });
  return 0;
}

// /proc/[pid]/{stat,status,statm,io,limits,fdinfo/N,cmdline,environ}.
// seeds: proc/26231/stat proc/26231/status proc/26231/statm proc/26231/io proc/26231/limits proc/26231/cmdline proc/26231/environ proc/26231/fdinfo/0
#include "../fuzz_common.h"
#include "linux/parse/proc_pid_args.h"
#include "linux/parse/proc_pid_files.h"
#include "linux/parse/proc_pid_limits.h"
#include "linux/parse/proc_pid_stat.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::parseProcPidStat(t); });
  fuzz::tolerate([&] { parse::parseProcPidStatus(t); });
  fuzz::tolerate([&] { parse::parseProcPidStatm(t); });
  fuzz::tolerate([&] { parse::parseProcPidIo(t); });
  fuzz::tolerate([&] { parse::parseProcPidLimits(t); });
  fuzz::tolerate([&] { parse::rlimitResourceOfLimitName(t); });
  fuzz::tolerate([&] { parse::parseFdinfo(t); });
  fuzz::tolerate([&] { parse::parseCmdline(t); });
  fuzz::tolerate([&] { parse::parseEnviron(t); });
  return 0;
}

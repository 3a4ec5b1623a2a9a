// /proc/diskstats, /sys/block/*/stat, mounts and /proc/filesystems.
// seeds: proc/diskstats proc/mounts proc/self/mounts proc/26231/mountstats
#include "../fuzz_common.h"
#include "linux/parse/diskstats.h"
#include "linux/parse/mounts.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] { parse::parseDiskstats(t); });
  fuzz::tolerate([&] { parse::parseSysBlockStat("sda", t); });
  fuzz::tolerate([&] { parse::parseMounts(t); });
  fuzz::tolerate([&] { parse::decodeMountField(t); });
  fuzz::tolerate([&] { parse::parsePhysicalFilesystems(t); });
  fuzz::tolerate([&] { parse::findPartitionDevice(t, 8, 1); });
  fuzz::tolerate([&] { parse::ueventDevice(t); });
  return 0;
}

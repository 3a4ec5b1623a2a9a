// GPUs: DRM fdinfo (drm-usage-stats keys), the PCI id database, amdgpu clock levels.
// seeds: sys/class/drm/card0/device/pp_dpm_sclk test/fixtures/gpu/i915/proc/2001/fdinfo/3 test/fixtures/gpu/xe/proc/3001/fdinfo/5 test/fixtures/gpu/apu/proc/4001/fdinfo/21 test/fixtures/gpu/amdgpu/proc/1001/fdinfo/12 test/fixtures/gpu/pci.ids
#include "../fuzz_common.h"
#include "linux/parse/amdgpu_dpm.h"
#include "linux/parse/drm_fdinfo.h"
#include "linux/parse/pci_ids.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto t = fuzz::text(data, size);
  fuzz::tolerate([&] {
    if (const auto info = parse::parseDrmFdinfo(t)) parse::residentBytes(*info, t.size() % 2 == 0);
  });
  // Ids from the input's first bytes, so the fuzzer can steer the lookup at the names it wrote.
  const uint32_t vendor = size >= 2 ? (data[0] << 8 | data[1]) : 0x1002;
  const uint32_t device = size >= 4 ? (data[2] << 8 | data[3]) : 0x687f;
  fuzz::tolerate([&] { parse::lookupPciIds(t, vendor, device); });
  fuzz::tolerate([&] { parse::parseDpmLevels(t); });
  return 0;
}

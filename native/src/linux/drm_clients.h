#pragma once

// Which processes hold DRM clients and what each client has used, from
// /proc/<pid>/fd and /proc/<pid>/fdinfo/<fd> (drm-usage-stats), plus NVML's
// per-process figures on NVIDIA. Shared by processGpu() (per process) and
// gpus() (a device's engines: the sum over its clients).

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "common/records_gpu.h"
#include "linux/linux_backend.h"

namespace procyon {

// Full fd scans of every process come once per this many reads without a
// pid list; in between only the known holders and pids not seen before are
// read (a process that opens its first DRM fd later is found at the next full scan).
constexpr uint64_t kDrmRescanEvery = 5;

// `pids`: exactly those processes (a Process's own read); null: every
// process holding a DRM client, found at the cadence above. A process that
// exits or denies its fds meanwhile is left out, never an error.
ProcessGpuReading readProcessGpu(const LinuxBackend& backend, const std::vector<int64_t>* pids);

// The PCI slots of the amdgpu APUs under <sysfs>/class/drm (gpu.cc). amdgpu
// tells an APU (AMD_IS_APU) apart only through an ioctl, but its hwmon has
// in1, "vddnb" (the northbridge rail), on APUs alone: amdgpu_pm.c hides it
// elsewhere ("only APUs have vddnb"; MI300A, an APU without it, counts as a
// discrete card). A process's GTT counts as its GPU memory on these.
std::set<std::string> amdgpuApuSlots(const std::string& sysfs);

}  // namespace procyon

#pragma once

// NVIDIA devices through NVML, loaded at run time with dlopen: no build
// dependency, and a machine without the library simply has no NVML devices.
// PROCYON_NVML_LIBRARY names another library file (the tests' stand-in:
// this project's machines have no NVIDIA GPU).

#include <cstdint>
#include <utility>
#include <vector>

#include "common/records_gpu.h"

namespace procyon {

struct NvmlReading {
  std::vector<GpuDevice> devices;
  std::vector<std::pair<int64_t, NvmlProcess>> processes;  // pid, its figures on one device
};

// Whether NVML speaks for these roots: the live machine's, or any when
// PROCYON_NVML_LIBRARY is set (a captured tree is otherwise never mixed
// with this machine's NVIDIA devices).
bool nvmlApplies(bool live);

// Empty when the library is absent, fails to initialise or lacks a symbol;
// a figure a device does not support is null.
NvmlReading readNvml(bool withProcesses);

}  // namespace procyon

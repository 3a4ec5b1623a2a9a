#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/metric.h"
#include "common/record.h"

// GPUs (beyond psutil): DRM cards as their drivers expose them in sysfs,
// NVIDIA devices through NVML (loaded at run time), and per-process shares
// from DRM fdinfo. Units: bytes, percent 0..100, °C, watts, MHz, RPM; a null
// is a figure this device does not expose.

namespace procyon {

#define PROCYON_GPU_ENGINE_FIELDS(X) X(std::string, name, {}) X(std::optional<double>, busyPercent, std::nullopt)
PROCYON_RECORD(GpuEngine, PROCYON_GPU_ENGINE_FIELDS)
#undef PROCYON_GPU_ENGINE_FIELDS

#define PROCYON_GPU_MEMORY_FIELDS(X)                \
  X(std::optional<double>, vramUsed, std::nullopt)     \
  X(std::optional<double>, vramTotal, std::nullopt)    \
  X(std::optional<double>, visVramUsed, std::nullopt)  \
  X(std::optional<double>, visVramTotal, std::nullopt) \
  X(std::optional<double>, gttUsed, std::nullopt)      \
  X(std::optional<double>, gttTotal, std::nullopt)
PROCYON_RECORD(GpuMemory, PROCYON_GPU_MEMORY_FIELDS)
#undef PROCYON_GPU_MEMORY_FIELDS

#define PROCYON_GPU_TEMPERATURE_FIELDS(X)        \
  X(std::string, label, {})                      \
  X(double, current, 0)                          \
  X(std::optional<double>, high, std::nullopt)   \
  X(std::optional<double>, critical, std::nullopt)
PROCYON_RECORD(GpuTemperature, PROCYON_GPU_TEMPERATURE_FIELDS)
#undef PROCYON_GPU_TEMPERATURE_FIELDS

#define PROCYON_GPU_DEVICE_FIELDS(X)                          \
  X(std::string, id, {})                                      \
  X(std::string, source, {})                                  \
  X(std::string, driver, {})                                  \
  X(std::optional<std::string>, pciSlot, std::nullopt)        \
  X(std::optional<double>, vendorId, std::nullopt)            \
  X(std::optional<double>, deviceId, std::nullopt)            \
  X(std::optional<std::string>, vendor, std::nullopt)         \
  X(std::optional<std::string>, model, std::nullopt)          \
  X(std::optional<double>, busyPercent, std::nullopt)         \
  X(std::optional<double>, memoryBusyPercent, std::nullopt)   \
  X(std::vector<GpuEngine>, engines, {})                      \
  X(GpuMemory, memory, {})                                    \
  X(std::vector<GpuTemperature>, temperatures, {})            \
  X(std::optional<double>, powerWatts, std::nullopt)          \
  X(std::optional<double>, powerLimitWatts, std::nullopt)     \
  X(std::optional<double>, fanRpm, std::nullopt)              \
  X(std::optional<double>, fanPercent, std::nullopt)          \
  X(std::optional<double>, clockGraphicsMhz, std::nullopt)    \
  X(std::optional<double>, clockMemoryMhz, std::nullopt)      \
  X(std::optional<double>, clockGraphicsMaxMhz, std::nullopt) \
  X(std::optional<std::string>, performanceLevel, std::nullopt)
PROCYON_RECORD(GpuDevice, PROCYON_GPU_DEVICE_FIELDS)
#undef PROCYON_GPU_DEVICE_FIELDS

// gpus() answers an array: the metric's value is the list itself.
using GpuDevices = std::vector<GpuDevice>;

// gpus(): the collector function, its snapshot topic and its capability.
PROCYON_METRIC(gpus, GpuDevices)

// --- per process: cumulative counters, turned into rates in lib/gpu_usage.ts ---

// One client's engine counter on one device: `busy` is nanoseconds
// (drm-engine-<e>) when `total` is null, else busy cycles over the GPU's
// `total` cycles (xe: drm-cycles-<e> / drm-total-cycles-<e>). `capacity` is
// the engines of that class the counter sums (drm-engine-capacity-<e>, else 1).
#define PROCYON_DRM_ENGINE_COUNTER_FIELDS(X)   \
  X(std::string, device, {})                   \
  X(std::string, client, {})                   \
  X(std::string, engine, {})                   \
  X(double, busy, 0)                           \
  X(std::optional<double>, total, std::nullopt) \
  X(double, capacity, 1)
PROCYON_RECORD(DrmEngineCounter, PROCYON_DRM_ENGINE_COUNTER_FIELDS)
#undef PROCYON_DRM_ENGINE_COUNTER_FIELDS

// NVML's figures for a process on one NVIDIA device (already rates: NVML samples them).
#define PROCYON_NVML_PROCESS_FIELDS(X)                 \
  X(std::string, device, {})                           \
  X(std::optional<double>, memoryBytes, std::nullopt)  \
  X(std::optional<double>, smPercent, std::nullopt)    \
  X(std::optional<double>, encPercent, std::nullopt)   \
  X(std::optional<double>, decPercent, std::nullopt)
PROCYON_RECORD(NvmlProcess, PROCYON_NVML_PROCESS_FIELDS)
#undef PROCYON_NVML_PROCESS_FIELDS

// One process that holds a DRM client (or that NVML lists): its clients'
// counters (each client once, however many fds share it), resident GPU
// memory and the devices it uses (drm-pdev, else the driver; NVML ids).
#define PROCYON_PROCESS_DRM_FIELDS(X)            \
  X(double, pid, 0)                              \
  X(std::vector<std::string>, devices, {})       \
  X(double, memoryBytes, 0)                      \
  X(std::vector<DrmEngineCounter>, counters, {}) \
  X(std::vector<NvmlProcess>, nvml, {})
PROCYON_RECORD(ProcessDrm, PROCYON_PROCESS_DRM_FIELDS)
#undef PROCYON_PROCESS_DRM_FIELDS

// processGpu(): monotonic seconds when the read began, and the processes read.
#define PROCYON_PROCESS_GPU_READING_FIELDS(X) X(double, timestamp, 0) X(std::vector<ProcessDrm>, processes, {})
PROCYON_RECORD(ProcessGpuReading, PROCYON_PROCESS_GPU_READING_FIELDS)
#undef PROCYON_PROCESS_GPU_READING_FIELDS

}  // namespace procyon

// Exports: processGpu (plumbing for lib/gpu_usage.ts; gpus() is a metric, binding/metrics.cc).
//   processGpu({procfs, sysfs, pid?}) → {timestamp, processes: ProcessDrm[]}: that pid's DRM
//   clients, or, without pid, every process holding one (found at drm_clients.h's cadence).

#include <napi.h>

#include <optional>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/native_call.h"
#include "binding/registry.h"

namespace procyon {
namespace {

Napi::Value processGpu(const Napi::CallbackInfo& info) {
  return runAsync<ProcessGpuReading>(info, "procyon.processGpu", [&] {
    const Napi::Object options = optionsArgument(info);
    std::optional<std::vector<int64_t>> pids;
    if (options.Has("pid") && !options.Get("pid").IsUndefined()) pids = std::vector<int64_t>{integerOption(options, "pid")};
    return [backend = backendFor(info.Env(), options), pids] { return backend->processGpu(pids ? &*pids : nullptr); };
  });
}

const ExportRegistrar kExports{{{"processGpu", processGpu, kInternal}}};

}  // namespace
}  // namespace procyon

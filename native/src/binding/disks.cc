// Exports: diskPartitions, diskUsage, diskIoCounters (raw per-device
// counters; lib/ applies nowrap and sums the total, as psutil's __init__ does).

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/to_js_disk.h"
#include "binding/native_call.h"
#include "binding/registry.h"

namespace procyon {
namespace {

Napi::Value diskPartitions(const Napi::CallbackInfo& info) {
  return runAsync<std::vector<DiskPartition>>(info, "procyon.diskPartitions", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool all = booleanOption(options, "all", false);
    return [backend = backendFor(info.Env(), options), all] {
      return backend->diskPartitions(all);
    };
  });
}

Napi::Value diskUsage(const Napi::CallbackInfo& info) {
  return runAsync<DiskUsage>(info, "procyon.diskUsage", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string path = requiredStringOption(options, "path");
    return [backend = backendFor(info.Env(), options), path = std::move(path)] { return backend->diskUsage(path); };
  });
}

Napi::Value diskIoCounters(const Napi::CallbackInfo& info) {
  return runAsync<std::vector<DiskIoCounters>>(info, "procyon.diskIoCounters", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool perdisk = booleanOption(options, "perdisk", false);
    return [backend = backendFor(info.Env(), options), perdisk] {
      return backend->diskIoCounters(perdisk);
    };
  });
}

const ExportRegistrar kExports{{{"diskPartitions", diskPartitions}, {"diskUsage", diskUsage}, {"diskIoCounters", diskIoCounters}}};

}  // namespace

}  // namespace procyon

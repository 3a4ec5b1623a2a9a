// Exports: cgroupFreeze, cgroupThaw, cgroupKill, cgroupSetMemoryMax (the list,
// cgroups, is a metric: common/records_cgroups.h). Each takes the roots and
// `path` (a Cgroup.path); the backend checks the path, so a platform without
// control groups answers UNSUPPORTED whatever it is.

#include <napi.h>

#include <cmath>
#include <optional>
#include <string>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "binding/to_js_process.h"
#include "binding/to_js_record.h"

namespace procyon {
namespace {

Napi::Value freezeOrThaw(const Napi::CallbackInfo& info, bool frozen) {
  return runAsync<ActionDone>(info, frozen ? "procyon.cgroupFreeze" : "procyon.cgroupThaw", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string path = requiredStringOption(options, "path");
    return [backend = backendFor(info.Env(), options), path = std::move(path), frozen] {
      backend->cgroupFreeze(path, frozen);
      return ActionDone{};
    };
  });
}

Napi::Value cgroupFreeze(const Napi::CallbackInfo& info) { return freezeOrThaw(info, true); }
Napi::Value cgroupThaw(const Napi::CallbackInfo& info) { return freezeOrThaw(info, false); }

Napi::Value cgroupKill(const Napi::CallbackInfo& info) {
  return runAsync<CgroupKillOutcome>(info, "procyon.cgroupKill", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string path = requiredStringOption(options, "path");
    const bool fallback = booleanOption(options, "fallback", false);
    return [backend = backendFor(info.Env(), options), path = std::move(path), fallback] { return backend->cgroupKill(path, fallback); };
  });
}

// bytes: a whole number of bytes (0 to 2^53), or null to clear the limit.
Napi::Value cgroupSetMemoryMax(const Napi::CallbackInfo& info) {
  return runAsync<ActionDone>(info, "procyon.cgroupSetMemoryMax", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string path = requiredStringOption(options, "path");
    std::optional<uint64_t> bytes;
    if (!options.Get("bytes").IsNull()) {
      const int64_t value = integerOption(options, "bytes");
      if (value < 0) throw Error::invalidArgument("bytes must be a whole number of bytes ≥ 0, or null");
      bytes = static_cast<uint64_t>(value);
    }
    return [backend = backendFor(info.Env(), options), path = std::move(path), bytes] {
      backend->cgroupSetMemoryMax(path, bytes);
      return ActionDone{};
    };
  });
}

const ExportRegistrar kExports{{{"cgroupFreeze", cgroupFreeze},
                                {"cgroupThaw", cgroupThaw},
                                {"cgroupKill", cgroupKill},
                                {"cgroupSetMemoryMax", cgroupSetMemoryMax}}};

}  // namespace
}  // namespace procyon

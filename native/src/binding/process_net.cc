// Exports: processNet, processNetTracker, processNetUsage (plumbing for lib/process_net.ts).
//   processNet({procfs, sysfs, pids?}) → {timestamp, sockets: SocketUse[], mapEntries}: every inet
//   socket and the process it is attributed to, or, with pids (1 to 4096), those processes' sockets only.
//   processNetTracker() → handle (External): one tracker's kept counters (common/net_usage.h).
//   processNetUsage({procfs, sysfs, tracker, pids?}) → NetUsageReading: the tracker's per-process sums since its
//   previous read and, with pids, those processes' sockets from the same dump (rates since the tracker's previous dump).
//   processNetDumps() → number: socket dumps this process has asked for (for tests counting them).

#include <napi.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "common/net_usage.h"

namespace procyon {
namespace {

// The most processes one socket listing serves (a client's list is bounded well below).
constexpr uint32_t kMaxPids = 4096;

// The `pids` option: 1 to kMaxPids non-negative integers; nullopt when absent.
std::optional<std::vector<int64_t>> pidsOption(const Napi::Object& options) {
  const Napi::Value list = options.Get("pids");
  if (list.IsUndefined()) return std::nullopt;
  if (!list.IsArray() || list.As<Napi::Array>().Length() == 0 || list.As<Napi::Array>().Length() > kMaxPids) {
    throw Error::invalidArgument("pids must be an array of 1 to " + std::to_string(kMaxPids) + " pids");
  }
  const Napi::Array array = list.As<Napi::Array>();
  std::vector<int64_t> pids;
  for (uint32_t i = 0; i < array.Length(); ++i) {
    const Napi::Value v = array.Get(i);
    if (!v.IsNumber()) throw Error::invalidArgument("pids must be non-negative integers");
    const double d = v.As<Napi::Number>().DoubleValue();
    if (!(d >= 0 && d <= 9007199254740991.0 && d == static_cast<double>(static_cast<int64_t>(d)))) throw Error::invalidArgument("pids must be non-negative integers");
    pids.push_back(static_cast<int64_t>(d));
  }
  return pids;
}

Napi::Value processNet(const Napi::CallbackInfo& info) {
  return runAsync<ProcessNetReading>(info, "procyon.processNet", [&] {
    const Napi::Object options = optionsArgument(info);
    std::optional<std::vector<int64_t>> pids = pidsOption(options);
    return [backend = backendFor(info.Env(), options), pids] { return backend->processNet(pids ? &*pids : nullptr); };
  });
}

// Marks the externals processNetTracker() makes, so that no other value can pass for one.
constexpr napi_type_tag kTrackerTag = {0x70726f63796f6e2eULL, 0x6e65747573616765ULL};
using TrackerState = std::shared_ptr<NetUsageState>;

// A tracker's state; freed when the JS handle is collected (a read in flight keeps its own reference).
Napi::Value processNetTracker(const Napi::CallbackInfo& info) {
  auto external = Napi::External<TrackerState>::New(info.Env(), new TrackerState(std::make_shared<NetUsageState>()),
                                                    [](Napi::Env, TrackerState* state) { delete state; });
  external.TypeTag(&kTrackerTag);
  return external;
}

Napi::Value processNetUsage(const Napi::CallbackInfo& info) {
  return runAsync<NetUsageReading>(info, "procyon.processNetUsage", [&] {
    const Napi::Object options = optionsArgument(info);
    const Napi::Value handle = options.Get("tracker");
    if (!handle.IsExternal() || !handle.As<Napi::External<TrackerState>>().CheckTypeTag(&kTrackerTag)) {
      throw Error::invalidArgument("tracker must be a handle from processNetTracker()");
    }
    TrackerState state = *handle.As<Napi::External<TrackerState>>().Data();
    std::optional<std::vector<int64_t>> pids = pidsOption(options);
    return [backend = backendFor(info.Env(), options), state, pids] { return backend->processNetUsage(*state, pids ? &*pids : nullptr); };
  });
}

// For tests: the inet socket dumps this process has asked for so far (each walks every socket of the machine).
Napi::Value processNetDumps(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(socketDumps().load(std::memory_order_relaxed)));
}

const ExportRegistrar kExports{{
    {"processNet", processNet, kInternal},
    {"processNetTracker", processNetTracker, kInternal},
    {"processNetUsage", processNetUsage, kInternal},
    {"processNetDumps", processNetDumps, kInternal},
}};

}  // namespace
}  // namespace procyon

// Module init, and the exports of the areas without a binding file of their
// own (cpu times and count, memory, boot time, network, sensors). Every
// function takes one options object (roots already resolved by lib/roots.ts;
// addon_data.h picks the backend) and, except the *Sync variants, returns a
// Promise settled after the work ran on libuv's thread pool.

#include <napi.h>

#include <memory>
#include <optional>
#include <vector>

#include "binding/addon_data.h"
#include "backend.h"
#include "binding/args.h"
#include "binding/native_call.h"
#include "binding/registry.h"
// --- network ---
#include "binding/to_js_net.h"
#include "common/connection_kinds.h"
// --- sensors ---
#include "binding/to_js_sensors.h"

namespace procyon {
namespace {

// The calling thread's CPU time in seconds: what a block of JS cost the
// thread, however long the machine kept it waiting (wall time includes that).
Napi::Value threadCpuTime(const Napi::CallbackInfo& info) {
  const std::optional<double> seconds = backendsOf(info.Env()).live()->threadCpuTime();
  return seconds ? Napi::Value(Napi::Number::New(info.Env(), *seconds)) : info.Env().Null();
}

// Hands the C heap's free pages back to the system: true if any were, null
// where the C library has no such call.
Napi::Value releaseFreeMemory(const Napi::CallbackInfo& info) {
  const std::optional<bool> released = backendsOf(info.Env()).live()->releaseFreeMemory();
  return released ? Napi::Value(Napi::Boolean::New(info.Env(), *released)) : info.Env().Null();
}

Napi::Value cpuTimes(const Napi::CallbackInfo& info) {
  return runAsync<CpuTimesResult>(info, "procyon.cpuTimes", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool percpu = booleanOption(options, "percpu", false);
    return [backend = backendFor(info.Env(), options), percpu]() -> CpuTimesResult {
      if (percpu) return backend->perCpuTimes();
      return backend->cpuTimes();
    };
  });
}

std::optional<uint64_t> countCpus(const Backend& backend, bool logical) {
  return logical ? backend.logicalCpuCount() : backend.physicalCpuCount();
}

Napi::Value cpuCount(const Napi::CallbackInfo& info) {
  return runAsync<std::optional<uint64_t>>(info, "procyon.cpuCount", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool logical = booleanOption(options, "logical", true);
    return [backend = backendFor(info.Env(), options), logical] {
      return countCpus(*backend, logical);
    };
  });
}

Napi::Value cpuCountSync(const Napi::CallbackInfo& info) {
  return runSync(info, [&] {
    const Napi::Object options = optionsArgument(info);
    const bool logical = booleanOption(options, "logical", true);
    return countCpus(*backendFor(info.Env(), options), logical);
  });
}

Napi::Value virtualMemory(const Napi::CallbackInfo& info) {
  return runAsync<VirtualMemory>(info, "procyon.virtualMemory", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->virtualMemory();
    };
  });
}

Napi::Value swapMemory(const Napi::CallbackInfo& info) {
  return runAsync<SwapMemory>(info, "procyon.swapMemory", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->swapMemory();
    };
  });
}

Napi::Value bootTime(const Napi::CallbackInfo& info) {
  return runAsync<double>(info, "procyon.bootTime", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->bootTime();
    };
  });
}

Napi::Value bootTimeSync(const Napi::CallbackInfo& info) {
  return runSync(info, [&] { return backendFor(info.Env(), optionsArgument(info))->bootTime(); });
}

// --- network ---

Napi::Value netIoCounters(const Napi::CallbackInfo& info) {
  return runAsync<NetIoPerNic>(info, "procyon.netIoCounters", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->netIoCounters();
    };
  });
}

// `kind`: a string naming one of psutil's kinds; absent means "inet".
std::string connectionKindOption(Napi::Object options) {
  const Napi::Value value = options.Get("kind");
  if (value.IsUndefined()) return "inet";
  if (!value.IsString()) throw Error::invalidArgument("kind must be a string");
  std::string kind = value.As<Napi::String>().Utf8Value();
  if (!isConnectionKind(kind)) throw Error::invalidArgument(invalidKindMessage(kind));
  return kind;
}

Napi::Value netConnections(const Napi::CallbackInfo& info) {
  return runAsync<NetConnections>(info, "procyon.netConnections", [&] {
    const Napi::Object options = optionsArgument(info);
    return [backend = backendFor(info.Env(), options), kind = connectionKindOption(options)] {
      return backend->netConnections(kind);
    };
  });
}

Napi::Value netIfAddrs(const Napi::CallbackInfo& info) {
  return runAsync<NicAddresses>(info, "procyon.netIfAddrs", [&] {
    // A captured tree has no interfaces to ask: its backend answers none.
    return [backend = backendFor(info.Env(), optionsArgument(info))] { return backend->netIfAddrs(); };
  });
}

Napi::Value netIfStats(const Napi::CallbackInfo& info) {
  return runAsync<NicStatsMap>(info, "procyon.netIfStats", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->netIfStats();
    };
  });
}

// --- sensors ---

Napi::Value sensorsTemperatures(const Napi::CallbackInfo& info) {
  return runAsync<Temperatures>(info, "procyon.sensorsTemperatures", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool fahrenheit = booleanOption(options, "fahrenheit", false);
    return [backend = backendFor(info.Env(), options), fahrenheit] {
      return backend->sensorsTemperatures(fahrenheit);
    };
  });
}

Napi::Value sensorsFans(const Napi::CallbackInfo& info) {
  return runAsync<Fans>(info, "procyon.sensorsFans", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->sensorsFans();
    };
  });
}

Napi::Value sensorsBattery(const Napi::CallbackInfo& info) {
  return runAsync<BatteryResult>(info, "procyon.sensorsBattery", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->sensorsBattery();
    };
  });
}

// Whether the options' roots are the running machine's: Backend::isLive, the
// one place that decides it (lib/roots.ts asks here).
Napi::Value isLive(const Napi::CallbackInfo& info) {
  return runInline(info, [&]() -> Napi::Value {
    return Napi::Boolean::New(info.Env(), backendFor(info.Env(), optionsArgument(info))->isLive());
  });
}

const ExportRegistrar kExports{
    {
        {"cpuTimes", cpuTimes},
        {"cpuCount", cpuCount},
        {"virtualMemory", virtualMemory},
        {"swapMemory", swapMemory},
        {"bootTime", bootTime},
        {"netIoCounters", netIoCounters},
        {"netConnections", netConnections},
        {"netIfAddrs", netIfAddrs},
        {"netIfStats", netIfStats},
        {"sensorsTemperatures", sensorsTemperatures},
        {"sensorsFans", sensorsFans},
        {"sensorsBattery", sensorsBattery},
        {"cpuCountSync", cpuCountSync, kInternal},
        {"bootTimeSync", bootTimeSync, kInternal},
        {"threadCpuTime", threadCpuTime, kInternal},
        {"releaseFreeMemory", releaseFreeMemory, kInternal},
        {"isLive", isLive, kInternal},
    },
    // computed in lib/cpu_percent.ts from cpuTimes readings
    {"cpuPercent", "cpuTimesPercent"}};

}  // namespace
}  // namespace procyon

// Outside any namespace: NODE_API_MODULE pastes this name into an identifier.
// Every binding/<area>.cc registers its own exports (binding/registry.h).
static Napi::Object initCollector(Napi::Env env, Napi::Object exports) {
  using namespace procyon;
  env.SetInstanceData(new AddonData{});
  for (const ExportEntry& entry : registeredExports()) {
    exports.Set(entry.name, Napi::Function::New(env, entry.function, entry.name));
  }
  return exports;
}

NODE_API_MODULE(procyon_collector, initCollector)

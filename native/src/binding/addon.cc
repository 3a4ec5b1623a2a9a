// Module init: the export table. Every function takes one options object
// (roots already resolved by lib/roots.ts) and, except the *Sync variants,
// returns a Promise settled after the work ran on libuv's thread pool.

#include <napi.h>

#include <ctime>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <optional>
#include <vector>

#include "binding/addon_data.h"
#include "backend.h"
#include "binding/args.h"
#include "binding/native_call.h"
// The calling thread's CPU time in seconds: what a block of JS cost the
// thread, however long the machine kept it waiting (wall time includes that).
Napi::Value threadCpuTime(const Napi::CallbackInfo& info) {
#if defined(CLOCK_THREAD_CPUTIME_ID)
  timespec ts{};
  if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0) {
    return Napi::Number::New(info.Env(), static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9);
  }
#endif
  return info.Env().Null();
}

// Hands the C heap's free pages back to the system: true if any were, null
// where the C library has no such call. glibc keeps what a thread's arena
// freed; the collector's worker threads allocate and free a scan's worth of
// text each tick, and those arenas otherwise only grow.
Napi::Value releaseFreeMemory(const Napi::CallbackInfo& info) {
#if defined(__GLIBC__)
  return Napi::Boolean::New(info.Env(), ::malloc_trim(0) == 1);
#else
  return info.Env().Null();
#endif
}

// --- network ---
#include "binding/to_js_net.h"
#include "parse/net_connections.h"
// --- sensors ---
#include "binding/to_js_sensors.h"
// --- processes ---
#include "binding/process.h"

namespace procyon {
namespace {

Napi::Value cpuTimes(const Napi::CallbackInfo& info) {
  return runAsync<CpuTimesResult>(info, "procyon.cpuTimes", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool percpu = booleanOption(options, "percpu", false);
    return [backend = backendOf(info.Env()), roots = rootsOption(options), percpu]() -> CpuTimesResult {
      if (percpu) return backend->perCpuTimes(roots);
      return backend->cpuTimes(roots);
    };
  });
}

std::optional<uint64_t> countCpus(const Backend& backend, const Roots& roots, bool logical) {
  return logical ? backend.logicalCpuCount(roots) : backend.physicalCpuCount(roots);
}

Napi::Value cpuCount(const Napi::CallbackInfo& info) {
  return runAsync<std::optional<uint64_t>>(info, "procyon.cpuCount", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool logical = booleanOption(options, "logical", true);
    return [backend = backendOf(info.Env()), roots = rootsOption(options), logical] {
      return countCpus(*backend, roots, logical);
    };
  });
}

Napi::Value cpuCountSync(const Napi::CallbackInfo& info) {
  return runSync(info, [&] {
    const Napi::Object options = optionsArgument(info);
    const bool logical = booleanOption(options, "logical", true);
    return countCpus(*backendOf(info.Env()), rootsOption(options), logical);
  });
}

Napi::Value virtualMemory(const Napi::CallbackInfo& info) {
  return runAsync<VirtualMemory>(info, "procyon.virtualMemory", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->virtualMemory(roots);
    };
  });
}

Napi::Value swapMemory(const Napi::CallbackInfo& info) {
  return runAsync<SwapMemory>(info, "procyon.swapMemory", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->swapMemory(roots);
    };
  });
}

Napi::Value bootTime(const Napi::CallbackInfo& info) {
  return runAsync<double>(info, "procyon.bootTime", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->bootTime(roots);
    };
  });
}

Napi::Value bootTimeSync(const Napi::CallbackInfo& info) {
  return runSync(info, [&] { return backendOf(info.Env())->bootTime(rootsOption(optionsArgument(info))); });
}

// --- network ---

Napi::Value netIoCounters(const Napi::CallbackInfo& info) {
  return runAsync<NetIoPerNic>(info, "procyon.netIoCounters", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->netIoCounters(roots);
    };
  });
}

// `kind`: a string naming one of psutil's kinds; absent means "inet".
std::string connectionKindOption(Napi::Object options) {
  const Napi::Value value = options.Get("kind");
  if (value.IsUndefined()) return "inet";
  if (!value.IsString()) throw Error::invalidArgument("kind must be a string");
  std::string kind = value.As<Napi::String>().Utf8Value();
  if (!parse::connectionTables(kind)) throw Error::invalidArgument(parse::invalidKindMessage(kind));
  return kind;
}

Napi::Value netConnections(const Napi::CallbackInfo& info) {
  return runAsync<NetConnections>(info, "procyon.netConnections", [&] {
    const Napi::Object options = optionsArgument(info);
    return [backend = backendOf(info.Env()), roots = rootsOption(options), kind = connectionKindOption(options)] {
      return backend->netConnections(roots, kind);
    };
  });
}

Napi::Value netIfAddrs(const Napi::CallbackInfo& info) {
  return runAsync<NicAddresses>(info, "procyon.netIfAddrs", [&] {
    optionsArgument(info);  // validated for a uniform signature; addresses are always live
    return [backend = backendOf(info.Env())] { return backend->netIfAddrs(); };
  });
}

Napi::Value netIfStats(const Napi::CallbackInfo& info) {
  return runAsync<NicStatsMap>(info, "procyon.netIfStats", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->netIfStats(roots);
    };
  });
}

// --- sensors ---

Napi::Value sensorsTemperatures(const Napi::CallbackInfo& info) {
  return runAsync<Temperatures>(info, "procyon.sensorsTemperatures", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool fahrenheit = booleanOption(options, "fahrenheit", false);
    return [backend = backendOf(info.Env()), roots = rootsOption(options), fahrenheit] {
      return backend->sensorsTemperatures(roots, fahrenheit);
    };
  });
}

Napi::Value sensorsFans(const Napi::CallbackInfo& info) {
  return runAsync<Fans>(info, "procyon.sensorsFans", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->sensorsFans(roots);
    };
  });
}

Napi::Value sensorsBattery(const Napi::CallbackInfo& info) {
  return runAsync<BatteryResult>(info, "procyon.sensorsBattery", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->sensorsBattery(roots);
    };
  });
}

}  // namespace
}  // namespace procyon

// Outside any namespace: NODE_API_MODULE pastes this name into an identifier.
static Napi::Object initCollector(Napi::Env env, Napi::Object exports) {
  using namespace procyon;
  env.SetInstanceData(new AddonData{createBackend()});
  exports.Set("cpuTimes", Napi::Function::New(env, cpuTimes, "cpuTimes"));
  exports.Set("cpuCount", Napi::Function::New(env, cpuCount, "cpuCount"));
  exports.Set("cpuCountSync", Napi::Function::New(env, cpuCountSync, "cpuCountSync"));
  exports.Set("virtualMemory", Napi::Function::New(env, virtualMemory, "virtualMemory"));
  exports.Set("swapMemory", Napi::Function::New(env, swapMemory, "swapMemory"));
  exports.Set("bootTime", Napi::Function::New(env, bootTime, "bootTime"));
  exports.Set("bootTimeSync", Napi::Function::New(env, bootTimeSync, "bootTimeSync"));
  exports.Set("threadCpuTime", Napi::Function::New(env, threadCpuTime, "threadCpuTime"));
  exports.Set("releaseFreeMemory", Napi::Function::New(env, releaseFreeMemory, "releaseFreeMemory"));
  registerDescribeExports(env, exports);  // describe, capabilities: binding/describe.cc
  // --- cpu (stats, freq, load): cpu.cc ---
  registerCpuExports(env, exports);
  // --- disks: disks.cc ---
  registerDiskExports(env, exports);
  // --- users: users.cc ---
  registerUsersExports(env, exports);
  // --- systemSnapshot: system_snapshot.cc ---
  registerSnapshotExports(env, exports);
  // --- network ---
  exports.Set("netIoCounters", Napi::Function::New(env, netIoCounters, "netIoCounters"));
  exports.Set("netConnections", Napi::Function::New(env, netConnections, "netConnections"));
  exports.Set("netIfAddrs", Napi::Function::New(env, netIfAddrs, "netIfAddrs"));
  exports.Set("netIfStats", Napi::Function::New(env, netIfStats, "netIfStats"));
  // --- sensors ---
  exports.Set("sensorsTemperatures", Napi::Function::New(env, sensorsTemperatures, "sensorsTemperatures"));
  exports.Set("sensorsFans", Napi::Function::New(env, sensorsFans, "sensorsFans"));
  exports.Set("sensorsBattery", Napi::Function::New(env, sensorsBattery, "sensorsBattery"));
  registerHwmonExports(env, exports);  // hwmon.cc
  // --- processes (and pids, pidExists): process.cc ---
  registerProcessExports(env, exports, env.GetInstanceData<AddonData>()->backend);
  return exports;
}

NODE_API_MODULE(procyon_collector, initCollector)

// Module init: the export table. Every function takes one options object
// (roots already resolved by lib/roots.ts) and, except the *Sync variants,
// returns a Promise settled after the work ran on libuv's thread pool.

#include <napi.h>

#include <memory>
#include <optional>
#include <vector>

#include "backend.h"
#include "js_args.h"
#include "native_call.h"
// --- processes ---
#include "addon_process.h"

namespace procyon {
namespace {

// Workers hold their own reference, so a backend outlives an environment
// torn down while a read is still in flight.
struct AddonData {
  std::shared_ptr<const Backend> backend;
};

std::shared_ptr<const Backend> backendOf(Napi::Env env) { return env.GetInstanceData<AddonData>()->backend; }

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

Napi::Value capabilities(const Napi::CallbackInfo& info) {
  const std::vector<std::string_view> names = backendOf(info.Env())->capabilities();
  Napi::Array array = Napi::Array::New(info.Env(), names.size());
  for (uint32_t i = 0; i < names.size(); ++i) array.Set(i, Napi::String::New(info.Env(), names[i].data(), names[i].size()));
  return array;
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
  exports.Set("capabilities", Napi::Function::New(env, capabilities, "capabilities"));
  // --- processes ---
  registerProcessExports(env, exports, env.GetInstanceData<AddonData>()->backend);
  return exports;
}

NODE_API_MODULE(procyon_collector, initCollector)

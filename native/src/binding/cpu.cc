// Exports: cpuStats, cpuFreq, getloadavg. (cpuPercent / cpuTimesPercent are
// computed in lib/ from cpuTimes readings.)

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/to_js_cpu.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "common/totals.h"

namespace procyon {
namespace {

Napi::Value cpuStats(const Napi::CallbackInfo& info) {
  return runAsync<CpuStats>(info, "procyon.cpuStats", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->cpuStats();
    };
  });
}

Napi::Value cpuFreq(const Napi::CallbackInfo& info) {
  return runAsync<CpuFreqResult>(info, "procyon.cpuFreq", [&] {
    const Napi::Object options = optionsArgument(info);
    const bool percpu = booleanOption(options, "percpu", false);
    return [backend = backendFor(info.Env(), options), percpu]() -> CpuFreqResult {
      std::vector<CpuFreq> cpus = backend->cpuFreq();
      if (percpu) return cpus;
      return averageCpuFreq(cpus);
    };
  });
}

Napi::Value getloadavg(const Napi::CallbackInfo& info) {
  return runAsync<LoadAvg>(info, "procyon.getloadavg", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->loadAvg();
    };
  });
}

const ExportRegistrar kExports{{{"cpuStats", cpuStats}, {"cpuFreq", cpuFreq}, {"getloadavg", getloadavg}}};

}  // namespace

}  // namespace procyon

// Exports: hwmonChips, powerSupplies.

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/to_js_hwmon.h"
#include "binding/native_call.h"
#include "binding/registry.h"

namespace procyon {
namespace {

Napi::Value hwmonChips(const Napi::CallbackInfo& info) {
  return runAsync<HwmonChips>(info, "procyon.hwmonChips", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] { return backend->hwmonChips(); };
  });
}

Napi::Value powerSupplies(const Napi::CallbackInfo& info) {
  return runAsync<PowerSupplies>(info, "procyon.powerSupplies", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] { return backend->powerSupplies(); };
  });
}

const ExportRegistrar kExports{{{"hwmonChips", hwmonChips}, {"powerSupplies", powerSupplies}}};

}  // namespace

}  // namespace procyon

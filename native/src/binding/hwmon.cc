// Exports: hwmonChips, powerSupplies.

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/to_js_hwmon.h"
#include "binding/native_call.h"

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

}  // namespace

void registerHwmonExports(Napi::Env env, Napi::Object exports) {
  exports.Set("hwmonChips", Napi::Function::New(env, hwmonChips, "hwmonChips"));
  exports.Set("powerSupplies", Napi::Function::New(env, powerSupplies, "powerSupplies"));
}

}  // namespace procyon

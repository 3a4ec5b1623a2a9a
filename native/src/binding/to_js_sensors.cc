#include "binding/to_js_sensors.h"

namespace procyon {
Napi::Value toJs(Napi::Env env, const Temperatures& temperatures) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [chip, sensors] : temperatures.chips) {
    object.Set(chip, toJs(env, sensors));
  }
  return object;
}

Napi::Value toJs(Napi::Env env, const Fans& fans) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [chip, list] : fans.chips) {
    object.Set(chip, toJs(env, list));
  }
  return object;
}

Napi::Value toJs(Napi::Env env, const BatteryResult& result) { return optionalToJs(env, result.battery); }

}  // namespace procyon

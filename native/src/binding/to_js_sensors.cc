#include "binding/to_js_sensors.h"

namespace procyon {
Napi::Value toJs(Napi::Env env, const Temperatures& temperatures) { return keyedToJs(env, temperatures.chips); }

Napi::Value toJs(Napi::Env env, const Fans& fans) { return keyedToJs(env, fans.chips); }

Napi::Value toJs(Napi::Env env, const BatteryResult& result) { return optionalToJs(env, result.battery); }

}  // namespace procyon

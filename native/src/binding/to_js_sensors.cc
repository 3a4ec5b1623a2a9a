#include "binding/to_js_sensors.h"

namespace procyon {
namespace {

Napi::Value optionalNumber(Napi::Env env, const std::optional<double>& value) {
  if (!value) return env.Null();
  return Napi::Number::New(env, *value);
}

}  // namespace

Napi::Value toJs(Napi::Env env, const Temperatures& temperatures) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [chip, sensors] : temperatures.chips) {
    Napi::Array array = Napi::Array::New(env, sensors.size());
    for (uint32_t i = 0; i < sensors.size(); ++i) {
      Napi::Object entry = Napi::Object::New(env);
      entry.Set("label", sensors[i].label);
      entry.Set("current", sensors[i].current);
      entry.Set("high", optionalNumber(env, sensors[i].high));
      entry.Set("critical", optionalNumber(env, sensors[i].critical));
      array.Set(i, entry);
    }
    object.Set(chip, array);
  }
  return object;
}

Napi::Value toJs(Napi::Env env, const Fans& fans) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [chip, list] : fans.chips) {
    Napi::Array array = Napi::Array::New(env, list.size());
    for (uint32_t i = 0; i < list.size(); ++i) {
      Napi::Object entry = Napi::Object::New(env);
      entry.Set("label", list[i].label);
      entry.Set("current", list[i].current);
      array.Set(i, entry);
    }
    object.Set(chip, array);
  }
  return object;
}

Napi::Value toJs(Napi::Env env, const BatteryResult& result) {
  if (!result.battery) return env.Null();
  const Battery& battery = *result.battery;
  Napi::Object object = Napi::Object::New(env);
  object.Set("percent", battery.percent);
  object.Set("secsleft", battery.secsleft);
  if (battery.powerPlugged) object.Set("powerPlugged", *battery.powerPlugged);
  else object.Set("powerPlugged", env.Null());
  return object;
}

}  // namespace procyon

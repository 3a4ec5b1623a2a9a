#include "binding/to_js_hwmon.h"

namespace procyon {
namespace {

Napi::Array pairs(Napi::Env env, const std::vector<std::pair<std::string, std::string>>& list) {
  Napi::Array array = Napi::Array::New(env, list.size());
  for (uint32_t i = 0; i < list.size(); ++i) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, list[i].first);
    pair.Set(1u, list[i].second);
    array.Set(i, pair);
  }
  return array;
}

}  // namespace

Napi::Value toJs(Napi::Env env, const HwmonChips& chips) {
  Napi::Array array = Napi::Array::New(env, chips.chips.size());
  for (uint32_t i = 0; i < chips.chips.size(); ++i) {
    const HwmonChip& chip = chips.chips[i];
    Napi::Object object = Napi::Object::New(env);
    object.Set("chip", chip.chip);
    if (chip.chipName) object.Set("chipName", *chip.chipName);
    else object.Set("chipName", env.Null());
    Napi::Array sensors = Napi::Array::New(env, chip.sensors.size());
    for (uint32_t j = 0; j < chip.sensors.size(); ++j) {
      Napi::Object sensor = Napi::Object::New(env);
      sensor.Set("sensor", chip.sensors[j].sensor);
      sensor.Set("type", chip.sensors[j].type);
      sensor.Set("files", pairs(env, chip.sensors[j].files));
      sensors.Set(j, sensor);
    }
    object.Set("sensors", sensors);
    array.Set(i, object);
  }
  return array;
}

Napi::Value toJs(Napi::Env env, const PowerSupplies& supplies) {
  Napi::Array array = Napi::Array::New(env, supplies.supplies.size());
  for (uint32_t i = 0; i < supplies.supplies.size(); ++i) {
    Napi::Object object = Napi::Object::New(env);
    object.Set("name", supplies.supplies[i].name);
    object.Set("attributes", pairs(env, supplies.supplies[i].attributes));
    array.Set(i, object);
  }
  return array;
}

}  // namespace procyon

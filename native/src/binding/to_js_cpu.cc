#include "binding/to_js_cpu.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const std::optional<CpuFreq>& freq) {
  if (!freq) return env.Null();
  return toJs(env, *freq);
}

Napi::Value toJs(Napi::Env env, const CpuFreqResult& freq) {
  return std::visit([env](const auto& value) { return toJs(env, value); }, freq);
}

Napi::Value toJs(Napi::Env env, const LoadAvg& load) {
  Napi::Array array = Napi::Array::New(env, 3);
  array.Set(0u, load.one);
  array.Set(1u, load.five);
  array.Set(2u, load.fifteen);
  return array;
}

}  // namespace procyon

#include "binding/to_js_cpu.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const CpuStats& stats) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("ctxSwitches", stats.ctxSwitches);
  object.Set("interrupts", stats.interrupts);
  object.Set("softInterrupts", stats.softInterrupts);
  object.Set("syscalls", stats.syscalls);
  return object;
}

Napi::Value toJs(Napi::Env env, const CpuFreq& freq) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("current", freq.current);
  object.Set("min", freq.min);
  object.Set("max", freq.max);
  return object;
}

Napi::Value toJs(Napi::Env env, const std::optional<CpuFreq>& freq) {
  if (!freq) return env.Null();
  return toJs(env, *freq);
}

Napi::Value toJs(Napi::Env env, const std::vector<CpuFreq>& freqs) {
  Napi::Array array = Napi::Array::New(env, freqs.size());
  for (uint32_t i = 0; i < freqs.size(); ++i) array.Set(i, toJs(env, freqs[i]));
  return array;
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

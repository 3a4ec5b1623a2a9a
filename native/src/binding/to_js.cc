#include "binding/to_js.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const SystemCpuTimes& times) {
  return std::visit([env](const auto& value) { return toJs(env, value); }, times);
}

Napi::Value toJs(Napi::Env env, const PerCpuTimes& times) {
  return std::visit([env](const auto& value) { return toJs(env, value); }, times);
}

Napi::Value toJs(Napi::Env env, const CpuTimesResult& times) {
  return std::visit([env](const auto& value) { return toJs(env, value); }, times);
}

Napi::Value toJs(Napi::Env env, double number) { return Napi::Number::New(env, number); }

Napi::Value toJs(Napi::Env env, const std::optional<uint64_t>& count) {
  if (!count) return env.Null();
  return Napi::Number::New(env, static_cast<double>(*count));
}

}  // namespace procyon

#include "binding/to_js.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const CpuTimes& times) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("user", times.user);
  object.Set("nice", times.nice);
  object.Set("system", times.system);
  object.Set("idle", times.idle);
  object.Set("iowait", times.iowait);
  object.Set("irq", times.irq);
  object.Set("softirq", times.softirq);
  object.Set("steal", times.steal);
  object.Set("guest", times.guest);
  object.Set("guestNice", times.guestNice);
  return object;
}

Napi::Value toJs(Napi::Env env, const std::vector<CpuTimes>& times) {
  Napi::Array array = Napi::Array::New(env, times.size());
  for (uint32_t i = 0; i < times.size(); ++i) array.Set(i, toJs(env, times[i]));
  return array;
}

Napi::Value toJs(Napi::Env env, const CpuTimesResult& times) {
  return std::visit([env](const auto& value) { return toJs(env, value); }, times);
}

Napi::Value toJs(Napi::Env env, const VirtualMemory& memory) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("total", memory.total);
  object.Set("available", memory.available);
  object.Set("percent", memory.percent);
  object.Set("used", memory.used);
  object.Set("free", memory.free);
  object.Set("active", memory.active);
  object.Set("inactive", memory.inactive);
  object.Set("buffers", memory.buffers);
  object.Set("cached", memory.cached);
  object.Set("shared", memory.shared);
  object.Set("slab", memory.slab);
  return object;
}

Napi::Value toJs(Napi::Env env, const SwapMemory& swap) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("total", swap.total);
  object.Set("used", swap.used);
  object.Set("free", swap.free);
  object.Set("percent", swap.percent);
  object.Set("sin", swap.sin);
  object.Set("sout", swap.sout);
  return object;
}

Napi::Value toJs(Napi::Env env, double number) { return Napi::Number::New(env, number); }

Napi::Value toJs(Napi::Env env, const std::optional<uint64_t>& count) {
  if (!count) return env.Null();
  return Napi::Number::New(env, static_cast<double>(*count));
}

}  // namespace procyon

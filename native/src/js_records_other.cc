#include "js_records_other.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const User& user) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("name", user.name);
  if (user.terminal) object.Set("terminal", *user.terminal);
  else object.Set("terminal", env.Null());
  object.Set("host", user.host);
  object.Set("started", user.started);
  object.Set("pid", static_cast<double>(user.pid));
  return object;
}

Napi::Value toJs(Napi::Env env, const std::vector<User>& users) {
  Napi::Array array = Napi::Array::New(env, users.size());
  for (uint32_t i = 0; i < users.size(); ++i) array.Set(i, toJs(env, users[i]));
  return array;
}

Napi::Value toJs(Napi::Env env, const PidList& pids) {
  Napi::Array array = Napi::Array::New(env, pids.pids.size());
  for (uint32_t i = 0; i < pids.pids.size(); ++i) array.Set(i, static_cast<double>(pids.pids[i]));
  return array;
}

Napi::Value toJs(Napi::Env env, const PidPresence& presence) { return Napi::Boolean::New(env, presence.exists); }

}  // namespace procyon

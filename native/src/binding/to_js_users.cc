#include "binding/to_js_users.h"

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

}  // namespace procyon

#include "binding/to_js_net.h"

namespace procyon {
namespace {


Napi::Value inetAddress(Napi::Env env, const std::optional<InetAddress>& address) {
  if (!address) return env.Null();
  Napi::Object object = Napi::Object::New(env);
  object.Set("ip", address->ip);
  object.Set("port", address->port);
  return object;
}

}  // namespace

Napi::Value toJs(Napi::Env env, const NetIoPerNic& perNic) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [name, counters] : perNic.nics) object.Set(name, toJs(env, counters));
  return object;
}

Napi::Value toJs(Napi::Env env, const NetConnections& connections) {
  Napi::Array array = Napi::Array::New(env, connections.connections.size());
  for (uint32_t i = 0; i < connections.connections.size(); ++i) {
    const NetConnection& connection = connections.connections[i];
    Napi::Object object = Napi::Object::New(env);
    object.Set("fd", connection.fd);
    object.Set("family", connection.family);
    object.Set("type", connection.type);
    if (connection.family == kAfUnix) {
      object.Set("laddr", connection.path);
      object.Set("raddr", "");
    } else {
      object.Set("laddr", inetAddress(env, connection.laddr));
      object.Set("raddr", inetAddress(env, connection.raddr));
    }
    object.Set("status", connection.status);
    if (connection.pid) object.Set("pid", static_cast<double>(*connection.pid));
    else object.Set("pid", env.Null());
    array.Set(i, object);
  }
  return array;
}

Napi::Value toJs(Napi::Env env, const NicAddresses& addresses) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [name, list] : addresses.nics) {
    object.Set(name, toJs(env, list));
  }
  return object;
}

Napi::Value toJs(Napi::Env env, const NicStatsMap& stats) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [name, nic] : stats.nics) object.Set(name, toJs(env, nic));
  return object;
}

}  // namespace procyon

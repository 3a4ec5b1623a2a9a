#include "binding/to_js_net.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const NetIoPerNic& perNic) { return keyedToJs(env, perNic.nics); }

Napi::Object connectionToJs(Napi::Env env, const NetConnection& connection, bool withPid) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("fd", connection.fd);
  object.Set("family", connection.family);
  object.Set("type", connection.type);
  // Not a record's flat field list: laddr/raddr's type depends on the family
  // (psutil gives a unix socket's path as a string, raddr always "").
  if (connection.family == kAfUnix) {
    object.Set("laddr", connection.path);
    object.Set("raddr", "");
  } else {
    object.Set("laddr", optionalToJs(env, connection.laddr));
    object.Set("raddr", optionalToJs(env, connection.raddr));
  }
  object.Set("status", connection.status);
  if (withPid) object.Set("pid", optionalToJs(env, connection.pid));
  return object;
}

Napi::Value toJs(Napi::Env env, const NetConnections& connections) {
  Napi::Array array = Napi::Array::New(env, connections.connections.size());
  for (uint32_t i = 0; i < connections.connections.size(); ++i) {
    array.Set(i, connectionToJs(env, connections.connections[i], true));
  }
  return array;
}

Napi::Value toJs(Napi::Env env, const NicAddresses& addresses) { return keyedToJs(env, addresses.nics); }

Napi::Value toJs(Napi::Env env, const NicStatsMap& stats) { return keyedToJs(env, stats.nics); }

}  // namespace procyon

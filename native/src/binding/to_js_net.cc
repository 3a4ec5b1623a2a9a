#include "binding/to_js_net.h"

namespace procyon {
namespace {

Napi::Value optionalString(Napi::Env env, const std::optional<std::string>& text) {
  if (!text) return env.Null();
  return Napi::String::New(env, *text);
}

Napi::Value inetAddress(Napi::Env env, const std::optional<InetAddress>& address) {
  if (!address) return env.Null();
  Napi::Object object = Napi::Object::New(env);
  object.Set("ip", address->ip);
  object.Set("port", address->port);
  return object;
}

}  // namespace

Napi::Value toJs(Napi::Env env, const NetIoCounters& counters) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("bytesSent", counters.bytesSent);
  object.Set("bytesRecv", counters.bytesRecv);
  object.Set("packetsSent", counters.packetsSent);
  object.Set("packetsRecv", counters.packetsRecv);
  object.Set("errin", counters.errin);
  object.Set("errout", counters.errout);
  object.Set("dropin", counters.dropin);
  object.Set("dropout", counters.dropout);
  return object;
}

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
    Napi::Array array = Napi::Array::New(env, list.size());
    for (uint32_t i = 0; i < list.size(); ++i) {
      Napi::Object entry = Napi::Object::New(env);
      entry.Set("family", list[i].family);
      entry.Set("address", list[i].address);
      entry.Set("netmask", optionalString(env, list[i].netmask));
      entry.Set("broadcast", optionalString(env, list[i].broadcast));
      entry.Set("ptp", optionalString(env, list[i].ptp));
      array.Set(i, entry);
    }
    object.Set(name, array);
  }
  return object;
}

Napi::Value toJs(Napi::Env env, const NicStatsMap& stats) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [name, nic] : stats.nics) {
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("isup", nic.isup);
    entry.Set("duplex", nic.duplex);
    entry.Set("speed", nic.speed);
    entry.Set("mtu", nic.mtu);
    entry.Set("flags", nic.flags);
    object.Set(name, entry);
  }
  return object;
}

}  // namespace procyon

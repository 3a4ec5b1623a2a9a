#pragma once

// Network records to JS values (psutil's field names in camelCase).

#include <napi.h>

#include "binding/to_js_record.h"

#include "common/records_net.h"

namespace procyon {

// { [nic]: NetIoCounters } in /proc/net/dev order.
Napi::Value toJs(Napi::Env env, const NetIoPerNic& perNic);
// { fd, family, type, laddr, raddr, status[, pid] }: psutil's sconn, or
// without pid its pconn (Process.net_connections). Inet addresses are InetAddr
// records or null (psutil's empty tuple); unix ones are path strings, raddr
// always "". Not a record's flat field list: laddr's type depends on family.
Napi::Object connectionToJs(Napi::Env env, const NetConnection& connection, bool withPid);
// An array of connectionToJs(..., withPid = true).
Napi::Value toJs(Napi::Env env, const NetConnections& connections);
Napi::Value toJs(Napi::Env env, const NicAddresses& addresses);
Napi::Value toJs(Napi::Env env, const NicStatsMap& stats);

}  // namespace procyon

#pragma once

// Network records to JS values (psutil's field names in camelCase).

#include <napi.h>

#include "binding/to_js_record.h"

#include "common/records_net.h"

namespace procyon {

// { [nic]: NetIoCounters } in /proc/net/dev order.
Napi::Value toJs(Napi::Env env, const NetIoPerNic& perNic);
// [{ fd, family, type, laddr, raddr, status, pid }]: inet addresses are
// { ip, port } or null (psutil's empty tuple); unix ones are path strings,
// raddr always "".
Napi::Value toJs(Napi::Env env, const NetConnections& connections);
Napi::Value toJs(Napi::Env env, const NicAddresses& addresses);
Napi::Value toJs(Napi::Env env, const NicStatsMap& stats);

}  // namespace procyon

#pragma once

// psutil's net_connections on Windows, shared by the system-wide function
// (net_connections.cc) and Process.net_connections (process_read.cc).

#include <cstdint>
#include <optional>
#include <string>

#include "common/records_net.h"

namespace procyon::win {

// The TCP and UDP sockets of psutil's `kind` (IPv4 and IPv6 owner-pid
// tables), each with its owning pid; only `pid`'s when given. INVALID_ARGUMENT
// for a kind Windows lacks ("unix": psutil's conn_tmap has none there).
NetConnections connections(const std::string& kind, std::optional<int64_t> pid);

}  // namespace procyon::win

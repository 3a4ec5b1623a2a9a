#pragma once

#include <cstdint>
#include <optional>

#include "common/metric.h"
#include "common/record.h"

// Socket counts by protocol (Linux's /proc/net/sockstat and sockstat6, the
// figures `ss -s` prints; beyond psutil): how many sockets each protocol
// holds, how many TCP connections wait in TIME_WAIT or lost their process,
// and the buffer memory they pin. Per network namespace, like the rest of
// /proc/net.

namespace procyon {

// One protocol's line, each count null where the kernel's line has no such
// key (UDP has no tw, RAW only inuse). tw, orphan, alloc and mem on the TCP
// line count IPv4 and IPv6 together; inuse is per family.
#define PROCYON_SOCKSTAT_PROTOCOL_FIELDS(X)      \
  X(std::optional<uint64_t>, inuse, std::nullopt)  \
  X(std::optional<uint64_t>, orphan, std::nullopt) \
  X(std::optional<uint64_t>, tw, std::nullopt)     \
  X(std::optional<uint64_t>, alloc, std::nullopt)  \
  X(std::optional<uint64_t>, mem, std::nullopt)    \
  X(std::optional<uint64_t>, memBytes, std::nullopt) \
  X(std::optional<uint64_t>, memory, std::nullopt)
PROCYON_RECORD(SockstatProtocol, PROCYON_SOCKSTAT_PROTOCOL_FIELDS)
#undef PROCYON_SOCKSTAT_PROTOCOL_FIELDS

// `used`: sockets of every family in use ("sockets: used"). Each protocol
// null when its line is absent (the IPv6 ones where IPv6 is off).
#define PROCYON_NET_SOCKET_STATS_FIELDS(X)                    \
  X(std::optional<uint64_t>, used, std::nullopt)              \
  X(std::optional<SockstatProtocol>, tcp, std::nullopt)       \
  X(std::optional<SockstatProtocol>, udp, std::nullopt)       \
  X(std::optional<SockstatProtocol>, udplite, std::nullopt)   \
  X(std::optional<SockstatProtocol>, raw, std::nullopt)       \
  X(std::optional<SockstatProtocol>, frag, std::nullopt)      \
  X(std::optional<SockstatProtocol>, tcp6, std::nullopt)      \
  X(std::optional<SockstatProtocol>, udp6, std::nullopt)      \
  X(std::optional<SockstatProtocol>, udplite6, std::nullopt)  \
  X(std::optional<SockstatProtocol>, raw6, std::nullopt)      \
  X(std::optional<SockstatProtocol>, frag6, std::nullopt)
PROCYON_RECORD(NetSocketStats, PROCYON_NET_SOCKET_STATS_FIELDS)
#undef PROCYON_NET_SOCKET_STATS_FIELDS

// netSocketStats(): the collector function, its snapshot topic and its capability.
PROCYON_METRIC(netSocketStats, NetSocketStats)

}  // namespace procyon

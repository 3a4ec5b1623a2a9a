#pragma once

#include "common/record.h"

// The psutil-shaped network records (net_io_counters, net_connections,
// net_if_addrs, net_if_stats). Numbers are doubles because they become JS
// numbers; counters stay exact below 2^53.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace procyon {

// psutil's snetio for one NIC (or the sum of all NICs).
#define PROCYON_NET_IO_COUNTERS_FIELDS(X) \
  X(double, bytesSent, 0) \
  X(double, bytesRecv, 0) \
  X(double, packetsSent, 0) \
  X(double, packetsRecv, 0) \
  X(double, errin, 0) \
  X(double, errout, 0) \
  X(double, dropin, 0) \
  X(double, dropout, 0)
PROCYON_RECORD(NetIoCounters, PROCYON_NET_IO_COUNTERS_FIELDS)
#undef PROCYON_NET_IO_COUNTERS_FIELDS

// net_io_counters(pernic=True, nowrap=False): raw counters per NIC, in
// /proc/net/dev order. The wrap correction and the sum live in lib/network.ts.
struct NetIoPerNic {
  std::vector<std::pair<std::string, NetIoCounters>> nics;
};

// Address families and socket types as Linux numbers them (psutil reports
// the same numbers through Python's socket enums).
constexpr int kAfUnix = 1;
constexpr int kAfInet = 2;
constexpr int kAfInet6 = 10;
constexpr int kAfPacket = 17;  // psutil.AF_LINK on Linux
constexpr int kSockStream = 1;
constexpr int kSockDgram = 2;

// psutil's addr(ip, port).
#define PROCYON_INET_ADDR_FIELDS(X) X(std::string, ip, {}) X(int, port, 0)
PROCYON_RECORD(InetAddr, PROCYON_INET_ADDR_FIELDS)
#undef PROCYON_INET_ADDR_FIELDS

// psutil's sconn. For AF_INET/AF_INET6 the address is laddr/raddr (nullopt
// where psutil has an empty tuple); for AF_UNIX it is the path (psutil's
// laddr string; raddr is always "").
struct NetConnection {
  int fd = -1;
  int family = 0;
  int type = 0;
  std::optional<InetAddr> laddr;
  std::optional<InetAddr> raddr;
  std::string path;
  std::string status;
  std::optional<int64_t> pid;
};

struct NetConnections {
  std::vector<NetConnection> connections;
};

// psutil's snicaddr. Optional fields are psutil's None.
#define PROCYON_NIC_ADDRESS_FIELDS(X) \
  X(int, family, 0) \
  X(std::string, address, {}) \
  X(std::optional<std::string>, netmask, {}) \
  X(std::optional<std::string>, broadcast, {}) \
  X(std::optional<std::string>, ptp, {})
PROCYON_RECORD(NicAddress, PROCYON_NIC_ADDRESS_FIELDS)
#undef PROCYON_NIC_ADDRESS_FIELDS

struct NicAddresses {
  std::vector<std::pair<std::string, std::vector<NicAddress>>> nics;
};

// psutil's snicstats. duplex: NIC_DUPLEX_FULL=2, HALF=1, UNKNOWN=0.
#define PROCYON_NIC_STATS_FIELDS(X) \
  X(bool, isup, false) \
  X(int, duplex, 0) \
  X(double, speed, 0) \
  X(double, mtu, 0) \
  X(std::string, flags, {})
PROCYON_RECORD(NicStats, PROCYON_NIC_STATS_FIELDS)
#undef PROCYON_NIC_STATS_FIELDS

struct NicStatsMap {
  std::vector<std::pair<std::string, NicStats>> nics;
};

}  // namespace procyon

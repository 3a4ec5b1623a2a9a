#pragma once

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
struct NetIoCounters {
  double bytesSent = 0;
  double bytesRecv = 0;
  double packetsSent = 0;
  double packetsRecv = 0;
  double errin = 0;
  double errout = 0;
  double dropin = 0;
  double dropout = 0;
};

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
struct InetAddress {
  std::string ip;
  int port = 0;
};

// psutil's sconn. For AF_INET/AF_INET6 the address is laddr/raddr (nullopt
// where psutil has an empty tuple); for AF_UNIX it is the path (psutil's
// laddr string; raddr is always "").
struct NetConnection {
  int fd = -1;
  int family = 0;
  int type = 0;
  std::optional<InetAddress> laddr;
  std::optional<InetAddress> raddr;
  std::string path;
  std::string status;
  std::optional<int64_t> pid;
};

struct NetConnections {
  std::vector<NetConnection> connections;
};

// psutil's snicaddr. Optional fields are psutil's None.
struct NicAddress {
  int family = 0;
  std::string address;
  std::optional<std::string> netmask;
  std::optional<std::string> broadcast;
  std::optional<std::string> ptp;
};

struct NicAddresses {
  std::vector<std::pair<std::string, std::vector<NicAddress>>> nics;
};

// psutil's snicstats. duplex: NIC_DUPLEX_FULL=2, HALF=1, UNKNOWN=0.
struct NicStats {
  bool isup = false;
  int duplex = 0;
  double speed = 0;
  double mtu = 0;
  std::string flags;
};

struct NicStatsMap {
  std::vector<std::pair<std::string, NicStats>> nics;
};

}  // namespace procyon

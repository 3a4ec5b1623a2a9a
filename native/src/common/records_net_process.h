#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/record.h"
#include "common/records_net.h"

// Network use per process (beyond psutil): every TCP and UDP socket of the
// inet dump (NETLINK_SOCK_DIAG) with the process it is attributed to and,
// for TCP, its cumulative byte counters. lib/process_net.ts makes rates.

namespace procyon {

// One socket. `pid`: the lowest pid holding it, or nullopt where no process
// this user can read holds it (another user's, or its holder exited).
// bytesSent/bytesReceived: tcp_info's tcpi_bytes_acked/tcpi_bytes_received;
// nullopt for UDP (sock_diag keeps no byte counters for it).
#define PROCYON_SOCKET_USE_FIELDS(X)                 \
  X(double, inode, 0)                                \
  X(std::optional<double>, pid, std::nullopt)        \
  X(std::string, protocol, {})                       \
  X(int, family, 0)                                  \
  X(std::string, status, {})                         \
  X(std::optional<InetAddr>, laddr, std::nullopt)    \
  X(std::optional<InetAddr>, raddr, std::nullopt)    \
  X(std::optional<double>, bytesSent, std::nullopt)  \
  X(std::optional<double>, bytesReceived, std::nullopt)
PROCYON_RECORD(SocketUse, PROCYON_SOCKET_USE_FIELDS)
#undef PROCYON_SOCKET_USE_FIELDS

// processNet(): monotonic seconds when the dump began, its sockets, and
// how many entries the kept inode → process map holds after it (inodes,
// pids and inodes no readable process holds: bounded by what exists now).
#define PROCYON_PROCESS_NET_READING_FIELDS(X) \
  X(double, timestamp, 0) X(std::vector<SocketUse>, sockets, {}) X(double, mapEntries, 0)
PROCYON_RECORD(ProcessNetReading, PROCYON_PROCESS_NET_READING_FIELDS)
#undef PROCYON_PROCESS_NET_READING_FIELDS

// A process's TCP traffic as one tracker sees it (common/net_usage.h): bytes
// since the tracker first saw the process's sockets, rates since its previous
// read (nullopt on its first, or when no time passed); TCP sockets counted and
// UDP sockets listed but not counted.
#define PROCYON_PROCESS_NET_FIELDS(X)                   \
  X(double, receiveBytes, 0)                            \
  X(double, transmitBytes, 0)                           \
  X(std::optional<double>, receiveRate, std::nullopt)   \
  X(std::optional<double>, transmitRate, std::nullopt)  \
  X(double, sockets, 0)                                 \
  X(double, uncounted, 0)
PROCYON_RECORD(ProcessNet, PROCYON_PROCESS_NET_FIELDS)
#undef PROCYON_PROCESS_NET_FIELDS

// processNetUsage(): one tracker's read. processes[i] is pids[i]'s; otherUsers
// sums the sockets no process this user can read holds. trackerEntries: the
// sockets and process totals the tracker keeps (bounded by what exists now).
// sockets: with `pids`, those processes' sockets from the same dump, each
// listed for every asked pid holding it (its `pid`), as processNet({pids});
// receiveRates[i]/transmitRates[i] are sockets[i]'s: what its counters grew
// since the same tracker's previous dump over the time between the two (all
// it carries when it is new since then); null on the tracker's first read,
// for UDP, or when no time passed.
#define PROCYON_NET_USAGE_READING_FIELDS(X)  \
  X(double, timestamp, 0)                    \
  X(std::vector<double>, pids, {})           \
  X(std::vector<ProcessNet>, processes, {})  \
  X(ProcessNet, otherUsers, {})              \
  X(double, mapEntries, 0)                   \
  X(double, trackerEntries, 0)               \
  X(std::vector<SocketUse>, sockets, {})                    \
  X(std::vector<std::optional<double>>, receiveRates, {})   \
  X(std::vector<std::optional<double>>, transmitRates, {})
PROCYON_RECORD(NetUsageReading, PROCYON_NET_USAGE_READING_FIELDS)
#undef PROCYON_NET_USAGE_READING_FIELDS

}  // namespace procyon

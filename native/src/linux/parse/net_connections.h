#pragma once

// /proc/net/{tcp,tcp6,udp,udp6,unix} and the kind table of psutil's
// net_connections (system-wide, and a process's: the same lines filtered by
// its socket inodes). Pure: the pid/fd mapping is done by linux/net_connections.cc.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/records_net.h"

namespace procyon::parse {

// One table psutil reads for a kind: /proc/net/<file>, its family and
// socket type (0 for unix, whose lines carry their own type).
struct ConnectionTable {
  std::string_view file;
  int family;
  int type;
};

// The tables of `kind` (common/connection_kinds.h), in psutil's order; nullopt for an unknown kind.
std::optional<std::vector<ConnectionTable>> connectionTables(std::string_view kind);

// A line of /proc/net/tcp* or udp*.
struct InetSocketLine {
  std::optional<InetAddr> laddr;  // nullopt when the port is 0 (psutil's ())
  std::optional<InetAddr> raddr;
  std::string status;  // psutil's CONN_* for TCP, "NONE" otherwise
  uint64_t inode = 0;
};

// Parses a tcp/tcp6/udp/udp6 table (first line is the header). `family` is
// AF_INET or AF_INET6; `type` SOCK_STREAM maps the st column to psutil's
// TCP statuses, anything else gives "NONE". Addresses are decoded in the
// byte order of the machine that wrote the file (`littleEndian`, which for
// a live /proc is the host's). PARSE_ERROR on lines psutil cannot split.
std::vector<InetSocketLine> parseInetSockets(std::string_view text, int family, int type, bool littleEndian);

// A line of /proc/net/unix.
struct UnixSocketLine {
  int type = 0;
  std::string path;  // "" for unnamed sockets
  uint64_t inode = 0;
};

// Parses /proc/net/unix (first line is the header). Lines without a space are
// skipped (psutil issue #766); other lines with fewer than 7 columns are a
// PARSE_ERROR.
std::vector<UnixSocketLine> parseUnixSockets(std::string_view text);

// "0500000A:0016" → {"10.0.0.5", 22}; nullopt for port 0. PARSE_ERROR on bad hex.
std::optional<InetAddr> decodeInetAddress(std::string_view text, int family, bool littleEndian);

// Dotted quad / RFC 5952 text exactly as glibc's inet_ntop writes it.
std::string formatIpv4(const std::array<uint8_t, 4>& bytes);
std::string formatIpv6(const std::array<uint8_t, 16>& bytes);

// The inode of a <pid>/fd link target "socket:[12345]"; nullopt for anything else.
std::optional<uint64_t> socketInode(std::string_view target);

// Every status a connection can have: the TCP states' psutil names, then NONE.
std::vector<std::string_view> connectionStatusNames();

// True when this machine stores integers little-endian (psutil's LITTLE_ENDIAN).
bool hostIsLittleEndian();

}  // namespace procyon::parse

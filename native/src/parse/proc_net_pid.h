#pragma once

// /proc/net/{tcp,tcp6,udp,udp6,unix} rows, for Process.netConnections()
// (the pid-scoped part: the I/O layer matches the rows' inodes against the
// process's socket fds). Pure parsers; the header line is skipped.

#include <string_view>
#include <vector>

#include "common/records_process.h"

namespace procyon::parse {

// family: 2 (AF_INET) or 10 (AF_INET6); addresses are decoded as psutil does
// (kernel-order hex words, printed by inet_ntop).
std::vector<InetSocketRow> parseProcNetInet(std::string_view text, int family);

std::vector<UnixSocketRow> parseProcNetUnix(std::string_view text);

// psutil's TCP_STATUSES ("ESTABLISHED", …, "LISTEN"); "NONE" for unknown.
std::string_view tcpStatusName(int state);

// "socket:[12345]" → 12345; 0 when the link names no socket.
uint64_t socketInodeOfLink(std::string_view link);

}  // namespace procyon::parse

#pragma once

// A process's view of /proc/net: the system-wide parse (net_connections.cc)
// filtered by the process's socket inodes, as psutil's Process.net_connections.

#include <cstdint>
#include <string>

#include "common/records_net.h"

namespace procyon {

class Procfs;

namespace linux_net {

// INVALID_ARGUMENT (psutil's ValueError text) unless `kind` is one of psutil's kinds.
void checkKind(const std::string& kind);

// <pid>'s connections of `kind`: lines whose inode one of its descriptors
// holds (psutil: the first such descriptor of an inet socket, each of a unix
// one). Throws what listing <pid>/fd throws.
NetConnections processConnections(const Procfs& procfs, int64_t pid, const std::string& kind);

}  // namespace linux_net
}  // namespace procyon

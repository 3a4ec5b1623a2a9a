// psutil's _pslinux.Connections: /proc/net/{tcp,tcp6,udp,udp6,unix}, with
// sockets mapped to a pid and fd through the "socket:[inode]" links under
// <procfs>/<pid>/fd.

#include <algorithm>
#include <cerrno>
#include <unordered_map>
#include <unordered_set>

#include "common/connection_kinds.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/net_connections.h"
#include "linux/procfs.h"
#include "linux/parse/net_connections.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

struct Owner {
  int64_t pid;
  int fd;
};

using InodeOwners = std::unordered_map<uint64_t, std::vector<Owner>>;

// The socket inodes among <pid>'s descriptors, in directory order. Throws
// what listing <pid>/fd throws.
InodeOwners inodesOf(const Procfs& procfs, int64_t pid) {
  InodeOwners mine;
  for (const Procfs::FdLink& link : procfs.fdLinks(pid)) {
    if (link.fd > INT32_MAX) continue;
    if (const auto inode = parse::socketInode(link.target)) mine[*inode].push_back({pid, static_cast<int>(link.fd)});
  }
  return mine;
}

// psutil's get_all_inodes: pids in ascending order; a pid that also holds an
// inode seen earlier replaces the earlier pid's entries (dict.update). Pids
// that vanish or deny access are skipped.
InodeOwners scanInodes(const Procfs& procfs) {
  InodeOwners owners;
  for (const int64_t pid : procfs.pids()) {
    try {
      for (auto& [inode, list] : inodesOf(procfs, pid)) owners[inode] = std::move(list);
    } catch (const Error&) {
    }
  }
  return owners;
}

std::string addressKey(const std::optional<InetAddr>& address) {
  return address ? address->ip + "]" + std::to_string(address->port) : std::string("()");
}

// psutil returns list(set(...)): equal tuples collapse. We keep file order.
class Collector {
 public:
  void add(NetConnection connection) {
    std::string key = std::to_string(connection.fd) + "|" + std::to_string(connection.family) + "|" +
                      std::to_string(connection.type) + "|" + addressKey(connection.laddr) + "|" +
                      addressKey(connection.raddr) + "|" + connection.status + "|" +
                      (connection.pid ? std::to_string(*connection.pid) : "None") + "|" + connection.path;
    if (seen_.insert(std::move(key)).second) result_.connections.push_back(std::move(connection));
  }
  NetConnections take() { return std::move(result_); }

 private:
  std::unordered_set<std::string> seen_;
  NetConnections result_;
};

// psutil's Connections.retrieve(kind, pid): the tables of `kind`, each line
// with the (pid, fd) that holds its inode; with `onlyPid`, only that pid's
// lines (psutil's filter_pid).
NetConnections retrieve(const Procfs& procfs, const std::vector<parse::ConnectionTable>& tables, const InodeOwners& owners,
                        std::optional<int64_t> onlyPid) {
  const bool littleEndian = parse::hostIsLittleEndian();
  FileReader& files = threadReader();
  Collector collector;

  for (const parse::ConnectionTable& table : tables) {
    const std::string relative = "net/" + std::string(table.file);
    std::string_view text;
    if (table.file.back() == '6') {
      // psutil: a missing tcp6/udp6 means IPv6 is not supported; not an error.
      const auto maybe = procfs.readIfExists(relative);
      if (!maybe) continue;
      text = *maybe;
    } else {
      text = procfs.read(relative);
    }

    if (table.family == kAfUnix) {
      const auto sockets = annotatePath(files.path(), [&] { return parse::parseUnixSockets(text); });
      for (const parse::UnixSocketLine& socket : sockets) {
        static const std::vector<Owner> kUnknown = {{-1, -1}};
        const auto found = owners.find(socket.inode);
        for (const Owner& owner : found != owners.end() ? found->second : kUnknown) {
          if (onlyPid && owner.pid != *onlyPid) continue;
          NetConnection connection;
          connection.fd = owner.fd;
          connection.family = kAfUnix;
          connection.type = socket.type;
          connection.path = socket.path;
          connection.status = "NONE";
          if (owner.pid >= 0) connection.pid = owner.pid;
          collector.add(std::move(connection));
        }
      }
      continue;
    }

    auto sockets = annotatePath(files.path(), [&] {
      return parse::parseInetSockets(text, table.family, table.type, littleEndian);
    });
    for (parse::InetSocketLine& socket : sockets) {
      NetConnection connection;
      // Inet sockets are assumed unique: psutil takes the first (pid, fd).
      if (const auto found = owners.find(socket.inode); found != owners.end() && !found->second.empty()) {
        connection.fd = found->second.front().fd;
        connection.pid = found->second.front().pid;
      }
      if (onlyPid && connection.pid != onlyPid) continue;
      connection.family = table.family;
      connection.type = table.type;
      connection.laddr = std::move(socket.laddr);
      connection.raddr = std::move(socket.raddr);
      connection.status = std::move(socket.status);
      collector.add(std::move(connection));
    }
  }
  return collector.take();
}

const std::vector<parse::ConnectionTable>& tablesOf(const std::string& kind, std::optional<std::vector<parse::ConnectionTable>>& tables) {
  tables = parse::connectionTables(kind);
  if (!tables) throw Error::invalidArgument(invalidKindMessage(kind));
  return *tables;
}

}  // namespace

NetConnections LinuxBackend::netConnections(const std::string& kind) const {
  std::optional<std::vector<parse::ConnectionTable>> tables;
  tablesOf(kind, tables);
  const Procfs procfs(roots_);
  return retrieve(procfs, *tables, scanInodes(procfs), std::nullopt);
}

namespace linux_net {

void checkKind(const std::string& kind) {
  if (!isConnectionKind(kind)) throw Error::invalidArgument(invalidKindMessage(kind));
}

NetConnections processConnections(const Procfs& procfs, int64_t pid, const std::string& kind) {
  std::optional<std::vector<parse::ConnectionTable>> tables;
  tablesOf(kind, tables);
  const InodeOwners owners = inodesOf(procfs, pid);
  if (owners.empty()) return {};
  return retrieve(procfs, *tables, owners, pid);
}

}  // namespace linux_net

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"netConnections", Root::Procfs, {"net/tcp", "net/tcp6", "net/udp", "net/udp6", "net/unix"}},
};

}  // namespace

}  // namespace procyon

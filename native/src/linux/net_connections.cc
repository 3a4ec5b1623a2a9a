// psutil's _pslinux.Connections: /proc/net/{tcp,tcp6,udp,udp6,unix}, with
// sockets mapped to a pid and fd through the "socket:[inode]" links under
// <procfs>/<pid>/fd.

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <unordered_map>
#include <unordered_set>

#include "common/directory.h"
#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "parse/net_connections.h"
#include "parse/text.h"

namespace procyon {
namespace {

struct Owner {
  int64_t pid;
  int fd;
};

using InodeOwners = std::unordered_map<uint64_t, std::vector<Owner>>;

bool allDigits(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The inode of a "socket:[12345]" link target; nullopt for anything else.
std::optional<uint64_t> socketInode(std::string_view target) {
  constexpr std::string_view prefix = "socket:[";
  if (!parse::startsWith(target, prefix) || target.size() < prefix.size() + 2 || target.back() != ']') return std::nullopt;
  return parse::toUint64(target.substr(prefix.size(), target.size() - prefix.size() - 1));
}

std::optional<std::string> readLink(const std::string& path) {
  std::string target(256, '\0');
  for (;;) {
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) return std::nullopt;  // gone (ENOENT), not a link (EINVAL), denied: skipped as psutil
    if (static_cast<size_t>(n) < target.size()) {
      target.resize(static_cast<size_t>(n));
      return target;
    }
    if (target.size() >= 64 * 1024) return std::nullopt;
    target.resize(target.size() * 2);
  }
}

// psutil's get_all_inodes: pids in ascending order, each pid's links in
// directory order; a pid that also holds an inode seen earlier replaces the
// earlier pid's entries (dict.update). Pids that vanish or deny access are skipped.
InodeOwners scanInodes(const std::string& procfs) {
  std::vector<int64_t> pids;
  for (const std::string& name : listDirectory(procfs)) {
    if (!allDigits(name) || name.size() > 18) continue;
    pids.push_back(static_cast<int64_t>(*parse::toUint64(name)));
  }
  std::sort(pids.begin(), pids.end());

  InodeOwners owners;
  for (const int64_t pid : pids) {
    const std::string fdDirectory = joinPath(procfs, std::to_string(pid) + "/fd");
    InodeOwners mine;
    for (const std::string& fd : listDirectory(fdDirectory)) {
      if (!allDigits(fd) || fd.size() > 9) continue;
      const auto target = readLink(fdDirectory + "/" + fd);
      if (!target) continue;
      const auto inode = socketInode(*target);
      if (!inode) continue;
      mine[*inode].push_back({pid, static_cast<int>(*parse::toUint64(fd))});
    }
    for (auto& [inode, list] : mine) owners[inode] = std::move(list);
  }
  return owners;
}

std::string addressKey(const std::optional<InetAddress>& address) {
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

}  // namespace

NetConnections LinuxBackend::netConnections(const std::string& kind) const {
  const auto tables = parse::connectionTables(kind);
  if (!tables) throw Error::invalidArgument(parse::invalidKindMessage(kind));

  const InodeOwners owners = scanInodes(roots_.procfs);
  const bool littleEndian = parse::hostIsLittleEndian();
  FileReader& files = reader();
  Collector collector;

  for (const parse::ConnectionTable& table : *tables) {
    const std::string relative = "net/" + std::string(table.file);
    std::string_view text;
    if (table.file.back() == '6') {
      // psutil: a missing tcp6/udp6 means IPv6 is not supported; not an error.
      const auto maybe = files.readIfExists(roots_.procfs, relative);
      if (!maybe) continue;
      text = *maybe;
    } else {
      text = files.read(roots_.procfs, relative);
    }

    if (table.family == kAfUnix) {
      const auto sockets = annotatePath(files.path(), [&] { return parse::parseUnixSockets(text); });
      for (const parse::UnixSocketLine& socket : sockets) {
        static const std::vector<Owner> kUnknown = {{-1, -1}};
        const auto found = owners.find(socket.inode);
        for (const Owner& owner : found != owners.end() ? found->second : kUnknown) {
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
      connection.family = table.family;
      connection.type = table.type;
      connection.laddr = std::move(socket.laddr);
      connection.raddr = std::move(socket.raddr);
      connection.status = std::move(socket.status);
      // Inet sockets are assumed unique: psutil takes the first (pid, fd).
      if (const auto found = owners.find(socket.inode); found != owners.end() && !found->second.empty()) {
        connection.fd = found->second.front().fd;
        connection.pid = found->second.front().pid;
      }
      collector.add(std::move(connection));
    }
  }
  return collector.take();
}

}  // namespace procyon

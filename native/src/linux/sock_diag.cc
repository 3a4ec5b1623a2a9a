// Network use per process without root: the kernel's inet socket dump
// (NETLINK_SOCK_DIAG) gives each TCP socket's inode, cookie and tcp_info byte
// counters, and /proc/<pid>/fd's `socket:[inode]` links say which process
// holds it.
//
// What a dump costs is the kernel's: filling each socket's answer (about a
// microsecond each, tcp_info included) and walking its whole TCP hash table
// (every bucket and every socket in it, whatever the request's family). So
// TCP is asked for once for both families (the TCPDIAG_GETSOCK request, whose
// dump is AF_UNSPEC; SOCK_DIAG_BY_FAMILY per family, two walks, where a kernel
// refuses it), and without TIME_WAIT, whose sockets no file holds.
//
// The inode → process map is kept between reads (per procfs root) and only
// the processes whose fd set may have changed are walked again: pids not
// seen before, and, when the dump has sockets of unknown inode, the readable
// processes of the uid that owns those sockets (those whose fd count moved
// first, all of them only when that does not find every one). A socket several processes
// hold (a fork's inheritance, SCM_RIGHTS) is attributed to the lowest pid
// holding it, so it is counted once and to the same process every read.
// Inodes still unknown after two such walks are remembered (until they leave
// the dump) so an other user's socket does not make every read walk again.

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/error.h"
#include "common/net_usage.h"
#include "common/records_net_process.h"
#include "common/unique_fd.h"
#include "linux/linux_backend.h"
#include "linux/parse/net_connections.h"
#include "linux/parse/sock_diag.h"
#include "linux/process_host.h"
#include "linux/procfs.h"

namespace procyon {
namespace {

// The most sockets one dump keeps (a host with more is answered PARSE_ERROR rather than held without bound).
constexpr size_t kMaxSockets = 1u << 21;
// How many walks look for a socket no readable process holds before it is left to "other users".
constexpr int kLookups = 2;
// A netlink dump datagram is at most a few pages; a bigger one is cut and reported.
constexpr size_t kRecvBuffer = 64 * 1024;

// TCP states asked for: all but TIME_WAIT (a timewait socket has no inode and
// no counters; a host that closes many connections holds thousands of them).
constexpr uint32_t kTcpStates = ~0u & ~(1u << 6);

// Sends one dump request (`request`, `size` bytes: its nlmsghdr first) and
// appends every socket of the answer to `out`.
void dumpRequest(const void* request, size_t size, std::vector<parse::DiagSocket>& out) {
  UniqueFd fd(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG));
  if (fd.get() < 0) throw Error::fromErrno(errno, "socket(NETLINK_SOCK_DIAG)", "netlink:sock_diag");
  // The kernel answers a dump at once; a bound wait keeps a wedged answer from holding the worker.
  const timeval timeout{5, 0};
  ::setsockopt(fd.get(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  if (::sendto(fd.get(), request, size, 0, reinterpret_cast<const sockaddr*>(&kernel), sizeof kernel) < 0) {
    throw Error::fromErrno(errno, "send(NETLINK_SOCK_DIAG)", "netlink:sock_diag");
  }
  std::vector<char> buffer(kRecvBuffer);
  for (;;) {
    const ssize_t n = ::recv(fd.get(), buffer.data(), buffer.size(), MSG_TRUNC);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error::fromErrno(errno, "recv(NETLINK_SOCK_DIAG)", "netlink:sock_diag");
    }
    if (static_cast<size_t>(n) > buffer.size()) throw Error::parse("sock_diag: a datagram larger than the receive buffer");
    if (n == 0) throw Error::parse("sock_diag: the dump ended without NLMSG_DONE");
    if (parse::parseDiagBatch({buffer.data(), static_cast<size_t>(n)}, out, kMaxSockets) == parse::DiagBatch::Done) return;
  }
}

// Every socket of one family and protocol in `states` (SOCK_DIAG_BY_FAMILY).
void dump(int family, int protocol, bool withInfo, uint32_t states, std::vector<parse::DiagSocket>& out) {
  struct {
    nlmsghdr header;
    inet_diag_req_v2 request;
  } message{};
  message.header.nlmsg_len = sizeof message;
  message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  message.header.nlmsg_seq = 1;
  message.request.sdiag_family = static_cast<uint8_t>(family);
  message.request.sdiag_protocol = static_cast<uint8_t>(protocol);
  message.request.idiag_states = states;
  if (withInfo) message.request.idiag_ext = 1u << (INET_DIAG_INFO - 1);
  dumpRequest(&message, sizeof message, out);
}

// Whether the kernel took the one-walk TCP request (it is older than
// SOCK_DIAG_BY_FAMILY; a kernel without it refuses it at once, and from then
// on each family is asked for by itself).
std::atomic<bool> oneWalkTcp{true};

// Every TCP socket of both families in kTcpStates, with tcp_info.
void dumpTcp(std::vector<parse::DiagSocket>& out) {
  if (oneWalkTcp.load(std::memory_order_relaxed)) {
    struct {
      nlmsghdr header;
      inet_diag_req request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = TCPDIAG_GETSOCK;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = 1;
    message.request.idiag_states = kTcpStates;
    message.request.idiag_ext = 1u << (INET_DIAG_INFO - 1);
    const size_t before = out.size();
    try {
      dumpRequest(&message, sizeof message, out);
      return;
    } catch (const Error& e) {
      // Only the kernel's refusal (the parser's IO_ERROR from an NLMSG_ERROR, naming no file) means the request is not known.
      if (e.code != ErrorCode::IoError || !e.path.empty() || e.sysErrno == 0 || out.size() != before) throw;
      oneWalkTcp.store(false, std::memory_order_relaxed);
    }
  }
  for (const int family : {AF_INET, AF_INET6}) dump(family, IPPROTO_TCP, true, kTcpStates, out);
}

// Every UDP socket of both families (no counters: sock_diag keeps none for UDP).
void dumpUdp(std::vector<parse::DiagSocket>& out) {
  for (const int family : {AF_INET, AF_INET6}) dump(family, IPPROTO_UDP, false, ~0u, out);
}

struct PidEntry {
  uint32_t uid = 0;
  bool readable = true;
  int64_t fds = -1;              // its open fds when last walked (-1: not known)
  std::vector<uint64_t> inodes;  // its socket inodes at its last walk
};

// The inode → process map of one procfs root.
struct OwnerMap {
  std::unordered_map<uint64_t, int64_t> owner;
  std::unordered_map<int64_t, PidEntry> pids;
  // Inodes no readable process held when looked for, and how many walks looked (a socket
  // seen in the dump a moment before its fd is installed is looked for once more).
  std::unordered_map<uint64_t, int> unresolved;
};

std::mutex& mapMutex() {
  static std::mutex mutex;
  return mutex;
}

OwnerMap& mapFor(const std::string& root) {
  static std::map<std::string, OwnerMap> maps;
  if (maps.size() >= 16 && maps.find(root) == maps.end()) maps.clear();
  return maps[root];
}

// A process's socket inodes; nullopt when its fds cannot be read (another user's) or it is gone.
std::optional<std::vector<uint64_t>> socketInodes(const Procfs& procfs, int64_t pid) {
  std::vector<Procfs::FdLink> links;
  try {
    links = procfs.fdLinks(pid);
  } catch (const Error&) {
    return std::nullopt;
  }
  std::vector<uint64_t> inodes;
  for (const Procfs::FdLink& link : links) {
    if (auto inode = parse::socketInode(link.target)) inodes.push_back(*inode);
  }
  return inodes;
}

void forget(OwnerMap& map, int64_t pid, const PidEntry& entry) {
  for (uint64_t inode : entry.inodes) {
    auto it = map.owner.find(inode);
    if (it != map.owner.end() && it->second == pid) map.owner.erase(it);
  }
}

// How many fds a process has open: procfs gives it as the size of /proc/<pid>/fd
// (Linux 6.2 on; -1 before, or when it cannot be read), one stat where reading
// the links is one readlink per fd.
int64_t fdCount(const Procfs& procfs, int64_t pid) {
  struct stat st {};
  if (::stat(procfs.path(std::to_string(pid) + "/fd").c_str(), &st) != 0 || st.st_size <= 0) return -1;
  return static_cast<int64_t>(st.st_size);
}

void walk(const Procfs& procfs, OwnerMap& map, int64_t pid, PidEntry& entry) {
  forget(map, pid, entry);
  entry.inodes.clear();
  // Counted before the links are read: an fd opened meanwhile makes the next count differ, never the same.
  entry.fds = fdCount(procfs, pid);
  auto inodes = socketInodes(procfs, pid);
  if (!inodes) {
    entry.readable = false;
    return;
  }
  entry.readable = true;
  entry.inodes = std::move(*inodes);
  for (uint64_t inode : entry.inodes) {
    auto [it, added] = map.owner.emplace(inode, pid);
    if (!added && pid < it->second) it->second = pid;
    map.unresolved.erase(inode);
  }
}

// One reading's sockets: TCP (with counters) and UDP.
struct Dump {
  std::vector<parse::DiagSocket> tcp;
  std::vector<parse::DiagSocket> udp;
};

Dump dumpAll() {
  socketDumps().fetch_add(1, std::memory_order_relaxed);
  Dump d;
  dumpTcp(d.tcp);
  dumpUdp(d.udp);
  return d;
}

// Brings `map` up to date with the processes now and the sockets of `dump`.
void update(const Procfs& procfs, OwnerMap& map, const Dump& dump) {
  const std::vector<int64_t> now = procfs.pids();
  const std::unordered_set<int64_t> alive(now.begin(), now.end());
  for (auto it = map.pids.begin(); it != map.pids.end();) {
    if (alive.count(it->first) != 0) {
      ++it;
      continue;
    }
    forget(map, it->first, it->second);
    it = map.pids.erase(it);
  }
  std::unordered_set<int64_t> walked;
  for (int64_t pid : now) {
    if (map.pids.count(pid) != 0) continue;
    PidEntry& entry = map.pids[pid];
    struct stat st {};
    if (::stat(procfs.path(std::to_string(pid)).c_str(), &st) == 0) entry.uid = st.st_uid;
    walk(procfs, map, pid, entry);
    walked.insert(pid);
  }
  std::unordered_set<uint32_t> uids;
  std::vector<uint64_t> sought;  // inodes no process is known to hold, still looked for
  std::unordered_set<uint64_t> inDump;
  inDump.reserve(dump.tcp.size() + dump.udp.size());
  for (const auto* sockets : {&dump.tcp, &dump.udp}) {
    for (const parse::DiagSocket& s : *sockets) {
      if (s.inode == 0) continue;
      inDump.insert(s.inode);
      if (map.owner.count(s.inode) != 0) continue;
      const auto tried = map.unresolved.find(s.inode);
      if (tried == map.unresolved.end() || tried->second < kLookups) {
        uids.insert(s.uid);
        sought.push_back(s.inode);
      }
    }
  }
  // Where the sought sockets are: first in the processes of their users whose fd count
  // moved since their last walk (a new socket is a new fd); then, only if some are still
  // not found (an fd closed and another opened keeps the count), in every one of them.
  const auto lookIn = [&](bool movedOnly) {
    for (auto& [pid, entry] : map.pids) {
      if (!entry.readable || uids.count(entry.uid) == 0 || walked.count(pid) != 0) continue;
      if (movedOnly) {
        const int64_t fds = fdCount(procfs, pid);
        if (fds >= 0 && fds == entry.fds) continue;
      }
      walk(procfs, map, pid, entry);
      walked.insert(pid);
    }
  };
  if (!uids.empty()) {
    lookIn(true);
    if (std::any_of(sought.begin(), sought.end(), [&](uint64_t inode) { return map.owner.count(inode) == 0; })) lookIn(false);
  }
  // What left the dump leaves the map; what is still unknown is not looked for again.
  for (auto it = map.owner.begin(); it != map.owner.end();) it = inDump.count(it->first) ? std::next(it) : map.owner.erase(it);
  for (auto it = map.unresolved.begin(); it != map.unresolved.end();) it = inDump.count(it->first) ? std::next(it) : map.unresolved.erase(it);
  for (uint64_t inode : inDump) {
    if (map.owner.count(inode) == 0) ++map.unresolved[inode];
  }
}

std::optional<InetAddr> address(const parse::DiagSocket& s, bool local) {
  const uint16_t port = local ? s.sourcePort : s.destinationPort;
  if (port == 0) return std::nullopt;  // psutil's ()
  const std::array<uint8_t, 16>& bytes = local ? s.source : s.destination;
  InetAddr addr;
  addr.port = port;
  if (s.family == AF_INET) {
    addr.ip = parse::formatIpv4({bytes[0], bytes[1], bytes[2], bytes[3]});
  } else {
    addr.ip = parse::formatIpv6(bytes);
  }
  return addr;
}

std::string statusOf(const parse::DiagSocket& s, bool tcp) {
  static const std::vector<std::string_view> names = parse::connectionStatusNames();  // TCP states 1..11, then NONE
  if (!tcp || s.state < 1 || s.state > names.size() - 1) return std::string(names.back());
  return std::string(names[s.state - 1]);
}

// One socket as the JS side lists it, attributed to `pid`.
template <typename Use>
void fill(Use& u, const parse::DiagSocket& s, bool isTcp, std::optional<int64_t> pid) {
  u.inode = s.inode;
  if (pid) u.pid = static_cast<double>(*pid);
  u.protocol = isTcp ? "tcp" : "udp";
  u.family = s.family;
  u.status = statusOf(s, isTcp);
  u.laddr = address(s, true);
  u.raddr = address(s, false);
  if (isTcp && s.bytesSent) u.bytesSent = static_cast<double>(*s.bytesSent);
  if (isTcp && s.bytesReceived) u.bytesReceived = static_cast<double>(*s.bytesReceived);
}

// Each asked process's socket inodes, from its own fds (no map walk of every
// process), so a socket two of them hold is listed for each.
std::unordered_multimap<uint64_t, int64_t> socketsHeldBy(const Procfs& procfs, const std::vector<int64_t>& pids) {
  std::unordered_multimap<uint64_t, int64_t> own;
  const std::set<int64_t> distinct(pids.begin(), pids.end());
  for (const int64_t pid : distinct) {
    if (auto inodes = socketInodes(procfs, pid)) {
      for (uint64_t inode : *inodes) own.emplace(inode, pid);
    }
  }
  return own;
}

}  // namespace

ProcessNetReading LinuxBackend::processNet(const std::vector<int64_t>* pids) const {
  if (!isLive()) throw Error(ErrorCode::NotLive, "processNet: sockets are the running machine's; a captured tree has none");
  const Procfs procfs = this->procfs();
  ProcessNetReading reading;
  reading.timestamp = linux_process::monotonicSeconds();
  const Dump sockets = dumpAll();
  const std::unordered_multimap<uint64_t, int64_t> own = pids ? socketsHeldBy(procfs, *pids) : std::unordered_multimap<uint64_t, int64_t>{};
  std::unique_lock<std::mutex> lock(mapMutex(), std::defer_lock);
  const std::unordered_map<uint64_t, int64_t>* owners = nullptr;
  if (!pids) {
    lock.lock();
    OwnerMap& map = mapFor(procfs.root());
    update(procfs, map, sockets);
    owners = &map.owner;
    reading.mapEntries = static_cast<double>(map.owner.size() + map.unresolved.size() + map.pids.size());
  }
  const auto add = [&](const std::vector<parse::DiagSocket>& list, bool isTcp) {
    for (const parse::DiagSocket& s : list) {
      if (s.inode == 0) continue;  // no process holds it any more
      if (pids) {
        const auto [from, to] = own.equal_range(s.inode);
        for (auto it = from; it != to; ++it) fill(reading.sockets.emplace_back(), s, isTcp, it->second);
      } else {
        const auto owner = owners->find(s.inode);
        fill(reading.sockets.emplace_back(), s, isTcp, owner == owners->end() ? std::nullopt : std::optional<int64_t>(owner->second));
      }
    }
  };
  add(sockets.tcp, true);
  add(sockets.udp, false);
  return reading;
}

NetUsageReading LinuxBackend::processNetUsage(NetUsageState& state, const std::vector<int64_t>* pids) const {
  if (!isLive()) throw Error(ErrorCode::NotLive, "processNetUsage: sockets are the running machine's; a captured tree has none");
  const Procfs procfs = this->procfs();
  // The dump and its arithmetic under the tracker's lock: its counters are stored in the order the dumps were taken.
  std::lock_guard<std::mutex> tracker(state.mutex);
  const double timestamp = linux_process::monotonicSeconds();
  const Dump sockets = dumpAll();
  // The asked processes' sockets come from this same dump, with rates from the tracker's counters before it advances.
  const std::unordered_multimap<uint64_t, int64_t> own = pids ? socketsHeldBy(procfs, *pids) : std::unordered_multimap<uint64_t, int64_t>{};
  NetUsageReading listed;
  std::vector<NetSocketSample> samples;
  samples.reserve(sockets.tcp.size() + sockets.udp.size());
  double mapEntries = 0;
  {
    std::lock_guard<std::mutex> lock(mapMutex());
    OwnerMap& map = mapFor(procfs.root());
    update(procfs, map, sockets);
    mapEntries = static_cast<double>(map.owner.size() + map.unresolved.size() + map.pids.size());
    for (const auto* list : {&sockets.tcp, &sockets.udp}) {
      const bool isTcp = list == &sockets.tcp;
      for (const parse::DiagSocket& s : *list) {
        if (s.inode == 0) continue;  // no process holds it any more
        NetSocketSample& sample = samples.emplace_back();
        sample.inode = s.inode;
        sample.cookie = s.cookie;
        const auto owner = map.owner.find(s.inode);
        if (owner != map.owner.end()) sample.pid = owner->second;
        sample.counted = isTcp && s.bytesSent && s.bytesReceived;
        if (sample.counted) {
          sample.sent = *s.bytesSent;
          sample.received = *s.bytesReceived;
        }
        const auto [from, to] = own.equal_range(s.inode);
        if (from == to) continue;
        const auto rates = state.rateOf(sample, timestamp);
        for (auto it = from; it != to; ++it) {
          fill(listed.sockets.emplace_back(), s, isTcp, it->second);
          listed.receiveRates.push_back(rates ? std::optional<double>(rates->first) : std::nullopt);
          listed.transmitRates.push_back(rates ? std::optional<double>(rates->second) : std::nullopt);
        }
      }
    }
  }
  NetUsageReading reading = state.advance(timestamp, samples);
  reading.mapEntries = mapEntries;
  reading.sockets = std::move(listed.sockets);
  reading.receiveRates = std::move(listed.receiveRates);
  reading.transmitRates = std::move(listed.transmitRates);
  return reading;
}

}  // namespace procyon

// psutil.net_if_addrs (getifaddrs(3), always the live system, as psutil)
// and psutil.net_if_stats (ioctls on the live system; the sysfs files of
// <sysfs>/class/net/<nic> when a different sysfs root is given).

#include <ifaddrs.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/parse/net_dev.h"
#include "linux/parse/net_if.h"
#include "linux/parse/text.h"
#include "linux/requirement.h"

namespace procyon {
namespace {

// psutil_convert_ipaddr: numeric text for AF_INET/AF_INET6 (getnameinfo,
// so link-local IPv6 carries its "%nic" scope), "aa:bb:..." for AF_PACKET,
// nullopt for anything else or no address.
std::optional<std::string> addressText(const sockaddr* address, int family) {
  if (address == nullptr) return std::nullopt;
  if (family == AF_INET || family == AF_INET6) {
    char host[NI_MAXHOST];
    const socklen_t length = family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
    if (::getnameinfo(address, length, host, sizeof(host), nullptr, 0, NI_NUMERICHOST) != 0) return std::nullopt;
    return std::string(host);
  }
  if (family == AF_PACKET) {
    const auto* link = reinterpret_cast<const sockaddr_ll*>(address);
    const size_t length = std::min<size_t>(link->sll_halen, sizeof(link->sll_addr));
    if (length == 0) return std::nullopt;
    std::string text;
    for (size_t i = 0; i < length; ++i) {
      char byte[4];
      std::snprintf(byte, sizeof(byte), "%02x", link->sll_addr[i]);
      if (i != 0) text.push_back(':');
      text += byte;
    }
    return text;
  }
  return std::nullopt;
}

class Socket {
 public:
  Socket() : fd_(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {
    if (fd_ < 0) throw Error::fromErrno(errno, "socket", "socket(AF_INET, SOCK_DGRAM)");
  }
  ~Socket() { ::close(fd_); }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// psutil's cext calls: SIOCGIFMTU, SIOCGIFFLAGS and ETHTOOL_GSET. nullopt
// when the NIC is gone (ENODEV), which psutil skips.
std::optional<NicStats> ioctlStats(const Socket& socket, const std::string& name) {
  ifreq request{};
  if (name.size() >= sizeof(request.ifr_name)) return std::nullopt;
  std::memcpy(request.ifr_name, name.c_str(), name.size() + 1);
  const std::string what = "ioctl(" + name + ")";

  NicStats stats;
  if (::ioctl(socket.fd(), SIOCGIFMTU, &request) != 0) {
    if (errno == ENODEV) return std::nullopt;
    throw Error::fromErrno(errno, "SIOCGIFMTU", what);
  }
  stats.mtu = request.ifr_mtu;
  if (::ioctl(socket.fd(), SIOCGIFFLAGS, &request) != 0) {
    if (errno == ENODEV) return std::nullopt;
    throw Error::fromErrno(errno, "SIOCGIFFLAGS", what);
  }
  const unsigned flags = static_cast<unsigned short>(request.ifr_flags);
  stats.flags = parse::nicFlagsString(flags);
  // psutil 5.9.4: isup = 'running' in flags; the kernel only reports RUNNING for an UP link.
  stats.isup = (flags & parse::kIffUp) != 0 && (flags & parse::kIffRunning) != 0;

  ethtool_cmd command{};
  command.cmd = ETHTOOL_GSET;
  request.ifr_data = reinterpret_cast<char*>(&command);
  if (::ioctl(socket.fd(), SIOCETHTOOL, &request) == 0) {
    const uint32_t speed = ethtool_cmd_speed(&command);
    stats.speed = (speed == static_cast<uint32_t>(SPEED_UNKNOWN)) ? 0 : static_cast<double>(speed);
    stats.duplex = command.duplex == DUPLEX_FULL ? 2 : command.duplex == DUPLEX_HALF ? 1 : 0;
  } else if (errno == ENODEV) {
    return std::nullopt;
  }  // EOPNOTSUPP (wi-fi, virtual NICs), EINVAL...: unknown duplex, speed 0, as psutil
  return stats;
}

std::optional<std::string> readText(FileReader& files, const std::string& directory, std::string_view name) {
  try {
    return std::string(files.read(directory, name));
  } catch (const Error&) {
    return std::nullopt;
  }
}

// The same facts from <sysfs>/class/net/<nic>: flags is dev->flags (no
// RUNNING bit), so RUNNING is derived as the kernel's dev_get_flags does: an
// UP device whose operstate is "up" or "unknown". nullopt when the NIC has no
// readable flags/mtu (psutil's ENODEV skip).
std::optional<NicStats> sysfsStats(FileReader& files, const std::string& sysfs, const std::string& name) {
  if (name.find('/') != std::string::npos || name == "." || name == "..") return std::nullopt;
  const std::string directory = joinPath(sysfs, "class/net/" + name);
  const auto flagsText = readText(files, directory, "flags");
  const auto mtuText = readText(files, directory, "mtu");
  if (!flagsText || !mtuText) return std::nullopt;
  const auto rawFlags = parse::parseSysfsHexFlags(*flagsText);
  const auto mtu = parse::parseSysfsUnsigned(*mtuText);
  if (!rawFlags) throw Error(ErrorCode::ParseError, directory + "/flags: malformed flags", directory + "/flags");
  if (!mtu) throw Error(ErrorCode::ParseError, directory + "/mtu: malformed mtu", directory + "/mtu");
  const std::string operstate(parse::trim(readText(files, directory, "operstate").value_or("")));

  unsigned flags = *rawFlags & 0xffffu & ~parse::kIffRunning;
  if ((flags & parse::kIffUp) != 0 && (operstate == "up" || operstate == "unknown")) flags |= parse::kIffRunning;

  NicStats stats;
  stats.mtu = *mtu;
  stats.flags = parse::nicFlagsString(flags);
  stats.isup = (flags & parse::kIffUp) != 0 && (flags & parse::kIffRunning) != 0;
  stats.speed = parse::parseSysfsSpeed(readText(files, directory, "speed").value_or(""));
  stats.duplex = parse::parseSysfsDuplex(readText(files, directory, "duplex").value_or(""));
  return stats;
}

}  // namespace

NicAddresses LinuxBackend::netIfAddrs() const {
  // getifaddrs describes this machine, never a captured tree.
  if (!roots_.live) return {};
  ifaddrs* head = nullptr;
  if (::getifaddrs(&head) != 0) throw Error::fromErrno(errno, "getifaddrs", "getifaddrs(3)");
  struct Entry {
    std::string nic;
    NicAddress address;
  };
  std::vector<Entry> entries;
  try {
    for (const ifaddrs* item = head; item != nullptr; item = item->ifa_next) {
      if (item->ifa_addr == nullptr || item->ifa_name == nullptr) continue;
      const int family = item->ifa_addr->sa_family;
      auto address = addressText(item->ifa_addr, family);
      if (!address) continue;  // psutil skips entries without a primary address
      NicAddress entry;
      entry.family = family;
      entry.address = std::move(*address);
      entry.netmask = addressText(item->ifa_netmask, family);
      if (item->ifa_flags & IFF_BROADCAST) {
        entry.broadcast = addressText(item->ifa_broadaddr, family);
      } else if (item->ifa_flags & IFF_POINTOPOINT) {
        entry.ptp = addressText(item->ifa_dstaddr, family);
      }
      if (family == AF_PACKET) {
        // psutil pads an incomplete MAC with ":00" (issue #786).
        while (std::count(entry.address.begin(), entry.address.end(), ':') < 5) entry.address += ":00";
      }
      entries.push_back({item->ifa_name, std::move(entry)});
    }
  } catch (...) {
    ::freeifaddrs(head);
    throw;
  }
  ::freeifaddrs(head);

  // psutil sorts the flat list by family (stably), then groups by NIC.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.address.family < b.address.family; });
  NicAddresses result;
  for (Entry& entry : entries) {
    auto found = std::find_if(result.nics.begin(), result.nics.end(), [&](const auto& nic) { return nic.first == entry.nic; });
    if (found == result.nics.end()) {
      result.nics.emplace_back(entry.nic, std::vector<NicAddress>{});
      found = std::prev(result.nics.end());
    }
    found->second.push_back(std::move(entry.address));
  }
  return result;
}

NicStatsMap LinuxBackend::netIfStats() const {
  // psutil takes the NIC names from net_io_counters(), i.e. <procfs>/net/dev.
  const NetIoPerNic counters = netIoCounters();
  FileReader& files = reader();
  NicStatsMap result;
  if (roots_.live) {
    const Socket socket;
    for (const auto& [name, unused] : counters.nics) {
      if (auto stats = ioctlStats(socket, name)) result.nics.emplace_back(name, std::move(*stats));
    }
  } else {
    for (const auto& [name, unused] : counters.nics) {
      if (auto stats = sysfsStats(files, roots_.sysfs, name)) result.nics.emplace_back(name, std::move(*stats));
    }
  }
  return result;
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"netIfAddrs", Root::None, {}, true},
    {"netIfStats", Root::Sysfs, {"class/net"}},
};

}  // namespace

}  // namespace procyon

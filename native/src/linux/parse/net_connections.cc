#include "linux/parse/net_connections.h"

#include <cstring>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

constexpr ConnectionTable kTcp4{"tcp", kAfInet, kSockStream};
constexpr ConnectionTable kTcp6{"tcp6", kAfInet6, kSockStream};
constexpr ConnectionTable kUdp4{"udp", kAfInet, kSockDgram};
constexpr ConnectionTable kUdp6{"udp6", kAfInet6, kSockDgram};
constexpr ConnectionTable kUnix{"unix", kAfUnix, 0};

// `count` bytes from 2*count hex digits, in text order.
template <size_t N>
bool hexBytes(std::string_view hex, std::array<uint8_t, N>& out) {
  if (hex.size() != 2 * N) return false;
  for (size_t i = 0; i < N; ++i) {
    const int high = hexDigit(hex[2 * i]);
    const int low = hexDigit(hex[2 * i + 1]);
    if (high < 0 || low < 0) return false;
    out[i] = static_cast<uint8_t>((high << 4) | low);
  }
  return true;
}

std::string hex16(unsigned value) {
  static const char digits[] = "0123456789abcdef";
  std::string text;
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const unsigned digit = (value >> shift) & 0xf;
    if (digit != 0 || started || shift == 0) {
      text.push_back(digits[digit]);
      started = true;
    }
  }
  return text;
}

// psutil's TCP_STATUSES: "01" → "ESTABLISHED" ... "0B" → "CLOSING"; nullopt otherwise.
// The kernel's TCP states 01..0B (include/net/tcp_states.h), psutil's names.
constexpr std::string_view kTcpStatusNames[] = {"ESTABLISHED", "SYN_SENT",   "SYN_RECV", "FIN_WAIT1",
                                                "FIN_WAIT2",   "TIME_WAIT",  "CLOSE",    "CLOSE_WAIT",
                                                "LAST_ACK",    "LISTEN",     "CLOSING"};

std::optional<std::string_view> tcpStatusName(std::string_view hex) {
  const auto& names = kTcpStatusNames;
  // psutil looks the two-digit uppercase text up in a dict.
  if (hex.size() != 2 || hex[0] != '0') return std::nullopt;
  const char c = hex[1];
  int index = -1;
  if (c >= '1' && c <= '9') index = c - '1';
  else if (c == 'A') index = 9;
  else if (c == 'B') index = 10;
  if (index < 0) return std::nullopt;
  return names[index];
}

}  // namespace

std::optional<std::vector<ConnectionTable>> connectionTables(std::string_view kind) {
  if (kind == "all") return std::vector<ConnectionTable>{kTcp4, kTcp6, kUdp4, kUdp6, kUnix};
  if (kind == "tcp") return std::vector<ConnectionTable>{kTcp4, kTcp6};
  if (kind == "tcp4") return std::vector<ConnectionTable>{kTcp4};
  if (kind == "tcp6") return std::vector<ConnectionTable>{kTcp6};
  if (kind == "udp") return std::vector<ConnectionTable>{kUdp4, kUdp6};
  if (kind == "udp4") return std::vector<ConnectionTable>{kUdp4};
  if (kind == "udp6") return std::vector<ConnectionTable>{kUdp6};
  if (kind == "unix") return std::vector<ConnectionTable>{kUnix};
  if (kind == "inet") return std::vector<ConnectionTable>{kTcp4, kTcp6, kUdp4, kUdp6};
  if (kind == "inet4") return std::vector<ConnectionTable>{kTcp4, kUdp4};
  if (kind == "inet6") return std::vector<ConnectionTable>{kTcp6, kUdp6};
  return std::nullopt;
}

bool hostIsLittleEndian() {
  const uint16_t probe = 1;
  uint8_t first = 0;
  std::memcpy(&first, &probe, 1);
  return first == 1;
}

std::string formatIpv4(const std::array<uint8_t, 4>& bytes) {
  return std::to_string(bytes[0]) + "." + std::to_string(bytes[1]) + "." + std::to_string(bytes[2]) + "." +
         std::to_string(bytes[3]);
}

// glibc's inet_ntop6: the longest run (first if tied) of two or more zero
// words becomes "::"; an IPv4 tail is written dotted for ::a.b.c.d and
// ::ffff:a.b.c.d.
std::string formatIpv6(const std::array<uint8_t, 16>& bytes) {
  std::array<unsigned, 8> words{};
  for (size_t i = 0; i < 8; ++i) words[i] = (static_cast<unsigned>(bytes[2 * i]) << 8) | bytes[2 * i + 1];
  int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (int i = 0; i < 8; ++i) {
    if (words[i] == 0) {
      if (curBase == -1) {
        curBase = i;
        curLen = 1;
      } else {
        ++curLen;
      }
    } else if (curBase != -1) {
      if (bestBase == -1 || curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
      curBase = -1;
    }
  }
  if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
    bestBase = curBase;
    bestLen = curLen;
  }
  if (bestBase != -1 && bestLen < 2) bestBase = -1;

  std::string text;
  for (int i = 0; i < 8; ++i) {
    if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i == bestBase) text.push_back(':');
      continue;
    }
    if (i != 0) text.push_back(':');
    if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
      text += formatIpv4({bytes[12], bytes[13], bytes[14], bytes[15]});
      return text;
    }
    text += hex16(words[i]);
  }
  if (bestBase != -1 && bestBase + bestLen == 8) text.push_back(':');
  return text;
}

std::optional<InetAddr> decodeInetAddress(std::string_view text, int family, bool littleEndian) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) throw Error::parse("address '" + std::string(text) + "' has no port");
  const std::string_view ipHex = text.substr(0, colon);
  const auto port = hexToUint64(text.substr(colon + 1));
  if (!port || *port > 0xffff) throw Error::parse("malformed port in '" + std::string(text) + "'");
  // psutil: a zero port means no endpoint (a listening or unbound socket).
  if (*port == 0) return std::nullopt;

  InetAddr address;
  address.port = static_cast<int>(*port);
  // The kernel prints each 32-bit word of the address as a host integer, so
  // on a little-endian machine every group of 4 bytes is reversed.
  if (family == kAfInet) {
    std::array<uint8_t, 4> bytes{};
    if (!hexBytes(ipHex, bytes)) throw Error::parse("malformed IPv4 address in '" + std::string(text) + "'");
    if (littleEndian) bytes = {bytes[3], bytes[2], bytes[1], bytes[0]};
    address.ip = formatIpv4(bytes);
  } else {
    std::array<uint8_t, 16> bytes{};
    if (!hexBytes(ipHex, bytes)) throw Error::parse("malformed IPv6 address in '" + std::string(text) + "'");
    if (littleEndian) {
      for (size_t word = 0; word < 16; word += 4) {
        std::swap(bytes[word], bytes[word + 3]);
        std::swap(bytes[word + 1], bytes[word + 2]);
      }
    }
    address.ip = formatIpv6(bytes);
  }
  return address;
}

std::vector<InetSocketLine> parseInetSockets(std::string_view text, int family, int type, bool littleEndian) {
  std::vector<InetSocketLine> sockets;
  nextLine(text);  // header
  size_t lineNumber = 1;
  while (!text.empty()) {
    std::string_view rest = nextLine(text);
    ++lineNumber;
    // psutil: line.split()[:10] must give sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode.
    std::array<std::string_view, 10> columns{};
    size_t count = 0;
    for (; count < columns.size(); ++count) {
      columns[count] = nextToken(rest);
      if (columns[count].empty()) break;
    }
    if (count == 0) continue;  // a blank line (psutil would not see one)
    if (count < columns.size()) {
      throw Error::parse("malformed line " + std::to_string(lineNumber) + ": " + std::to_string(count) +
                         " columns, expected at least 10");
    }
    InetSocketLine socket;
    const auto inode = toUint64(columns[9]);
    if (!inode) throw Error::parse("malformed inode '" + std::string(columns[9]) + "' on line " + std::to_string(lineNumber));
    socket.inode = *inode;
    if (type == kSockStream) {
      const auto status = tcpStatusName(columns[3]);
      if (!status) throw Error::parse("unknown TCP state '" + std::string(columns[3]) + "' on line " + std::to_string(lineNumber));
      socket.status = std::string(*status);
    } else {
      socket.status = "NONE";
    }
    socket.laddr = decodeInetAddress(columns[1], family, littleEndian);
    socket.raddr = decodeInetAddress(columns[2], family, littleEndian);
    sockets.push_back(std::move(socket));
  }
  return sockets;
}

std::optional<uint64_t> socketInode(std::string_view target) {
  constexpr std::string_view prefix = "socket:[";
  if (!startsWith(target, prefix) || target.size() < prefix.size() + 2 || target.back() != ']') return std::nullopt;
  return toUint64(target.substr(prefix.size(), target.size() - prefix.size() - 1));
}

std::vector<UnixSocketLine> parseUnixSockets(std::string_view text) {
  std::vector<UnixSocketLine> sockets;
  nextLine(text);  // header
  size_t lineNumber = 1;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    ++lineNumber;
    std::string_view rest = line;
    // Num RefCount Protocol Flags Type St Inode [Path]
    std::array<std::string_view, 7> columns{};
    size_t count = 0;
    for (; count < columns.size(); ++count) {
      columns[count] = nextToken(rest);
      if (columns[count].empty()) break;
    }
    if (count < columns.size()) {
      if (line.find(' ') == std::string_view::npos) continue;  // psutil issue #766
      throw Error::parse("malformed line " + std::to_string(lineNumber) + ": " + std::to_string(count) +
                         " columns, expected at least 7");
    }
    UnixSocketLine socket;
    const auto type = hexToUint64(columns[4]);
    if (!type || *type > 0xffff) throw Error::parse("malformed socket type '" + std::string(columns[4]) + "' on line " + std::to_string(lineNumber));
    socket.type = static_cast<int>(*type);
    const auto inode = toUint64(columns[6]);
    if (!inode) throw Error::parse("malformed inode '" + std::string(columns[6]) + "' on line " + std::to_string(lineNumber));
    socket.inode = *inode;
    // The path is the rest of the line: it may contain spaces (psutil drops such paths).
    socket.path = std::string(trim(rest));
    sockets.push_back(std::move(socket));
  }
  return sockets;
}

std::vector<std::string_view> connectionStatusNames() {
  std::vector<std::string_view> names(std::begin(kTcpStatusNames), std::end(kTcpStatusNames));
  names.push_back("NONE");  // what a non-TCP socket has
  return names;
}

}  // namespace procyon::parse

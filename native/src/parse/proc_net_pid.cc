#include "parse/proc_net_pid.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
#include <string>

#include "common/error.h"
#include "parse/text.h"

namespace procyon::parse {
namespace {

std::optional<uint64_t> hex(std::string_view token) {
  uint64_t value = 0;
  const char* end = token.data() + token.size();
  const auto result = std::from_chars(token.data(), end, value, 16);
  if (token.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
  return value;
}

// The kernel prints each 32-bit word of the address with %08X in host order.
void decodeWord(std::string_view hex8, unsigned char* out) {
  const auto word = hex(hex8);
  if (!word || hex8.size() != 8) throw Error::parse("malformed address '" + std::string(hex8.substr(0, 40)) + "'");
  const uint32_t value = static_cast<uint32_t>(*word);
  std::memcpy(out, &value, 4);  // host order back to the bytes the kernel had
}

void decodeAddress(std::string_view token, int family, std::string& ip, uint32_t& port) {
  const size_t colon = token.find(':');
  if (colon == std::string_view::npos) throw Error::parse("malformed address '" + std::string(token.substr(0, 64)) + "'");
  const std::string_view ipHex = token.substr(0, colon);
  const auto portValue = hex(token.substr(colon + 1));
  if (!portValue || *portValue > 65535) throw Error::parse("malformed port in '" + std::string(token.substr(0, 64)) + "'");
  port = static_cast<uint32_t>(*portValue);
  unsigned char bytes[16] = {};
  const size_t words = family == 2 ? 1 : 4;
  if (ipHex.size() != words * 8) throw Error::parse("malformed address '" + std::string(ipHex.substr(0, 40)) + "'");
  for (size_t i = 0; i < words; ++i) decodeWord(ipHex.substr(i * 8, 8), bytes + i * 4);
  char text[INET6_ADDRSTRLEN] = {};
  if (::inet_ntop(family == 2 ? AF_INET : AF_INET6, bytes, text, sizeof text) == nullptr) {
    throw Error::parse("undecodable address '" + std::string(ipHex) + "'");
  }
  ip = text;
}

}  // namespace

std::vector<InetSocketRow> parseProcNetInet(std::string_view text, int family) {
  std::vector<InetSocketRow> rows;
  nextLine(text);  // header
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    if (trim(line).empty()) continue;
    std::string_view fields[10];
    size_t count = 0;
    for (std::string_view token = nextToken(line); !token.empty() && count < 10; token = nextToken(line)) fields[count++] = token;
    if (count < 10) throw Error::parse("socket row with " + std::to_string(count) + " fields");
    InetSocketRow row;
    decodeAddress(fields[1], family, row.laddrIp, row.laddrPort);
    decodeAddress(fields[2], family, row.raddrIp, row.raddrPort);
    const auto state = hex(fields[3]);
    const auto inode = toUint64(fields[9]);
    if (!state || !inode) throw Error::parse("malformed socket row state or inode");
    row.state = static_cast<int>(*state & 0xff);
    row.inode = *inode;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<UnixSocketRow> parseProcNetUnix(std::string_view text) {
  std::vector<UnixSocketRow> rows;
  nextLine(text);  // header
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    if (trim(line).empty()) continue;
    std::string_view fields[7];
    size_t count = 0;
    for (; count < 7; ++count) {
      fields[count] = nextToken(line);
      if (fields[count].empty()) break;
    }
    if (count < 7) throw Error::parse("unix socket row with " + std::to_string(count) + " fields");
    const auto type = hex(fields[4]);
    const auto inode = toUint64(fields[6]);
    if (!type || !inode) throw Error::parse("malformed unix socket row");
    UnixSocketRow row;
    // psutil: int(type_) of the "0001" column; the kernel prints it %04X, so
    // decimal and hex agree for SOCK_STREAM/DGRAM/SEQPACKET.
    row.type = static_cast<int>(*type);
    row.inode = *inode;
    row.path = std::string(trim(line));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string_view tcpStatusName(int state) {
  switch (state) {
    case 0x01: return "ESTABLISHED";
    case 0x02: return "SYN_SENT";
    case 0x03: return "SYN_RECV";
    case 0x04: return "FIN_WAIT1";
    case 0x05: return "FIN_WAIT2";
    case 0x06: return "TIME_WAIT";
    case 0x07: return "CLOSE";
    case 0x08: return "CLOSE_WAIT";
    case 0x09: return "LAST_ACK";
    case 0x0A: return "LISTEN";
    case 0x0B: return "CLOSING";
    default: return "NONE";
  }
}

uint64_t socketInodeOfLink(std::string_view link) {
  if (!startsWith(link, "socket:[") || link.size() < 10 || link.back() != ']') return 0;
  return toUint64(link.substr(8, link.size() - 9)).value_or(0);
}

}  // namespace procyon::parse

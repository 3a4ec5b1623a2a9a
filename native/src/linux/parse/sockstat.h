#pragma once

// Pure parser of /proc/net/sockstat and /proc/net/sockstat6 (net/ipv4/proc.c,
// net/ipv6/proc.c): one line per protocol, its counts as key/value pairs.
//   sockets: used 1602
//   TCP: inuse 35 orphan 0 tw 4 alloc 59 mem 22
//   UDP: inuse 12 mem 62
//   FRAG: inuse 0 memory 0
//   TCP6: inuse 17

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/records_sockstat.h"
#include "linux/parse/text.h"

namespace procyon::parse {

namespace sockstat_detail {

// The record's slot for a protocol's name as the kernel prints it; null for
// one this record does not know (a later kernel's), which is skipped.
inline std::optional<SockstatProtocol>* protocolSlot(NetSocketStats& stats, std::string_view name) {
  if (name == "TCP") return &stats.tcp;
  if (name == "UDP") return &stats.udp;
  if (name == "UDPLITE") return &stats.udplite;
  if (name == "RAW") return &stats.raw;
  if (name == "FRAG") return &stats.frag;
  if (name == "TCP6") return &stats.tcp6;
  if (name == "UDP6") return &stats.udp6;
  if (name == "UDPLITE6") return &stats.udplite6;
  if (name == "RAW6") return &stats.raw6;
  if (name == "FRAG6") return &stats.frag6;
  return nullptr;
}

inline std::optional<uint64_t>* countSlot(SockstatProtocol& protocol, std::string_view key) {
  if (key == "inuse") return &protocol.inuse;
  if (key == "orphan") return &protocol.orphan;
  if (key == "tw") return &protocol.tw;
  if (key == "alloc") return &protocol.alloc;
  if (key == "mem") return &protocol.mem;
  if (key == "memory") return &protocol.memory;
  return nullptr;
}

inline uint64_t count(std::string_view value, std::string_view key) {
  const std::optional<uint64_t> n = toUint64(value);
  if (!n) throw Error::parse("malformed sockstat count '" + std::string(value) + "' for '" + std::string(key) + "'");
  return *n;
}

}  // namespace sockstat_detail

// Adds the lines of one file (sockstat or sockstat6) to `stats`; `pageSize`
// turns each `mem` (pages) into memBytes. A protocol or key it does not know
// is skipped; a value that is not an unsigned integer, a key without a
// value, or a protocol or key given twice is PARSE_ERROR.
inline void parseSockstat(std::string_view text, uint64_t pageSize, NetSocketStats& stats) {
  using namespace sockstat_detail;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    std::string_view name = nextToken(line);
    if (name.empty()) continue;
    if (name.back() != ':') throw Error::parse("malformed sockstat line '" + std::string(name) + "'");
    name.remove_suffix(1);
    if (name == "sockets") {
      const std::string_view key = nextToken(line);
      const std::string_view value = nextToken(line);
      if (key != "used" || value.empty()) throw Error::parse("malformed sockstat 'sockets' line");
      if (stats.used) throw Error::parse("sockstat 'sockets' line repeated");
      stats.used = count(value, key);
      continue;
    }
    std::optional<SockstatProtocol>* slot = protocolSlot(stats, name);
    if (slot == nullptr) continue;
    if (*slot) throw Error::parse("sockstat protocol '" + std::string(name) + "' repeated");
    SockstatProtocol protocol;
    for (std::string_view key = nextToken(line); !key.empty(); key = nextToken(line)) {
      const std::string_view value = nextToken(line);
      if (value.empty()) throw Error::parse("sockstat key '" + std::string(key) + "' has no value");
      std::optional<uint64_t>* field = countSlot(protocol, key);
      if (field == nullptr) continue;
      if (*field) throw Error::parse("sockstat key '" + std::string(key) + "' repeated");
      *field = count(value, key);
    }
    uint64_t bytes = 0;
    if (protocol.mem && checkedMul(*protocol.mem, pageSize, bytes)) protocol.memBytes = bytes;
    *slot = protocol;
  }
}

}  // namespace procyon::parse

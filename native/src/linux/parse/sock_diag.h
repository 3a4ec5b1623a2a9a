#pragma once

// One recv() of a NETLINK_SOCK_DIAG inet dump's answer (linux/inet_diag.h):
// netlink messages (nlmsghdr; SOCK_DIAG_BY_FAMILY, or TCPDIAG_GETSOCK for the
// older request that dumps both families in one walk), each an inet_diag_msg followed by rtattr
// attributes, of which INET_DIAG_INFO carries the socket's struct tcp_info
// (tcpi_bytes_acked: bytes the peer acknowledged; tcpi_bytes_received).
// Pure and bounded: every length is checked against what is left of the
// buffer, and anything that does not fit is a PARSE_ERROR, never a read
// past the end. A kernel error message is an IO_ERROR carrying its errno.

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace procyon::parse {

struct DiagSocket {
  uint8_t family = 0;
  uint8_t state = 0;  // the kernel's TCP state number (1 ESTABLISHED … 11 CLOSING)
  uint16_t sourcePort = 0;
  uint16_t destinationPort = 0;
  std::array<uint8_t, 16> source{};  // AF_INET: the first 4 bytes
  std::array<uint8_t, 16> destination{};
  uint32_t uid = 0;
  uint32_t inode = 0;  // 0: no file holds it (TIME_WAIT, orphaned)
  // The kernel's socket cookie: unique while the system runs, so an inode number reused by a new socket is told apart.
  uint64_t cookie = 0;
  // From tcp_info; nullopt where the answer had none or a tcp_info too short to hold them (kernels before 4.1).
  std::optional<uint64_t> bytesSent;
  std::optional<uint64_t> bytesReceived;
};

enum class DiagBatch { More, Done };

namespace sock_diag_detail {

template <typename T>
T readAt(std::string_view data, size_t offset) {
  T value;
  std::memcpy(&value, data.data() + offset, sizeof(T));
  return value;
}

inline size_t align4(size_t n) { return (n + 3) & ~static_cast<size_t>(3); }

inline uint16_t networkPort(uint16_t raw) {
  const auto* b = reinterpret_cast<const uint8_t*>(&raw);
  return static_cast<uint16_t>((b[0] << 8) | b[1]);
}

constexpr size_t kBytesAckedEnd = offsetof(struct tcp_info, tcpi_bytes_acked) + sizeof(uint64_t);
constexpr size_t kBytesReceivedEnd = offsetof(struct tcp_info, tcpi_bytes_received) + sizeof(uint64_t);

inline void parseAttributes(std::string_view attrs, DiagSocket& socket) {
  size_t at = 0;
  while (at < attrs.size()) {
    if (attrs.size() - at < sizeof(struct rtattr)) throw Error::parse("sock_diag: truncated attribute header");
    const auto attr = readAt<struct rtattr>(attrs, at);
    if (attr.rta_len < sizeof(struct rtattr) || attr.rta_len > attrs.size() - at) throw Error::parse("sock_diag: attribute length out of bounds");
    if (attr.rta_type == INET_DIAG_INFO) {
      const std::string_view info = attrs.substr(at + sizeof(struct rtattr), attr.rta_len - sizeof(struct rtattr));
      if (info.size() >= kBytesReceivedEnd) {
        socket.bytesSent = readAt<uint64_t>(info, offsetof(struct tcp_info, tcpi_bytes_acked));
        socket.bytesReceived = readAt<uint64_t>(info, offsetof(struct tcp_info, tcpi_bytes_received));
      }
    }
    const size_t step = align4(attr.rta_len);
    at = step > attrs.size() - at ? attrs.size() : at + step;
  }
}

inline DiagSocket parseDiagMessage(std::string_view payload) {
  if (payload.size() < sizeof(struct inet_diag_msg)) throw Error::parse("sock_diag: truncated inet_diag_msg");
  const auto msg = readAt<struct inet_diag_msg>(payload, 0);
  DiagSocket socket;
  socket.family = msg.idiag_family;
  socket.state = msg.idiag_state;
  socket.sourcePort = networkPort(msg.id.idiag_sport);
  socket.destinationPort = networkPort(msg.id.idiag_dport);
  std::memcpy(socket.source.data(), msg.id.idiag_src, 16);
  std::memcpy(socket.destination.data(), msg.id.idiag_dst, 16);
  socket.uid = msg.idiag_uid;
  socket.inode = msg.idiag_inode;
  socket.cookie = static_cast<uint64_t>(msg.id.idiag_cookie[1]) << 32 | msg.id.idiag_cookie[0];
  const size_t attrsAt = align4(sizeof(struct inet_diag_msg));
  if (attrsAt < payload.size()) parseAttributes(payload.substr(attrsAt), socket);
  return socket;
}

}  // namespace sock_diag_detail

// Appends the sockets of one datagram to `out` (at most `limit` in all:
// more is a PARSE_ERROR, a hostile or runaway answer never grows without
// bound). Done when the datagram ends the dump (NLMSG_DONE).
inline DiagBatch parseDiagBatch(std::string_view data, std::vector<DiagSocket>& out, size_t limit = 1u << 22) {
  using namespace sock_diag_detail;
  size_t at = 0;
  while (at < data.size()) {
    if (data.size() - at < sizeof(struct nlmsghdr)) throw Error::parse("sock_diag: truncated netlink header");
    const auto header = readAt<struct nlmsghdr>(data, at);
    if (header.nlmsg_len < sizeof(struct nlmsghdr) || header.nlmsg_len > data.size() - at) throw Error::parse("sock_diag: netlink message length out of bounds");
    const std::string_view payload = data.substr(at + sizeof(struct nlmsghdr), header.nlmsg_len - sizeof(struct nlmsghdr));
    switch (header.nlmsg_type) {
      case NLMSG_DONE:
        return DiagBatch::Done;
      case NLMSG_ERROR: {
        if (payload.size() < sizeof(int32_t)) throw Error::parse("sock_diag: truncated error message");
        const int32_t err = readAt<int32_t>(payload, 0);
        if (err == 0) break;  // an acknowledgement
        const int code = err < 0 && err > -4096 ? -err : 0;
        throw Error(ErrorCode::IoError, "sock_diag: the kernel refused the dump (" + std::to_string(err) + ")", {}, code);
      }
      case SOCK_DIAG_BY_FAMILY:
      case TCPDIAG_GETSOCK:
        if (out.size() >= limit) throw Error::parse("sock_diag: more sockets than " + std::to_string(limit));
        out.push_back(parseDiagMessage(payload));
        break;
      default:
        break;  // NLMSG_NOOP, NLMSG_OVERRUN: nothing for us
    }
    const size_t step = align4(header.nlmsg_len);
    at = step > data.size() - at ? data.size() : at + step;
  }
  return DiagBatch::More;
}

}  // namespace procyon::parse

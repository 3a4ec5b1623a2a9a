// psutil's net_connections on Windows (psutil_net_connections): the owner-pid
// TCP and UDP tables of GetExtendedTcpTable / GetExtendedUdpTable for IPv4
// and IPv6. fd is always -1; an all-zero address and port is psutil's empty
// tuple (null here); UDP has no remote address and status NONE.

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "common/connection_kinds.h"
#include "windows/functions.h"
#include "windows/net_connections.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon::win {
namespace {

struct Tables {
  bool tcp4 = false, tcp6 = false, udp4 = false, udp6 = false;
};

// psutil's conn_tmap without "unix", which Windows' Python lacks.
std::optional<Tables> tablesOf(std::string_view kind) {
  const bool tcp = kind == "all" || kind == "inet" || kind == "tcp";
  const bool udp = kind == "all" || kind == "inet" || kind == "udp";
  Tables t;
  t.tcp4 = tcp || kind == "tcp4" || kind == "inet4";
  t.tcp6 = tcp || kind == "tcp6" || kind == "inet6";
  t.udp4 = udp || kind == "udp4" || kind == "inet4";
  t.udp6 = udp || kind == "udp6" || kind == "inet6";
  if (!(t.tcp4 || t.tcp6 || t.udp4 || t.udp6)) return std::nullopt;
  return t;
}

// psutil's TCP_STATUSES (_pswindows.py), by MIB_TCP_STATE value.
std::string tcpStatus(DWORD state) {
  switch (state) {
    case MIB_TCP_STATE_CLOSED: return "CLOSE";
    case MIB_TCP_STATE_LISTEN: return "LISTEN";
    case MIB_TCP_STATE_SYN_SENT: return "SYN_SENT";
    case MIB_TCP_STATE_SYN_RCVD: return "SYN_RECV";
    case MIB_TCP_STATE_ESTAB: return "ESTABLISHED";
    case MIB_TCP_STATE_FIN_WAIT1: return "FIN_WAIT1";
    case MIB_TCP_STATE_FIN_WAIT2: return "FIN_WAIT2";
    case MIB_TCP_STATE_CLOSE_WAIT: return "CLOSE_WAIT";
    case MIB_TCP_STATE_CLOSING: return "CLOSING";
    case MIB_TCP_STATE_LAST_ACK: return "LAST_ACK";
    case MIB_TCP_STATE_TIME_WAIT: return "TIME_WAIT";
    case MIB_TCP_STATE_DELETE_TCB: return "DELETE_TCB";
    default: return "NONE";
  }
}

// Ports travel in network byte order in the low 16 bits.
int port(DWORD raw) { return ntohs(static_cast<u_short>(raw & 0xffff)); }

std::optional<InetAddr> inet4(DWORD address, DWORD rawPort) {
  if (address == 0 && rawPort == 0) return std::nullopt;
  char text[INET_ADDRSTRLEN] = {};
  in_addr a{};
  a.s_addr = address;
  if (!inet_ntop(AF_INET, &a, text, sizeof(text))) throw fromWin32(WSAGetLastError(), "inet_ntop");
  return InetAddr{text, port(rawPort)};
}

std::optional<InetAddr> inet6(const UCHAR (&address)[16], DWORD rawPort) {
  static const UCHAR kZero[16] = {};
  if (std::memcmp(address, kZero, 16) == 0 && rawPort == 0) return std::nullopt;
  char text[INET6_ADDRSTRLEN] = {};
  in6_addr a{};
  std::memcpy(&a, address, 16);
  if (!inet_ntop(AF_INET6, &a, text, sizeof(text))) throw fromWin32(WSAGetLastError(), "inet_ntop");
  return InetAddr{text, port(rawPort)};
}

// One owner-pid table, grown while the system says it needs more room (the
// table changes between the sizing call and the read).
template <typename Get>
std::vector<uint64_t> table(Get&& get, const char* name) {
  std::vector<uint64_t> buffer(512);
  for (int attempt = 0;; ++attempt) {
    DWORD size = static_cast<DWORD>(buffer.size() * sizeof(uint64_t));
    const DWORD status = get(buffer.data(), &size);
    if (status == NO_ERROR) return buffer;
    if (status != ERROR_INSUFFICIENT_BUFFER || attempt == 8) throw fromWin32(status, name);
    buffer.resize(size / sizeof(uint64_t) + 64);
  }
}

template <typename Table, typename Row, typename Add>
void eachRow(const std::vector<uint64_t>& buffer, Add&& add) {
  const auto* t = reinterpret_cast<const Table*>(buffer.data());
  const size_t room = (buffer.size() * sizeof(uint64_t) - offsetof(Table, table)) / sizeof(Row);
  const size_t rows = std::min<size_t>(t->dwNumEntries, room);
  for (size_t i = 0; i < rows; ++i) add(t->table[i]);
}

}  // namespace

NetConnections connections(const std::string& kind, std::optional<int64_t> pid) {
  const std::optional<Tables> want = tablesOf(kind);
  if (!want) {
    std::vector<std::string_view> valid;
    for (std::string_view k : connectionKinds()) if (k != "unix") valid.push_back(k);
    throw Error::invalidArgument(invalidKindMessage(kind, valid));
  }
  NetConnections result;
  const auto mine = [&](DWORD owner) { return !pid || static_cast<int64_t>(owner) == *pid; };
  const auto push = [&](int family, int type, std::optional<InetAddr> laddr, std::optional<InetAddr> raddr, std::string status, DWORD owner) {
    NetConnection c;
    c.family = family;
    c.type = type;
    c.laddr = std::move(laddr);
    c.raddr = std::move(raddr);
    c.status = std::move(status);
    c.pid = owner;
    result.connections.push_back(std::move(c));
  };
  if (want->tcp4) {
    const auto buffer = table([](void* b, DWORD* s) { return GetExtendedTcpTable(b, s, FALSE, AF_INET, TCP_TABLE_OWNER_PID_ALL, 0); }, "GetExtendedTcpTable(AF_INET)");
    eachRow<MIB_TCPTABLE_OWNER_PID, MIB_TCPROW_OWNER_PID>(buffer, [&](const MIB_TCPROW_OWNER_PID& r) {
      if (!mine(r.dwOwningPid)) return;
      // psutil: a listening socket has no remote address.
      auto raddr = r.dwState == MIB_TCP_STATE_LISTEN ? std::nullopt : inet4(r.dwRemoteAddr, r.dwRemotePort);
      push(AF_INET, SOCK_STREAM, inet4(r.dwLocalAddr, r.dwLocalPort), std::move(raddr), tcpStatus(r.dwState), r.dwOwningPid);
    });
  }
  if (want->tcp6) {
    const auto buffer = table([](void* b, DWORD* s) { return GetExtendedTcpTable(b, s, FALSE, AF_INET6, TCP_TABLE_OWNER_PID_ALL, 0); }, "GetExtendedTcpTable(AF_INET6)");
    eachRow<MIB_TCP6TABLE_OWNER_PID, MIB_TCP6ROW_OWNER_PID>(buffer, [&](const MIB_TCP6ROW_OWNER_PID& r) {
      if (!mine(r.dwOwningPid)) return;
      auto raddr = r.dwState == MIB_TCP_STATE_LISTEN ? std::nullopt : inet6(r.ucRemoteAddr, r.dwRemotePort);
      push(AF_INET6, SOCK_STREAM, inet6(r.ucLocalAddr, r.dwLocalPort), std::move(raddr), tcpStatus(r.dwState), r.dwOwningPid);
    });
  }
  if (want->udp4) {
    const auto buffer = table([](void* b, DWORD* s) { return GetExtendedUdpTable(b, s, FALSE, AF_INET, UDP_TABLE_OWNER_PID, 0); }, "GetExtendedUdpTable(AF_INET)");
    eachRow<MIB_UDPTABLE_OWNER_PID, MIB_UDPROW_OWNER_PID>(buffer, [&](const MIB_UDPROW_OWNER_PID& r) {
      if (mine(r.dwOwningPid)) push(AF_INET, SOCK_DGRAM, inet4(r.dwLocalAddr, r.dwLocalPort), std::nullopt, "NONE", r.dwOwningPid);
    });
  }
  if (want->udp6) {
    const auto buffer = table([](void* b, DWORD* s) { return GetExtendedUdpTable(b, s, FALSE, AF_INET6, UDP_TABLE_OWNER_PID, 0); }, "GetExtendedUdpTable(AF_INET6)");
    eachRow<MIB_UDP6TABLE_OWNER_PID, MIB_UDP6ROW_OWNER_PID>(buffer, [&](const MIB_UDP6ROW_OWNER_PID& r) {
      if (mine(r.dwOwningPid)) push(AF_INET6, SOCK_DGRAM, inet6(r.ucLocalAddr, r.dwLocalPort), std::nullopt, "NONE", r.dwOwningPid);
    });
  }
  return result;
}

}  // namespace procyon::win

namespace procyon {
namespace {
const WindowsFunctions kImplements{"netConnections"};
}  // namespace

NetConnections WindowsBackend::netConnections(const std::string& kind) const { return win::connections(kind, std::nullopt); }

}  // namespace procyon

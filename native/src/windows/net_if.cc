// psutil's net_if_addrs / net_if_stats on Windows.

#include <winsock2.h>
#include <ws2ipdef.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>

#include <cstdio>
#include <string>
#include <vector>

#include "windows/functions.h"
#include "windows/net_adapters.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// "02-FC-00-00-00-01": psutil's form of a MAC address on Windows.
std::string macAddress(const IP_ADAPTER_ADDRESSES& a) {
  std::string out;
  for (ULONG i = 0; i < a.PhysicalAddressLength; ++i) {
    char byte[4];
    std::snprintf(byte, sizeof(byte), i + 1 < a.PhysicalAddressLength ? "%.2X-" : "%.2X", a.PhysicalAddress[i]);
    out += byte;
  }
  return out;
}

std::string ntop(int family, const void* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (!inet_ntop(family, const_cast<void*>(address), text, sizeof(text))) throw win::fromWin32(WSAGetLastError(), "inet_ntop");
  return text;
}

const WindowsFunctions kImplements{"netIfAddrs", "netIfStats"};

}  // namespace

// psutil: per adapter (friendly name), its MAC as AF_LINK when it has one,
// then each unicast address; an IPv4 address's netmask from its on-link
// prefix length, IPv6 without one; broadcast and ptp are never reported.
NicAddresses WindowsBackend::netIfAddrs() const {
  NicAddresses result;
  const std::vector<char> buffer = adapterAddresses(0);
  for (const IP_ADAPTER_ADDRESSES* a = firstAdapter(buffer); a; a = a->Next) {
    std::vector<NicAddress> addresses;
    if (a->PhysicalAddressLength != 0) addresses.push_back(NicAddress{win::kAfLink, macAddress(*a), {}, {}, {}});
    for (const IP_ADAPTER_UNICAST_ADDRESS* u = a->FirstUnicastAddress; u; u = u->Next) {
      const sockaddr* sa = u->Address.lpSockaddr;
      if (!sa) continue;
      if (sa->sa_family == AF_INET) {
        NicAddress entry{AF_INET, ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr), {}, {}, {}};
        ULONG mask = 0;
        if (ConvertLengthToIpv4Mask(u->OnLinkPrefixLength, &mask) == NO_ERROR) entry.netmask = ntop(AF_INET, &mask);
        addresses.push_back(std::move(entry));
      } else if (sa->sa_family == AF_INET6) {
        addresses.push_back(NicAddress{AF_INET6, ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr), {}, {}, {}});
      }
    }
    result.nics.emplace_back(adapterName(*a), std::move(addresses));
  }
  return result;
}

// psutil: the GetIfTable rows whose description is an adapter's (others are
// not NICs), named by that adapter; up when operational (or connected) and
// administratively up; duplex always full (Windows does not say); speed in
// Mbit/s from dwSpeed; flags empty (a Linux notion).
NicStatsMap WindowsBackend::netIfStats() const {
  NicStatsMap result;
  const std::vector<char> buffer = adapterAddresses(0);
  std::vector<char> table(sizeof(MIB_IFTABLE));
  ULONG status = ERROR_INSUFFICIENT_BUFFER;
  for (int attempt = 0; attempt < 4 && status == ERROR_INSUFFICIENT_BUFFER; ++attempt) {
    ULONG size = static_cast<ULONG>(table.size());
    status = GetIfTable(reinterpret_cast<MIB_IFTABLE*>(table.data()), &size, FALSE);
    if (status == ERROR_INSUFFICIENT_BUFFER) table.resize(size);
  }
  if (status != NO_ERROR) throw win::fromWin32(status, "GetIfTable");
  const auto* rows = reinterpret_cast<const MIB_IFTABLE*>(table.data());
  for (DWORD i = 0; i < rows->dwNumEntries; ++i) {
    const MIB_IFROW& row = rows->table[i];
    const std::string description(reinterpret_cast<const char*>(row.bDescr), strnlen(reinterpret_cast<const char*>(row.bDescr), row.dwDescrLen));
    for (const IP_ADAPTER_ADDRESSES* a = firstAdapter(buffer); a; a = a->Next) {
      if (!a->Description || ansi(a->Description) != description) continue;
      NicStats stats;
      stats.isup = (row.dwOperStatus == IF_OPER_STATUS_CONNECTED || row.dwOperStatus == IF_OPER_STATUS_OPERATIONAL) && row.dwAdminStatus == 1;
      stats.duplex = 2;
      stats.speed = static_cast<double>(row.dwSpeed / 1000000);
      stats.mtu = static_cast<double>(row.dwMtu);
      result.nics.emplace_back(adapterName(*a), stats);
      break;
    }
  }
  return result;
}

}  // namespace procyon

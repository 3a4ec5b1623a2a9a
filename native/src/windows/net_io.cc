// psutil's net_io_counters on Windows.

#include <winsock2.h>
#include <ws2ipdef.h>
#include <windows.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include <memory>
#include <vector>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// GetAdaptersAddresses, retried while the list grows between the size query and the call.
std::vector<char> adapters() {
  const ULONG flags = GAA_FLAG_SKIP_UNICAST | GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;
  ULONG size = 15 * 1024;
  std::vector<char> buffer;
  for (int attempt = 0; attempt < 4; ++attempt) {
    buffer.resize(size);
    const ULONG status = GetAdaptersAddresses(AF_UNSPEC, flags, nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    if (status == ERROR_SUCCESS) return buffer;
    if (status == ERROR_NO_DATA) return {};
    if (status != ERROR_BUFFER_OVERFLOW) throw win::fromWin32(status, "GetAdaptersAddresses");
  }
  throw win::fromWin32(ERROR_BUFFER_OVERFLOW, "GetAdaptersAddresses");
}

const WindowsFunctions kImplements{"netIoCounters"};

}  // namespace

// psutil: per adapter of GetAdaptersAddresses, named by its friendly name,
// the MIB_IF_ROW2 of its interface index: octets, unicast + non-unicast
// packets, errors and discards. An adapter whose row is gone (unplugged
// since the list was taken) is left out.
NetIoPerNic WindowsBackend::netIoCounters() const {
  NetIoPerNic result;
  std::vector<char> buffer = adapters();
  if (buffer.empty()) return result;
  for (auto* a = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()); a; a = a->Next) {
    MIB_IF_ROW2 row{};
    row.InterfaceIndex = a->IfIndex;
    if (GetIfEntry2(&row) != NO_ERROR) continue;
    NetIoCounters c;
    c.bytesSent = static_cast<double>(row.OutOctets);
    c.bytesRecv = static_cast<double>(row.InOctets);
    c.packetsSent = static_cast<double>(row.OutUcastPkts + row.OutNUcastPkts);
    c.packetsRecv = static_cast<double>(row.InUcastPkts + row.InNUcastPkts);
    c.errin = static_cast<double>(row.InErrors);
    c.errout = static_cast<double>(row.OutErrors);
    c.dropin = static_cast<double>(row.InDiscards);
    c.dropout = static_cast<double>(row.OutDiscards);
    result.nics.emplace_back(win::toUtf8(a->FriendlyName ? a->FriendlyName : L""), c);
  }
  return result;
}

}  // namespace procyon

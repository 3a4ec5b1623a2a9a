// psutil's net_io_counters on Windows.

#include <winsock2.h>
#include <ws2ipdef.h>
#include <windows.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include <vector>

#include "windows/functions.h"
#include "windows/net_adapters.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

const WindowsFunctions kImplements{"netIoCounters"};

}  // namespace

// psutil: per adapter of GetAdaptersAddresses, named by its friendly name,
// the MIB_IF_ROW2 of its interface index: octets, unicast + non-unicast
// packets, errors and discards. An adapter whose row is gone (unplugged
// since the list was taken) is left out.
NetIoPerNic WindowsBackend::netIoCounters() const {
  NetIoPerNic result;
  // psutil asks with no flags; these only skip the address lists, not adapters.
  const std::vector<char> buffer =
      adapterAddresses(GAA_FLAG_SKIP_UNICAST | GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER);
  for (const IP_ADAPTER_ADDRESSES* a = firstAdapter(buffer); a; a = a->Next) {
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
    result.nics.emplace_back(adapterName(*a), c);
  }
  return result;
}

}  // namespace procyon

#pragma once

// GetAdaptersAddresses, shared by the network readers (net_io.cc, net_if.cc).
// Include after <winsock2.h> and <iphlpapi.h>.

#include <string>
#include <vector>

namespace procyon::win {

// psutil.AF_LINK on Windows, the family of netIfAddrs' MAC addresses (AF_INET and AF_INET6 are winsock's).
constexpr int kAfLink = -1;

// The adapter list with `flags` (GAA_FLAG_*): empty when there is none.
std::vector<char> adapterAddresses(unsigned long flags);

inline const IP_ADAPTER_ADDRESSES* firstAdapter(const std::vector<char>& buffer) {
  return buffer.empty() ? nullptr : reinterpret_cast<const IP_ADAPTER_ADDRESSES*>(buffer.data());
}

// psutil's NIC name: the friendly name.
std::string adapterName(const IP_ADAPTER_ADDRESSES& adapter);

// `text` in the ANSI code page, as GetIfTable's descriptions are.
std::string ansi(const wchar_t* text);

}  // namespace procyon::win

namespace procyon {
using win::adapterAddresses;
using win::adapterName;
using win::ansi;
using win::firstAdapter;
}  // namespace procyon

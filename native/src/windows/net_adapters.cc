#include <winsock2.h>
#include <ws2ipdef.h>
#include <windows.h>
#include <iphlpapi.h>

#include "windows/net_adapters.h"
#include "windows/win_util.h"

namespace procyon::win {

// Retried while the list grows between the size query and the call.
std::vector<char> adapterAddresses(unsigned long flags) {
  ULONG size = 15 * 1024;
  std::vector<char> buffer;
  for (int attempt = 0; attempt < 4; ++attempt) {
    buffer.assign(size, 0);
    const ULONG status = GetAdaptersAddresses(AF_UNSPEC, flags, nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    if (status == ERROR_SUCCESS) return buffer;
    if (status == ERROR_NO_DATA) return {};
    if (status != ERROR_BUFFER_OVERFLOW) throw fromWin32(status, "GetAdaptersAddresses");
  }
  throw fromWin32(ERROR_BUFFER_OVERFLOW, "GetAdaptersAddresses");
}

std::string adapterName(const IP_ADAPTER_ADDRESSES& adapter) { return toUtf8(adapter.FriendlyName ? adapter.FriendlyName : L""); }

std::string ansi(const wchar_t* text) {
  const int bytes = WideCharToMultiByte(CP_ACP, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (bytes <= 1) return {};
  std::string out(static_cast<size_t>(bytes), '\0');
  WideCharToMultiByte(CP_ACP, 0, text, -1, out.data(), bytes, nullptr, nullptr);
  out.pop_back();  // the NUL
  return out;
}

}  // namespace procyon::win

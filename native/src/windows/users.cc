// psutil's users() on Windows (psutil_users): the terminal server's sessions
// with a user name; host is the client's IPv4 address where it has one,
// started the session's connect time; terminal and pid are None on Windows.

#include <windows.h>
#include <wtsapi32.h>

#include <cstdio>
#include <memory>
#include <string>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// 100 ns units between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
constexpr int64_t kUnixEpochInFiletime = 116444736000000000LL;
// WTS_CLIENT_ADDRESS.AddressFamily for IPv4 (winsock's AF_INET).
constexpr DWORD kAfInet = 2;

struct WtsFree {
  void operator()(void* memory) const { WTSFreeMemory(memory); }
};
template <typename T>
using WtsMemory = std::unique_ptr<T, WtsFree>;

// One WTSQuerySessionInformationW answer; IO_ERROR naming the class when it fails.
template <typename T>
WtsMemory<T> sessionInfo(DWORD session, WTS_INFO_CLASS what, const char* name) {
  LPWSTR buffer = nullptr;
  DWORD bytes = 0;
  if (!WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session, what, &buffer, &bytes)) {
    throw win::fromWin32(GetLastError(), std::string("WTSQuerySessionInformationW(") + name + ")");
  }
  WtsMemory<T> owned(reinterpret_cast<T*>(buffer));
  if (bytes < sizeof(T)) throw win::fromWin32(ERROR_INVALID_DATA, std::string("WTSQuerySessionInformationW(") + name + ")");
  return owned;
}

// psutil: "a.b.c.d" from Address[2..5] for AF_INET, else None.
std::optional<std::string> clientAddress(DWORD session) {
  const auto address = sessionInfo<WTS_CLIENT_ADDRESS>(session, WTSClientAddress, "WTSClientAddress");
  if (address->AddressFamily != kAfInet) return std::nullopt;
  char text[16];
  std::snprintf(text, sizeof(text), "%u.%u.%u.%u", address->Address[2], address->Address[3], address->Address[4], address->Address[5]);
  return std::string(text);
}

double connectTime(DWORD session) {
  const auto info = sessionInfo<WTSINFOW>(session, WTSSessionInfo, "WTSSessionInfo");
  return static_cast<double>(info->ConnectTime.QuadPart - kUnixEpochInFiletime) * 1e-7;
}

const WindowsFunctions kImplements{"users"};

}  // namespace

std::vector<User> WindowsBackend::users() const {
  WTS_SESSION_INFOW* sessions = nullptr;
  DWORD count = 0;
  if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &sessions, &count)) throw win::fromWin32(GetLastError(), "WTSEnumerateSessionsW");
  const WtsMemory<WTS_SESSION_INFOW> owned(sessions);
  std::vector<User> result;
  for (DWORD i = 0; i < count; ++i) {
    const DWORD id = sessions[i].SessionId;
    LPWSTR name = nullptr;
    DWORD bytes = 0;
    if (!WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, id, WTSUserName, &name, &bytes)) {
      throw win::fromWin32(GetLastError(), "WTSQuerySessionInformationW(WTSUserName)");
    }
    const WtsMemory<WCHAR> ownedName(name);
    // psutil skips sessions without a user (services, the listener).
    if (bytes <= sizeof(WCHAR) || name[0] == L'\0') continue;
    User user;
    user.name = win::toUtf8(std::wstring_view(name, wcsnlen(name, bytes / sizeof(WCHAR))));
    user.host = clientAddress(id);
    user.started = connectTime(id);
    result.push_back(std::move(user));
  }
  return result;
}

}  // namespace procyon

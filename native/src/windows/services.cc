// psutil's win_service_iter / win_service_get and WindowsService's methods
// (psutil/arch/windows/services.c semantics), plus start and stop.

#include <windows.h>
#include <winsvc.h>

#include <string>
#include <vector>

#include "windows/functions.h"
#include "windows/win_util.h"
#include "windows/windows_backend.h"

namespace procyon {
namespace {

// The service manager's own limit on a service's name (its key under
// HKLM\System\CurrentControlSet\Services), in UTF-16 units.
constexpr size_t kMaxNameChars = 256;

// A service manager handle, closed on every path.
class ScHandle {
 public:
  explicit ScHandle(SC_HANDLE handle) : handle_(handle) {}
  ~ScHandle() {
    if (handle_) CloseServiceHandle(handle_);
  }
  ScHandle(const ScHandle&) = delete;
  ScHandle& operator=(const ScHandle&) = delete;
  SC_HANDLE get() const { return handle_; }

 private:
  SC_HANDLE handle_;
};

// A name a caller sent is hostile input: bounded, and free of what the
// service manager never puts in a name ('/' and '\\' are refused by
// CreateService; NUL and control characters would name something else).
std::wstring checkedName(const std::string& name) {
  if (name.empty()) throw Error::invalidArgument("a service name may not be empty");
  if (name.size() > kMaxNameChars * 3) throw Error::invalidArgument("a service name is at most 256 characters");
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f || c == '/' || c == '\\') {
      throw Error::invalidArgument("a service name may not contain '/', '\\' or control characters");
    }
  }
  std::wstring wide;
  try {
    wide = win::toWide(name);
  } catch (const Error&) {
    throw Error::invalidArgument("a service name must be valid UTF-8");
  }
  if (wide.size() > kMaxNameChars) throw Error::invalidArgument("a service name is at most 256 characters");
  return wide;
}

// psutil's _wrap_exceptions: a missing (or unnamable) service is
// NoSuchProcess, a refusal AccessDenied, each naming the service.
Error serviceError(DWORD code, std::string_view operation, const std::string& name) {
  if (code == ERROR_SERVICE_DOES_NOT_EXIST || code == ERROR_INVALID_NAME) {
    Error error(ErrorCode::NoSuchProcess, "service '" + name + "' does not exist");
    error.processName = name;
    return error;
  }
  Error error = win::fromWin32(code, std::string(operation) + " '" + name + "'");
  if (error.code == ErrorCode::AccessDenied) error.processName = name;
  return error;
}

ScHandle openManager(DWORD access) {
  SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, access);
  if (!manager) throw win::fromWin32(GetLastError(), "OpenSCManagerW");
  return ScHandle(manager);
}

ScHandle openService(SC_HANDLE manager, const std::wstring& wide, const std::string& name, DWORD access) {
  SC_HANDLE service = OpenServiceW(manager, wide.c_str(), access);
  if (!service) throw serviceError(GetLastError(), "OpenServiceW", name);
  return ScHandle(service);
}

// Calls `query(buffer, size, &needed)` until the buffer is large enough.
template <typename Query>
std::vector<BYTE> sizedQuery(Query&& query, std::string_view operation, const std::string& name) {
  std::vector<BYTE> buffer(4096);
  for (int attempt = 0; attempt < 8; ++attempt) {
    DWORD needed = 0;
    if (query(buffer.data(), static_cast<DWORD>(buffer.size()), &needed)) return buffer;
    const DWORD code = GetLastError();
    if (code != ERROR_INSUFFICIENT_BUFFER || needed <= buffer.size()) throw serviceError(code, operation, name);
    buffer.resize(needed);
  }
  throw Error(ErrorCode::IoError, std::string(operation) + " '" + name + "': the size it asks for keeps growing");
}

std::string utf8(const wchar_t* text) { return text ? win::toUtf8(text) : std::string(); }

// psutil's get_startup_string: the boot and system start types belong to
// drivers, which SERVICE_WIN32 does not enumerate; a delayed automatic start is "automatic".
const char* startTypeName(DWORD type) {
  switch (type) {
    case SERVICE_AUTO_START: return "automatic";
    case SERVICE_DEMAND_START: return "manual";
    case SERVICE_DISABLED: return "disabled";
    default: return "unknown";
  }
}

// psutil's status strings, as its documentation spells them.
const char* statusName(DWORD state) {
  switch (state) {
    case SERVICE_RUNNING: return "running";
    case SERVICE_PAUSED: return "paused";
    case SERVICE_START_PENDING: return "start_pending";
    case SERVICE_PAUSE_PENDING: return "pause_pending";
    case SERVICE_CONTINUE_PENDING: return "continue_pending";
    case SERVICE_STOP_PENDING: return "stop_pending";
    case SERVICE_STOPPED: return "stopped";
    default: return "unknown";
  }
}

void setStatus(WinService& service, const SERVICE_STATUS_PROCESS& status) {
  service.status = statusName(status.dwCurrentState);
  if (status.dwProcessId != 0) service.pid = status.dwProcessId;
}

// display name, binpath, username, start type (QueryServiceConfigW) and the
// description (QueryServiceConfig2W), as psutil's query_config and query_descr.
void readConfig(SC_HANDLE service, const std::string& name, WinService& out) {
  const std::vector<BYTE> config = sizedQuery(
      [&](BYTE* data, DWORD size, DWORD* needed) {
        return QueryServiceConfigW(service, reinterpret_cast<QUERY_SERVICE_CONFIGW*>(data), size, needed);
      },
      "QueryServiceConfigW", name);
  const auto* qsc = reinterpret_cast<const QUERY_SERVICE_CONFIGW*>(config.data());
  out.displayName = utf8(qsc->lpDisplayName);
  out.binpath = utf8(qsc->lpBinaryPathName);
  out.username = utf8(qsc->lpServiceStartName);
  out.startType = startTypeName(qsc->dwStartType);

  DWORD needed = 0;
  std::vector<BYTE> description(1024);
  BOOL ok = QueryServiceConfig2W(service, SERVICE_CONFIG_DESCRIPTION, description.data(), static_cast<DWORD>(description.size()), &needed);
  if (!ok && GetLastError() == ERROR_INSUFFICIENT_BUFFER && needed > description.size()) {
    description.resize(needed);
    ok = QueryServiceConfig2W(service, SERVICE_CONFIG_DESCRIPTION, description.data(), static_cast<DWORD>(description.size()), &needed);
  }
  if (ok) {
    out.description = utf8(reinterpret_cast<const SERVICE_DESCRIPTIONW*>(description.data())->lpDescription);
  } else if (GetLastError() == ERROR_MUI_FILE_NOT_FOUND) {
    out.description = std::string();
  } else {
    // A description its resource DLL lacks is "" (newer psutil); anything else fails as psutil's does.
    throw serviceError(GetLastError(), "QueryServiceConfig2W", name);
  }
}

WinServiceList serviceIter(const WindowsBackend&) {
  const ScHandle manager = openManager(SC_MANAGER_ENUMERATE_SERVICE);
  WinServiceList list;
  std::vector<BYTE> buffer(64 * 1024);
  DWORD resume = 0;
  for (;;) {
    DWORD needed = 0;
    DWORD count = 0;
    const BOOL ok = EnumServicesStatusExW(manager.get(), SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, buffer.data(),
                                          static_cast<DWORD>(buffer.size()), &needed, &count, &resume, nullptr);
    const DWORD code = ok ? ERROR_SUCCESS : GetLastError();
    if (!ok && code != ERROR_MORE_DATA) throw win::fromWin32(code, "EnumServicesStatusExW");
    const auto* entries = reinterpret_cast<const ENUM_SERVICE_STATUS_PROCESSW*>(buffer.data());
    for (DWORD i = 0; i < count; ++i) {
      WinService service;
      service.name = utf8(entries[i].lpServiceName);
      service.displayName = utf8(entries[i].lpDisplayName);
      setStatus(service, entries[i].ServiceStatusProcess);
      try {
        const ScHandle opened = openService(manager.get(), entries[i].lpServiceName, service.name, SERVICE_QUERY_CONFIG);
        readConfig(opened.get(), service.name, service);
      } catch (const Error& error) {
        // Deleted since the enumeration: gone, as psutil's iterator would find it.
        if (error.code == ErrorCode::NoSuchProcess) continue;
        // One service that hides its configuration keeps its row (its config fields null), not fail the list.
        if (error.code != ErrorCode::AccessDenied) throw;
        service.binpath = service.username = service.startType = service.description = std::nullopt;
      }
      list.services.push_back(std::move(service));
    }
    if (ok) break;
    // Nothing fitted: the next entry needs more than the buffer holds.
    if (count == 0) {
      if (needed <= buffer.size() || buffer.size() >= (64u << 20)) throw Error(ErrorCode::IoError, "EnumServicesStatusExW: no progress");
      buffer.resize(needed);
    }
  }
  return list;
}

const PlatformReader<WindowsBackend, WinServiceList> kIter{serviceIter};
const WindowsFunctions kImplements{"winServiceIter", "winServiceGet", "winServiceStart", "winServiceStop"};

}  // namespace

WinService WindowsBackend::winServiceGet(const std::string& name) const {
  const std::wstring wide = checkedName(name);
  const ScHandle manager = openManager(SC_MANAGER_ENUMERATE_SERVICE);
  const ScHandle service = openService(manager.get(), wide, name, SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS);
  WinService out;
  out.name = name;
  readConfig(service.get(), name, out);
  const std::vector<BYTE> status = sizedQuery(
      [&](BYTE* data, DWORD size, DWORD* needed) {
        return QueryServiceStatusEx(service.get(), SC_STATUS_PROCESS_INFO, data, size, needed);
      },
      "QueryServiceStatusEx", name);
  setStatus(out, *reinterpret_cast<const SERVICE_STATUS_PROCESS*>(status.data()));
  return out;
}

// Only the right the call needs (psutil asks SC_MANAGER_ALL_ACCESS, which
// only an administrator holds): whoever the service's ACL lets start it may.
void WindowsBackend::winServiceStart(const std::string& name) const {
  const std::wstring wide = checkedName(name);
  const ScHandle manager = openManager(SC_MANAGER_CONNECT);
  const ScHandle service = openService(manager.get(), wide, name, SERVICE_START);
  if (!StartServiceW(service.get(), 0, nullptr)) throw serviceError(GetLastError(), "StartServiceW", name);
}

void WindowsBackend::winServiceStop(const std::string& name) const {
  const std::wstring wide = checkedName(name);
  const ScHandle manager = openManager(SC_MANAGER_CONNECT);
  const ScHandle service = openService(manager.get(), wide, name, SERVICE_STOP);
  SERVICE_STATUS status{};
  if (!ControlService(service.get(), SERVICE_CONTROL_STOP, &status)) throw serviceError(GetLastError(), "ControlService", name);
}

}  // namespace procyon

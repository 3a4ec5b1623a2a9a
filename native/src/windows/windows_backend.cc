#include "windows/windows_backend.h"

#include <winsock2.h>
#include <windows.h>
#include <iphlpapi.h>

#include "common/connection_kinds.h"
#include "windows/functions.h"
#include "windows/net_adapters.h"
#include "windows/process_sections.h"

namespace procyon {

namespace {

std::vector<std::string_view>& functionList() {
  static std::vector<std::string_view> list;  // built on first use: registrars run in an order C++ leaves open
  return list;
}

// The multi-topic read: each topic is one of the functions above, or its own
// UNSUPPORTED error, so it works wherever any topic does.
const WindowsFunctions kImplements{"systemSnapshot"};

}  // namespace

WindowsFunctions::WindowsFunctions(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) functionList().push_back(name);
}

const std::vector<std::string_view>& implementedWindowsFunctions() { return functionList(); }

std::string WindowsBackend::sourceKey(const BackendSource& source) {
  const auto isDefault = [](const std::string& path, std::string_view name) { return path.empty() || path == name; };
  if (isDefault(source.procfs, "/proc") && isDefault(source.sysfs, "/sys") && isDefault(source.utmp, "/var/run/utmp")) return {};
  return source.procfs + '\0' + source.sysfs + '\0' + source.utmp;
}

std::vector<Capability> WindowsBackend::capabilities() const {
  std::vector<Capability> result;
  for (std::string_view name : implementedWindowsFunctions()) result.push_back({name, true, CapabilityReason::None, {}});
  return result;
}

const std::vector<NamedConstant>& WindowsBackend::priorityClasses() {
  static const std::vector<NamedConstant> classes = {
      {"IDLE_PRIORITY_CLASS", IDLE_PRIORITY_CLASS},       {"BELOW_NORMAL_PRIORITY_CLASS", BELOW_NORMAL_PRIORITY_CLASS},
      {"NORMAL_PRIORITY_CLASS", NORMAL_PRIORITY_CLASS},   {"ABOVE_NORMAL_PRIORITY_CLASS", ABOVE_NORMAL_PRIORITY_CLASS},
      {"HIGH_PRIORITY_CLASS", HIGH_PRIORITY_CLASS},       {"REALTIME_PRIORITY_CLASS", REALTIME_PRIORITY_CLASS},
  };
  return classes;
}

// Only what an implemented function uses.
PlatformConstants WindowsBackend::constants() const {
  PlatformConstants c;
  c.platform = "win32";
  // What processAction's signal takes here (terminate, kill), as node.exe numbers them.
  c.signals = {{"SIGKILL", 9}, {"SIGTERM", 15}};
  c.priorityClasses = priorityClasses();
  c.ioPriorities = win::ioPriorities();
  c.processStatuses = {"running", "stopped"};
  // netIfAddrs' families, as Python's socket module numbers them on Windows.
  c.addressFamilies = {{"AF_INET", AF_INET}, {"AF_INET6", AF_INET6}, {"AF_LINK", win::kAfLink}};
  // netConnections (net_connections.cc): psutil's kinds but "unix", its sockets' types and TCP_STATUSES.
  for (std::string_view kind : connectionKinds()) {
    if (kind != "unix") c.connectionKinds.push_back(kind);
  }
  c.socketTypes = {{"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}};
  c.virtualMemoryFields = {"total", "available", "percent", "used", "free"};  // psutil's svmem on Windows (memory.cc)
  c.connectionStatuses = {"ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
                          "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "DELETE_TCB", "NONE"};
  return c;
}

}  // namespace procyon

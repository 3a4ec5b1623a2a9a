#include "windows/windows_backend.h"

#include "windows/functions.h"

namespace procyon {

namespace {

std::vector<std::string_view>& functionList() {
  static std::vector<std::string_view> list;  // built on first use: registrars run in an order C++ leaves open
  return list;
}

}  // namespace

WindowsFunctions::WindowsFunctions(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) functionList().push_back(name);
}

const std::vector<std::string_view>& implementedWindowsFunctions() { return functionList(); }

std::vector<Capability> WindowsBackend::capabilities() const {
  std::vector<Capability> result;
  for (std::string_view name : implementedWindowsFunctions()) result.push_back({name, true, CapabilityReason::None, {}});
  return result;
}

// Only what an implemented function uses: signals, priority classes and the
// rest arrive with the Process methods that take them.
PlatformConstants WindowsBackend::constants() const {
  PlatformConstants c;
  c.platform = "win32";
  return c;
}

}  // namespace procyon

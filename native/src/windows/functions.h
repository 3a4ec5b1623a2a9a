#pragma once

// The collector functions (binding/registry.h names) a windows/<area>.cc
// implements, declared in that file beside the code:
//
//   const WindowsFunctions kImplements{"cpuTimes", "cpuCount"};
//
// WindowsBackend::capabilities() reports exactly these as available; any
// other name stays "platform" (describe()) and throws UNSUPPORTED.

#include <initializer_list>
#include <string_view>
#include <vector>

namespace procyon {

struct WindowsFunctions {
  WindowsFunctions(std::initializer_list<std::string_view> names);
};

const std::vector<std::string_view>& implementedWindowsFunctions();

}  // namespace procyon

#include "common/connection_kinds.h"

#include <algorithm>

namespace procyon {

const std::vector<std::string_view>& connectionKinds() {
  static const std::vector<std::string_view> kinds = {"all",  "tcp",  "tcp4", "tcp6",  "udp",  "udp4",
                                                      "udp6", "unix", "inet", "inet4", "inet6"};
  return kinds;
}

bool isConnectionKind(std::string_view kind) {
  const auto& kinds = connectionKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string invalidKindMessage(std::string_view kind) { return invalidKindMessage(kind, connectionKinds()); }

std::string invalidKindMessage(std::string_view kind, const std::vector<std::string_view>& kinds) {
  std::string message = "invalid '" + std::string(kind) + "' kind argument; choose between ";
  bool first = true;
  for (const std::string_view valid : kinds) {
    if (!first) message += ", ";
    first = false;
    message += "'" + std::string(valid) + "'";
  }
  return message;
}

}  // namespace procyon

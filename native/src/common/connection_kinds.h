#pragma once

// psutil's net_connections kinds ("all", "tcp", ... "inet6"): the argument
// every platform accepts. Which tables a kind reads is the backend's.

#include <string>
#include <string_view>
#include <vector>

namespace procyon {

// psutil's conn_tmap kinds in psutil's order.
const std::vector<std::string_view>& connectionKinds();

bool isConnectionKind(std::string_view kind);

// psutil's ValueError text for a bad kind: "invalid 'x' kind argument; choose between 'all', ...".
std::string invalidKindMessage(std::string_view kind);
// The same, listing `valid` (a platform's own kinds).
std::string invalidKindMessage(std::string_view kind, const std::vector<std::string_view>& valid);

}  // namespace procyon

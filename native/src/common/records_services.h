#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/metric.h"
#include "common/record.h"

// Windows services (psutil's WindowsService, win_service_iter/get): every
// method's answer in one record, as psutil's as_dict() gives it. A platform
// without a service manager registers no reader and answers UNSUPPORTED.

namespace procyon {

// startType: psutil's "automatic" | "manual" | "disabled" ("unknown" for the
// boot/system start types only drivers have, as psutil). status: psutil's
// "running" | "paused" | "start_pending" | "pause_pending" |
// "continue_pending" | "stop_pending" | "stopped". pid: null when the
// service has no process (psutil: None for 0). binpath, username, startType
// and description are null only in the list, for a service whose
// configuration the service manager refused to show (where psutil's method
// would raise AccessDenied); winServiceGet raises AccessDenied instead.
#define PROCYON_WIN_SERVICE_FIELDS(X)                      \
  X(std::string, name, {})                                 \
  X(std::string, displayName, {})                          \
  X(std::optional<std::string>, binpath, std::nullopt)     \
  X(std::optional<std::string>, username, std::nullopt)    \
  X(std::optional<std::string>, startType, std::nullopt)   \
  X(std::optional<int64_t>, pid, std::nullopt)             \
  X(std::string, status, {})                               \
  X(std::optional<std::string>, description, std::nullopt)
PROCYON_RECORD(WinService, PROCYON_WIN_SERVICE_FIELDS)
#undef PROCYON_WIN_SERVICE_FIELDS

// Every Win32 service the service manager enumerates, in its order.
#define PROCYON_WIN_SERVICE_LIST_FIELDS(X) X(std::vector<WinService>, services, {})
PROCYON_RECORD(WinServiceList, PROCYON_WIN_SERVICE_LIST_FIELDS)
#undef PROCYON_WIN_SERVICE_LIST_FIELDS

// winServiceIter(): the collector function, its snapshot topic and its capability.
PROCYON_METRIC(winServiceIter, WinServiceList)

}  // namespace procyon

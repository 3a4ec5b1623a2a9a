#pragma once

// Disk records to JS (psutil's field names in camelCase).

#include <napi.h>

#include "binding/to_js_record.h"

#include <vector>

#include "common/records_disk.h"

namespace procyon {

// The counters, plus `name` when `withName` (the per-disk list form).
Napi::Object diskIoToJs(Napi::Env env, const DiskIoCounters& disk, bool withName);
// Per disk: an array of counters each carrying its `name` (lib/ builds the
// name-keyed object, so a device called "__proto__" stays an own property).
Napi::Value toJs(Napi::Env env, const std::vector<DiskIoCounters>& disks);

}  // namespace procyon

#pragma once

// Disk records to JS (psutil's field names in camelCase).

#include <napi.h>

#include "binding/to_js_record.h"

#include <vector>

#include "common/records_disk.h"

namespace procyon {

// The record without its `name` (the total; systemSnapshot's name-keyed
// map), or with it, as the generic conversion gives it. The per-disk list is
// the generic vector conversion: an array of records each carrying its name
// (lib/ builds the name-keyed object, so a device called "__proto__" stays an
// own property).
Napi::Object diskIoToJs(Napi::Env env, const DiskIoCounters& disk, bool withName);

}  // namespace procyon

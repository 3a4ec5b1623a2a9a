#pragma once

// hwmon chips and power supplies to JS values: arrays of their records
// (common/records_hwmon.h).

#include <napi.h>

#include "binding/to_js_record.h"

#include "common/records_hwmon.h"

namespace procyon {

// [{ chip, chipName | null, sensors: [{ sensor, type, files: [[property, value]] }] }]
Napi::Value toJs(Napi::Env env, const HwmonChips& chips);
// [{ name, attributes: [[attribute, value]] }]
Napi::Value toJs(Napi::Env env, const PowerSupplies& supplies);

}  // namespace procyon

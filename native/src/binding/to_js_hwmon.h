#pragma once

// hwmon chips and power supplies to JS values. Names and values read from
// files travel as [name, value] pairs, never as object keys (a file named
// __proto__ stays a string).

#include <napi.h>

#include "common/records_hwmon.h"

namespace procyon {

// [{ chip, chipName | null, sensors: [{ sensor, type, files: [[property, value]] }] }]
Napi::Value toJs(Napi::Env env, const HwmonChips& chips);
// [{ name, attributes: [[attribute, value]] }]
Napi::Value toJs(Napi::Env env, const PowerSupplies& supplies);

}  // namespace procyon

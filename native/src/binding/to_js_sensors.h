#pragma once

// Sensor records to JS values (psutil's field names in camelCase).

#include <napi.h>

#include "binding/to_js_record.h"

#include "common/records_sensors.h"

namespace procyon {

// { [chip]: [{ label, current, high, critical }] }, null for psutil's None.
Napi::Value toJs(Napi::Env env, const Temperatures& temperatures);
// { [chip]: [{ label, current }] }
Napi::Value toJs(Napi::Env env, const Fans& fans);
// { percent, secsleft, powerPlugged } or null when there is no battery.
Napi::Value toJs(Napi::Env env, const BatteryResult& battery);

}  // namespace procyon

#include "binding/to_js_hwmon.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const HwmonChips& chips) { return toJs(env, chips.chips); }

Napi::Value toJs(Napi::Env env, const PowerSupplies& supplies) { return toJs(env, supplies.supplies); }

}  // namespace procyon

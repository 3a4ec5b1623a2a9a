#pragma once

// Process records to JS values (psutil's field names in camelCase). Results
// that are plain std types are wrapped, so toJs is found by argument-dependent
// lookup from native_call.h's templates.

#include <napi.h>

#include <cstdint>
#include <vector>

#include "common/records_process.h"

namespace procyon {

struct ActionDone {};

Napi::Value toJs(Napi::Env env, const ActionDone& done);
Napi::Value toJs(Napi::Env env, const ProcessSnapshot& snapshot);
Napi::Value toJs(Napi::Env env, const ProcessTable& table);

Napi::Value toJs(Napi::Env env, const PidList& pids);
Napi::Value toJs(Napi::Env env, const PidPresence& presence);

}  // namespace procyon

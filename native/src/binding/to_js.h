#pragma once

// Records to JS values, with psutil's field names in camelCase.

#include <napi.h>

#include "binding/to_js_record.h"

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "common/records.h"

namespace procyon {

// cpuTimes answers with one record or, with percpu, one per CPU; either in
// the platform's own record.
using CpuTimesResult = std::variant<SystemCpuTimes, PerCpuTimes>;

Napi::Value toJs(Napi::Env env, const SystemCpuTimes& times);
Napi::Value toJs(Napi::Env env, const PerCpuTimes& times);
Napi::Value toJs(Napi::Env env, const CpuTimesResult& times);
Napi::Value toJs(Napi::Env env, double number);
// nullopt becomes null, as psutil's None.
Napi::Value toJs(Napi::Env env, const std::optional<uint64_t>& count);

}  // namespace procyon

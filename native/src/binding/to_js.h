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

// cpuTimes answers with one record or, with percpu, one per CPU.
using CpuTimesResult = std::variant<CpuTimes, std::vector<CpuTimes>>;

Napi::Value toJs(Napi::Env env, const CpuTimesResult& times);
Napi::Value toJs(Napi::Env env, double number);
// nullopt becomes null, as psutil's None.
Napi::Value toJs(Napi::Env env, const std::optional<uint64_t>& count);

}  // namespace procyon

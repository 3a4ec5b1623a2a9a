#pragma once

// CPU records beyond cpu_times to JS (psutil's field names in camelCase).

#include <napi.h>

#include "binding/to_js_record.h"

#include <optional>
#include <variant>
#include <vector>

#include "common/records_cpu.h"

namespace procyon {

// cpuFreq answers with the average (null when there are no CPUs) or, with percpu, the list.
using CpuFreqResult = std::variant<std::optional<CpuFreq>, std::vector<CpuFreq>>;

Napi::Value toJs(Napi::Env env, const std::optional<CpuFreq>& freq);
Napi::Value toJs(Napi::Env env, const CpuFreqResult& freq);
// [1, 5, 15] minutes, as psutil's tuple.
Napi::Value toJs(Napi::Env env, const LoadAvg& load);

}  // namespace procyon

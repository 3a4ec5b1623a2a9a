#pragma once

// Reading the single options object every exported function takes.

#include <napi.h>

#include "backend.h"

namespace procyon {

// The options object (args[0]); undefined means all defaults. INVALID_ARGUMENT otherwise.
Napi::Object optionsArgument(const Napi::CallbackInfo& info);

// `procfs` / `sysfs`: strings, non-empty, without NUL; absent leaves the member empty (the running machine's).
BackendSource sourceOption(Napi::Object options);

// A boolean option; absent (or undefined) means `fallback`.
bool booleanOption(Napi::Object options, const char* name, bool fallback);

}  // namespace procyon

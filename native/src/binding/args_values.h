#pragma once

// Option readers for the cpu/disk/other-system functions (kept apart from
// args.h so each area's additions stay in their own files).

#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace procyon {

// A string option without NUL; absent (undefined) means `fallback`. INVALID_ARGUMENT otherwise.
std::string stringOption(Napi::Object options, const char* name, const std::string& fallback);

// A required string (without NUL). INVALID_ARGUMENT otherwise.
std::string requiredStringOption(Napi::Object options, const char* name);

// A required integer (a JS number with no fraction, within ±2^53). INVALID_ARGUMENT otherwise.
int64_t integerOption(Napi::Object options, const char* name);

// An array of strings (each without NUL); absent means `fallback`. INVALID_ARGUMENT otherwise.
std::vector<std::string> stringListOption(Napi::Object options, const char* name, std::vector<std::string> fallback);

}  // namespace procyon

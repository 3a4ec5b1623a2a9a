#pragma once

// What every windows/<area>.cc needs: UTF-16 <-> UTF-8 at the API boundary,
// Win32 error codes as procyon::Error, and FILETIME-style 100 ns counts.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace procyon::win {

// UTF-8 for JS; invalid UTF-16 (lone surrogates) becomes U+FFFD.
std::string toUtf8(std::wstring_view text);
// INVALID_ARGUMENT when `text` is not valid UTF-8 or holds a NUL (a path that would mean something else).
std::wstring toWide(std::string_view text);

// A Win32 error (GetLastError(), or a status an API returned) from `operation`
// on `path` as NOT_FOUND, ACCESS_DENIED or IO_ERROR, with the system's message.
Error fromWin32(uint32_t code, std::string_view operation, std::string path = {});

// Seconds in a count of 100 ns units (FILETIME, LARGE_INTEGER times), as psutil's HI_T/LO_T do.
inline double hundredNsToSeconds(uint64_t units) { return static_cast<double>(units) * 1e-7; }

// A FILETIME (100 ns units since 1601) as seconds since the epoch (psutil_FiletimeToUnixTime).
double fileTimeToEpoch(uint64_t units);
// The wall clock (GetSystemTimeAsFileTime), seconds since the epoch.
double nowEpoch();
// psutil's boot_time (psutil_boot_time): the wall clock less the time since
// boot (GetTickCount64), to the nearest second so that it holds still between
// reads (psutil keeps its previous answer while a new one is within 1 s).
double bootTimeEpoch();

}  // namespace procyon::win

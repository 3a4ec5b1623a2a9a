#pragma once

// /proc/cpuinfo: the two CPU counts psutil derives from it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace procyon::parse {

// Lines starting with "processor" (any case): psutil's logical CPU fallback.
size_t countCpuinfoProcessors(std::string_view text);

// psutil's physical-core fallback: per section (blank-line separated), map
// "physical id" to "cpu cores", then sum over distinct physical ids.
// nullopt when no section has both keys.
std::optional<uint64_t> cpuinfoPhysicalCores(std::string_view text);

}  // namespace procyon::parse

#pragma once

// Interface flags and the sysfs files of /sys/class/net/<nic>.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace procyon::parse {

// Linux's IFF_* bits psutil names (the 16 bits SIOCGIFFLAGS reports).
constexpr unsigned kIffUp = 0x1;
constexpr unsigned kIffRunning = 0x40;

// psutil's net_if_stats flags text: the names of the set bits, comma-separated,
// in psutil's order ("up,broadcast,running,multicast").
std::string nicFlagsString(unsigned flags);

// <sysfs>/class/net/<nic>/flags: "0x1003" → 0x1003; nullopt when malformed.
std::optional<unsigned> parseSysfsHexFlags(std::string_view text);

// <sysfs>/class/net/<nic>/duplex: "full" → 2, "half" → 1, anything else → 0
// (psutil's NIC_DUPLEX_* values).
int parseSysfsDuplex(std::string_view text);

// <sysfs>/class/net/<nic>/speed in Mbps: negative (SPEED_UNKNOWN) or malformed → 0, as psutil.
double parseSysfsSpeed(std::string_view text);

// A decimal integer file (mtu): nullopt when malformed.
std::optional<double> parseSysfsUnsigned(std::string_view text);

}  // namespace procyon::parse

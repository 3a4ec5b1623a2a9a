#include "linux/parse/net_if.h"

#include "linux/parse/text.h"

namespace procyon::parse {

std::string nicFlagsString(unsigned flags) {
  // Order and names of psutil's _psutil_posix.c net_if_flags on Linux.
  static constexpr struct {
    unsigned bit;
    const char* name;
  } kNames[] = {
      {0x1, "up"},          {0x2, "broadcast"}, {0x4, "debug"},      {0x8, "loopback"},
      {0x10, "pointopoint"}, {0x20, "notrailers"}, {0x40, "running"}, {0x80, "noarp"},
      {0x100, "promisc"},   {0x200, "allmulti"}, {0x400, "master"},   {0x800, "slave"},
      {0x1000, "multicast"}, {0x2000, "portsel"}, {0x4000, "automedia"}, {0x8000, "dynamic"},
  };
  std::string text;
  for (const auto& entry : kNames) {
    if ((flags & entry.bit) == 0) continue;
    if (!text.empty()) text.push_back(',');
    text += entry.name;
  }
  return text;
}

std::optional<unsigned> parseSysfsHexFlags(std::string_view text) {
  text = trim(text);
  if (startsWith(text, "0x") || startsWith(text, "0X")) text.remove_prefix(2);
  if (text.size() > 8) return std::nullopt;
  const auto value = hexToUint64(text);
  if (!value) return std::nullopt;
  return static_cast<unsigned>(*value);
}

int parseSysfsDuplex(std::string_view text) {
  text = trim(text);
  if (text == "full") return 2;
  if (text == "half") return 1;
  return 0;
}

double parseSysfsSpeed(std::string_view text) {
  const auto value = toUint64(trim(text));  // "-1" does not parse: unknown
  if (!value || *value >= 0xffffffffULL) return 0;
  return static_cast<double>(*value);
}

std::optional<double> parseSysfsUnsigned(std::string_view text) {
  const auto value = toUint64(trim(text));
  if (!value) return std::nullopt;
  return static_cast<double>(*value);
}

}  // namespace procyon::parse

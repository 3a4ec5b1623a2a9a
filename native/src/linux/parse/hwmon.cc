#include "linux/parse/hwmon.h"

#include <algorithm>
#include <array>

namespace procyon::parse {

std::string cleanHwmonName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80) {
      // One '_' per UTF-8 sequence, as Go's regexp replaces per rune.
      size_t extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      while (extra > 0 && i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) {
        ++i;
        --extra;
      }
      out.push_back('_');
      continue;
    }
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == ':' || lower == '_';
    out.push_back(keep ? lower : '_');
  }
  const size_t first = out.find_first_not_of('_');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of('_') - first + 1);
}

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// The regular expression ^([^0-9]+)([0-9]*)?(_(.+))?$ with its backtracking
// spelled out: the longest non-digit type and every digit after it, then an
// optional _property; failing that, a shorter type ending where an '_'
// starts the property.
std::optional<SensorFileName> explodeSensorFileName(std::string_view name) {
  const size_t typeEnd = std::find_if(name.begin(), name.end(), isDigit) - name.begin();
  if (typeEnd == 0) return std::nullopt;
  const size_t idEnd = std::find_if_not(name.begin() + typeEnd, name.end(), isDigit) - name.begin();
  const std::string_view rest = name.substr(idEnd);
  if (rest.empty() || (rest[0] == '_' && rest.size() > 1)) {
    const std::string_view digits = name.substr(typeEnd, idEnd - typeEnd);
    // Go's strconv.Atoi: a number past int64 is not a sensor.
    if (digits.size() > 18) return std::nullopt;
    SensorFileName out{std::string(name.substr(0, typeEnd)), 0, rest.empty() ? "" : std::string(rest.substr(1))};
    for (const char c : digits) out.number = out.number * 10 + (c - '0');
    return out;
  }
  for (size_t end = typeEnd - 1; end >= 1; --end) {
    if (name[end] == '_' && end + 1 < name.size()) {
      return SensorFileName{std::string(name.substr(0, end)), 0, std::string(name.substr(end + 1))};
    }
  }
  return std::nullopt;
}

bool isHwmonSensorType(std::string_view type) {
  static constexpr std::array<std::string_view, 14> kTypes = {
      "vrm", "beep_enable", "update_interval", "in", "cpu", "fan", "pwm",
      "temp", "curr", "power", "energy", "humidity", "intrusion", "freq",
  };
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

}  // namespace procyon::parse

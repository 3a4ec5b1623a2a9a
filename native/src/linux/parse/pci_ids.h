#pragma once

// Pure lookup in the PCI id database's text (pci.ids, as pciutils and
// hwdata ship it):
//   1002  Advanced Micro Devices, Inc. [AMD/ATI]      vendor: 4 hex digits, two spaces, name
//   <TAB>687f  Vega 10 XL/XT [Radeon RX Vega 56/64]   device of the vendor above
//   <TAB><TAB>1043 04c4  ...                          subsystem (skipped)
//   C 03  Display controller                          class lists, after every vendor
// Lazy: it scans only until the vendor's block ends, parsing no other line's
// name. Header-only so the format is one file.

#include <optional>
#include <string>
#include <string_view>

#include "linux/parse/text.h"

namespace procyon::parse {

struct PciNames {
  std::optional<std::string> vendor;
  std::optional<std::string> device;
};

namespace pci_ids_detail {

// Names are one line; a longer one is cut (the database's longest is ~100).
constexpr size_t kMaxName = 256;

inline std::optional<uint32_t> hex4(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) {
    const int digit = hexDigit(text[i]);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<uint32_t>(digit);
  }
  return value;
}

// "<id>  <name>" after the id's 4 digits: the name, or nullopt when the line is not of that shape.
inline std::optional<std::string> nameAfterId(std::string_view line) {
  if (line.size() < 6 || line[4] != ' ') return std::nullopt;
  std::string_view name = trim(line.substr(5));
  if (name.empty()) return std::nullopt;
  return std::string(name.substr(0, kMaxName));
}

}  // namespace pci_ids_detail

inline PciNames lookupPciIds(std::string_view text, uint32_t vendorId, uint32_t deviceId) {
  using namespace pci_ids_detail;
  PciNames names;
  bool inVendor = false;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::string_view line = nextLine(rest);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] != '\t') {
      if (inVendor) break;                  // the next vendor: our block is over
      if (line.size() > 1 && line[1] == ' ' && !hex4(line)) break;  // "C 03": the class lists, no vendor beyond
      const auto id = hex4(line);
      if (id && *id == vendorId) {
        names.vendor = nameAfterId(line);
        inVendor = names.vendor.has_value();
      }
      continue;
    }
    if (!inVendor || (line.size() > 1 && line[1] == '\t')) continue;  // another vendor's device, or a subsystem
    const auto id = hex4(line.substr(1));
    if (id && *id == deviceId) {
      names.device = nameAfterId(line.substr(1));
      break;
    }
  }
  return names;
}

}  // namespace procyon::parse

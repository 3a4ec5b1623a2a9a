#pragma once

// Pure parser of a DRM file descriptor's /proc/<pid>/fdinfo/<fd>, as the
// kernel's Documentation/gpu/drm-usage-stats.rst defines its keys:
//   drm-driver: amdgpu            (mandatory: without it the fd is no DRM client)
//   drm-pdev: 0000:03:00.0        drm-client-id: 17
//   drm-engine-<e>: 123 ns        drm-engine-capacity-<e>: 2
//   drm-cycles-<e>: 456           drm-total-cycles-<e>: 789   (xe)
//   drm-{total,shared,resident}-<region>: 12 KiB   drm-memory-<region>: 12 KiB (older)
// Header-only so the format is one file. The text is the process's to shape:
// a malformed line is skipped, names and counts are bounded.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linux/parse/text.h"

namespace procyon::parse {

struct DrmEngineUsage {
  std::string name;
  std::optional<uint64_t> ns;           // drm-engine-<e>
  std::optional<uint64_t> cycles;       // drm-cycles-<e>
  std::optional<uint64_t> totalCycles;  // drm-total-cycles-<e>
  uint64_t capacity = 1;                // drm-engine-capacity-<e>
};

struct DrmRegionUsage {
  std::string name;
  std::optional<uint64_t> total, shared, resident, memory;  // bytes
};

struct DrmFdinfo {
  std::string driver;
  std::string pdev;
  std::optional<uint64_t> clientId;
  std::vector<DrmEngineUsage> engines;
  std::vector<DrmRegionUsage> regions;
};

namespace drm_fdinfo_detail {

// Engine and region names are the driver's short keys (gfx, video-enhance, vram0).
constexpr size_t kMaxName = 64;
constexpr size_t kMaxEntries = 64;

inline bool validName(std::string_view name) {
  if (name.empty() || name.size() > kMaxName) return false;
  for (char c : name) {
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7f) return false;
  }
  return true;
}

// "123", "123 ns": the number, the unit (if any) checked by the caller.
inline std::optional<uint64_t> number(std::string_view value, std::string_view& unit) {
  std::string_view rest = value;
  const std::string_view digits = nextToken(rest);
  unit = nextToken(rest);
  if (!nextToken(rest).empty()) return std::nullopt;
  return toUint64(digits);
}

// A memory figure: bytes, or KiB / MiB / GiB (the document names KiB and MiB).
inline std::optional<uint64_t> bytes(std::string_view value) {
  std::string_view unit;
  const std::optional<uint64_t> n = number(value, unit);
  if (!n) return std::nullopt;
  uint64_t scale = 1;
  if (unit.empty()) scale = 1;
  else if (unit == "KiB") scale = 1024;
  else if (unit == "MiB") scale = 1024 * 1024;
  else if (unit == "GiB") scale = 1024ull * 1024 * 1024;
  else return std::nullopt;
  uint64_t out = 0;
  if (!checkedMul(*n, scale, out)) return std::nullopt;
  return out;
}

inline std::optional<uint64_t> plain(std::string_view value, std::string_view allowedUnit = {}) {
  std::string_view unit;
  const std::optional<uint64_t> n = number(value, unit);
  if (!n || (!unit.empty() && unit != allowedUnit)) return std::nullopt;
  return n;
}

template <typename Entry>
Entry* entry(std::vector<Entry>& list, std::string_view name) {
  if (!validName(name)) return nullptr;
  for (Entry& e : list) {
    if (e.name == name) return &e;
  }
  if (list.size() >= kMaxEntries) return nullptr;
  list.push_back(Entry{});
  list.back().name = std::string(name);
  return &list.back();
}

}  // namespace drm_fdinfo_detail

// nullopt when the text has no drm-driver line (not a DRM fd, or a driver
// that keeps no stats). Engines that report neither time nor cycles are
// dropped (a lone drm-engine-capacity-<e>), as are regions with no figure.
inline std::optional<DrmFdinfo> parseDrmFdinfo(std::string_view text) {
  using namespace drm_fdinfo_detail;
  DrmFdinfo info;
  bool hasDriver = false;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::string_view line = nextLine(rest);
    if (!startsWith(line, "drm-")) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(4, colon - 4);
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "driver") {
      if (validName(value)) {
        info.driver = std::string(value);
        hasDriver = true;
      }
    } else if (key == "pdev") {
      if (validName(value)) info.pdev = std::string(value);
    } else if (key == "client-id") {
      info.clientId = plain(value);
    } else if (startsWith(key, "engine-capacity-")) {
      const auto n = plain(value);
      if (DrmEngineUsage* e = n && *n > 0 ? entry(info.engines, key.substr(16)) : nullptr) e->capacity = *n;
    } else if (startsWith(key, "engine-")) {
      const auto n = plain(value, "ns");
      if (DrmEngineUsage* e = n ? entry(info.engines, key.substr(7)) : nullptr) e->ns = n;
    } else if (startsWith(key, "total-cycles-")) {
      const auto n = plain(value);
      if (DrmEngineUsage* e = n ? entry(info.engines, key.substr(13)) : nullptr) e->totalCycles = n;
    } else if (startsWith(key, "cycles-")) {
      const auto n = plain(value);
      if (DrmEngineUsage* e = n ? entry(info.engines, key.substr(7)) : nullptr) e->cycles = n;
    } else {
      // drm-{total,shared,resident,memory}-<region>; purgeable and active are not resident figures we need.
      std::optional<uint64_t> DrmRegionUsage::*field = nullptr;
      size_t prefix = 0;
      if (startsWith(key, "total-")) field = &DrmRegionUsage::total, prefix = 6;
      else if (startsWith(key, "shared-")) field = &DrmRegionUsage::shared, prefix = 7;
      else if (startsWith(key, "resident-")) field = &DrmRegionUsage::resident, prefix = 9;
      else if (startsWith(key, "memory-")) field = &DrmRegionUsage::memory, prefix = 7;
      if (!field) continue;
      const auto n = bytes(value);
      if (DrmRegionUsage* r = n ? entry(info.regions, key.substr(prefix)) : nullptr) r->*field = n;
    }
  }
  if (!hasDriver) return std::nullopt;
  std::vector<DrmEngineUsage> engines;
  for (DrmEngineUsage& e : info.engines) {
    if (e.ns || e.cycles) engines.push_back(std::move(e));
  }
  info.engines = std::move(engines);
  return info;
}

// Whether a region is the device's own memory: VRAM (amdgpu vram, xe
// vram0) and i915's local0. GTT is system RAM mapped for the GPU (the kernel's
// drm-usage-stats names regions per driver; amdgpu's are vram, gtt and cpu):
// on a discrete card it holds staging and evicted buffers, not the card's
// memory, so it is not counted there (nvtop counts only drm-memory-vram too).
inline bool isLocalRegion(std::string_view name) { return startsWith(name, "vram") || startsWith(name, "local"); }

// A client's GPU memory in bytes: the resident figure of each region
// (drm-resident-<r>, else the older drm-memory-<r>). On a discrete card its
// local regions; on an integrated GPU, whose memory is all system RAM, its
// local carve-out and GTT (`integrated`: an amdgpu APU, whose carve-out the
// fdinfo still calls vram), or every region where it has no local one
// (integrated Intel: system0, stolen).
inline uint64_t residentBytes(const DrmFdinfo& info, bool integrated) {
  uint64_t local = 0, gtt = 0, all = 0;
  bool hasLocal = false;
  for (const DrmRegionUsage& r : info.regions) {
    const std::optional<uint64_t> value = r.resident ? r.resident : r.memory;
    if (!value) continue;
    uint64_t sum = 0;
    if (checkedAdd(all, *value, sum)) all = sum;
    if (isLocalRegion(r.name)) {
      hasLocal = true;
      if (checkedAdd(local, *value, sum)) local = sum;
    } else if (r.name == "gtt") {
      if (checkedAdd(gtt, *value, sum)) gtt = sum;
    }
  }
  if (!hasLocal) return all;
  uint64_t both = 0;
  return integrated && checkedAdd(local, gtt, both) ? both : local;
}

}  // namespace procyon::parse

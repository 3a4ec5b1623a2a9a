#pragma once

// Pure parsers of the control-group files (the kernel's
// Documentation/admin-guide/cgroup-v2.rst and cgroup-v1/{memory,blkio-controller}.rst)
// and of the two procfs files that locate them (proc(5): mountinfo, PID/cgroup).
// Header-only, so each format is one file; every parser takes the text as read
// (bounded by the reader) and throws PARSE_ERROR for what the kernel never writes.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/records_cgroups.h"
#include "linux/parse/pressure.h"
#include "linux/parse/text.h"

namespace procyon::parse {

// --- /proc/<pid>/mountinfo ---

// One cgroup mount: where it is mounted, which part of the hierarchy it shows
// (its "root" field: "/" unless a cgroup namespace or bind mount narrowed it).
struct CgroupMount {
  std::string mountPoint;
  std::string root;
};

namespace cgroup_detail {

// mountinfo's octal escapes (\040 space, \011 tab, \012 newline, \134 backslash).
inline std::string decodeOctal(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && field.size() - i >= 4) {
      const char a = field[i + 1], b = field[i + 2], c = field[i + 3];
      if (a >= '0' && a <= '3' && b >= '0' && b <= '7' && c >= '0' && c <= '7') {
        out.push_back(static_cast<char>((a - '0') * 64 + (b - '0') * 8 + (c - '0')));
        i += 3;
        continue;
      }
    }
    out.push_back(field[i]);
  }
  return out;
}

inline bool hasOption(std::string_view options, std::string_view wanted) {
  while (!options.empty()) {
    const size_t comma = options.find(',');
    if (options.substr(0, comma) == wanted) return true;
    if (comma == std::string_view::npos) break;
    options.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace cgroup_detail

// The first mount of type `fstype` ("cgroup2"), or, for "cgroup" (v1), the
// first whose super options name `controller`. Lines too short to be
// mountinfo's are skipped (the kernel writes none); nullopt when none matches.
inline std::optional<CgroupMount> findCgroupMount(std::string_view mountinfo, std::string_view fstype, std::string_view controller = {}) {
  while (!mountinfo.empty()) {
    std::string_view line = nextLine(mountinfo);
    std::string_view fields[6];
    size_t count = 0;
    for (; count < 6; ++count) {
      fields[count] = nextToken(line);
      if (fields[count].empty()) break;
    }
    if (count < 6) continue;
    // Optional fields until the lone "-", then fstype, source, super options.
    std::string_view token = fields[5];
    while (!token.empty() && token != "-") token = nextToken(line);
    if (token != "-") continue;
    const std::string_view type = nextToken(line);
    nextToken(line);  // source
    const std::string_view superOptions = nextToken(line);
    if (type != fstype) continue;
    if (!controller.empty() && !cgroup_detail::hasOption(superOptions, controller)) continue;
    return CgroupMount{cgroup_detail::decodeOctal(fields[4]), cgroup_detail::decodeOctal(fields[3])};
  }
  return std::nullopt;
}

// --- /proc/<pid>/cgroup: "hierarchy-ID:controller-list:cgroup-path" ---

// The path of the v2 line ("0::/path") when `controller` is empty, else of the
// v1 line whose controller list names it; nullopt when there is no such line.
inline std::optional<std::string> procCgroupPath(std::string_view text, std::string_view controller = {}) {
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    const size_t first = line.find(':');
    if (first == std::string_view::npos) continue;
    const size_t second = line.find(':', first + 1);
    if (second == std::string_view::npos) continue;
    const std::string_view id = line.substr(0, first);
    const std::string_view controllers = line.substr(first + 1, second - first - 1);
    const std::string_view path = line.substr(second + 1);
    if (path.empty() || path.front() != '/') continue;
    if (controller.empty() ? (id == "0" && controllers.empty()) : cgroup_detail::hasOption(controllers, controller)) return std::string(path);
  }
  return std::nullopt;
}

// --- single values and flat-keyed files ---

// The kernel's v1 "unlimited": PAGE_COUNTER_MAX pages, LONG_MAX rounded down to a
// page (9223372036854771712 with 4 KiB pages). No real limit comes near 2^62 bytes.
constexpr uint64_t kCgroupV1Unlimited = uint64_t{1} << 62;

// A file of one unsigned number (memory.current, pids.current, memory.usage_in_bytes).
inline uint64_t parseCgroupNumber(std::string_view text) {
  const auto value = toUint64(trim(text));
  if (!value) throw Error::parse("malformed number '" + std::string(trim(text).substr(0, 64)) + "'");
  return *value;
}

// memory.max / pids.max: "max" is no limit (nullopt).
inline std::optional<uint64_t> parseCgroupLimit(std::string_view text) {
  if (trim(text) == "max") return std::nullopt;
  return parseCgroupNumber(text);
}

// memory.limit_in_bytes (v1): the huge "unlimited" value is no limit.
inline std::optional<uint64_t> parseCgroupV1Limit(std::string_view text) {
  const uint64_t value = parseCgroupNumber(text);
  if (value >= kCgroupV1Unlimited) return std::nullopt;
  return value;
}

// The value of `key` in a flat-keyed file ("key value" lines: cpu.stat,
// memory.stat, cgroup.events); nullopt when absent. A present key with a
// value that is not an unsigned number is PARSE_ERROR.
inline std::optional<uint64_t> flatKeyed(std::string_view text, std::string_view key) {
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    if (nextToken(line) != key) continue;
    const std::string_view value = nextToken(line);
    const auto number = toUint64(value);
    if (!number || !nextToken(line).empty()) throw Error::parse("malformed value of '" + std::string(key) + "'");
    return *number;
  }
  return std::nullopt;
}

inline uint64_t requiredKey(std::string_view text, std::string_view key) {
  const auto value = flatKeyed(text, key);
  if (!value) throw Error::parse("no '" + std::string(key) + "' line");
  return *value;
}

// cpu.stat: usage/user/system always (core stats, with or without the cpu
// controller); nr_throttled and throttled_usec only with it.
inline CgroupCpu parseCgroupCpuStat(std::string_view text) {
  CgroupCpu cpu;
  cpu.usageUsec = static_cast<double>(requiredKey(text, "usage_usec"));
  cpu.userUsec = static_cast<double>(requiredKey(text, "user_usec"));
  cpu.systemUsec = static_cast<double>(requiredKey(text, "system_usec"));
  if (const auto n = flatKeyed(text, "nr_throttled")) cpu.nrThrottled = static_cast<double>(*n);
  if (const auto t = flatKeyed(text, "throttled_usec")) cpu.throttledUsec = static_cast<double>(*t);
  return cpu;
}

// cgroup.events "frozen": nullopt on kernels before 5.2, which have no freezer line.
inline std::optional<bool> parseCgroupFrozen(std::string_view text) {
  const auto frozen = flatKeyed(text, "frozen");
  if (!frozen) return std::nullopt;
  if (*frozen > 1) throw Error::parse("cgroup.events frozen is neither 0 nor 1");
  return *frozen == 1;
}

// memory.stat: anon/file (v2), or total_rss/total_cache (v1 hierarchical,
// rss/cache where the total_ lines are absent).
struct CgroupMemoryStat {
  std::optional<uint64_t> anon;
  std::optional<uint64_t> file;
};
inline CgroupMemoryStat parseCgroupMemoryStat(std::string_view text, bool v1) {
  CgroupMemoryStat stat;
  if (!v1) {
    stat.anon = flatKeyed(text, "anon");
    stat.file = flatKeyed(text, "file");
    return stat;
  }
  stat.anon = flatKeyed(text, "total_rss");
  if (!stat.anon) stat.anon = flatKeyed(text, "rss");
  stat.file = flatKeyed(text, "total_cache");
  if (!stat.file) stat.file = flatKeyed(text, "cache");
  return stat;
}

// --- cgroup.procs: one pid a line ---

// At most `limit` pids (ascending); a line that is not a pid is PARSE_ERROR.
inline std::vector<int64_t> parseCgroupProcs(std::string_view text, size_t limit) {
  std::vector<int64_t> pids;
  while (!text.empty()) {
    const std::string_view line = trim(nextLine(text));
    if (line.empty()) continue;
    const auto pid = toUint64(line);
    if (!pid || *pid == 0 || *pid > INT32_MAX) throw Error::parse("malformed pid '" + std::string(line.substr(0, 32)) + "'");
    if (pids.size() < limit) pids.push_back(static_cast<int64_t>(*pid));
  }
  return pids;
}

// --- io ---

struct CgroupIoSums {
  uint64_t readBytes = 0, writeBytes = 0, readOps = 0, writeOps = 0;
};

namespace cgroup_detail {
inline void add(uint64_t& sum, uint64_t value) {
  if (!checkedAdd(sum, value, sum)) throw Error::parse("io counter sum overflows");
}
inline bool isDevice(std::string_view token) {
  const size_t colon = token.find(':');
  return colon != std::string_view::npos && toUint64(token.substr(0, colon)) && toUint64(token.substr(colon + 1));
}
}  // namespace cgroup_detail

// io.stat (v2, nested keyed): "MAJ:MIN rbytes=N wbytes=N rios=N wios=N dbytes=N dios=N", summed over devices.
inline CgroupIoSums parseCgroupIoStat(std::string_view text) {
  CgroupIoSums sums;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view device = nextToken(line);
    if (device.empty()) continue;
    if (!cgroup_detail::isDevice(device)) throw Error::parse("malformed io.stat device '" + std::string(device.substr(0, 32)) + "'");
    for (std::string_view token = nextToken(line); !token.empty(); token = nextToken(line)) {
      const size_t equals = token.find('=');
      if (equals == std::string_view::npos) throw Error::parse("malformed io.stat field");
      const std::string_view key = token.substr(0, equals);
      uint64_t* sum = key == "rbytes" ? &sums.readBytes : key == "wbytes" ? &sums.writeBytes : key == "rios" ? &sums.readOps
                    : key == "wios"   ? &sums.writeOps : nullptr;
      if (!sum) continue;  // dbytes, dios, and what later kernels add
      const auto value = toUint64(token.substr(equals + 1));
      if (!value) throw Error::parse("malformed io.stat value of '" + std::string(key) + "'");
      cgroup_detail::add(*sum, *value);
    }
  }
  return sums;
}

// blkio.throttle.io_service_bytes / io_serviced (v1): "MAJ:MIN Read N" ...,
// then "Total N". Read and Write summed over devices: {read, write}.
inline std::pair<uint64_t, uint64_t> parseBlkioThrottle(std::string_view text) {
  uint64_t read = 0, write = 0;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view device = nextToken(line);
    if (device.empty() || device == "Total") continue;
    if (!cgroup_detail::isDevice(device)) throw Error::parse("malformed blkio device '" + std::string(device.substr(0, 32)) + "'");
    const std::string_view op = nextToken(line);
    const auto value = toUint64(nextToken(line));
    if (!value) throw Error::parse("malformed blkio value");
    if (op == "Read") cgroup_detail::add(read, *value);
    else if (op == "Write") cgroup_detail::add(write, *value);
  }
  return {read, write};
}

// --- *.pressure: the PSI format (parse/pressure.h), total kept in µs ---

inline CgroupPressure parseCgroupPressure(std::string_view text) {
  const PressureResource resource = parsePressure(text);
  if (!resource.some) throw Error::parse("pressure file lacks its 'some' line");
  // parsePressure gives seconds (µs / 1e6); the group's record keeps the file's µs.
  const auto line = [](const PressureLine& l) {
    return CgroupPressureLine{l.avg10, l.avg60, l.avg300, std::round(l.total * 1e6)};
  };
  CgroupPressure pressure;
  pressure.some = line(*resource.some);
  if (resource.full) pressure.full = line(*resource.full);
  return pressure;
}

}  // namespace procyon::parse

#include "linux/parse/proc_pid_limits.h"

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

struct LimitName {
  std::string_view name;
  int resource;
};

// Linux's resource numbers (asm-generic/resource.h; identical on x86_64 and aarch64).
constexpr LimitName kLimitNames[] = {
    {"Max cpu time", 0},         {"Max file size", 1},         {"Max data size", 2},
    {"Max stack size", 3},       {"Max core file size", 4},    {"Max resident set", 5},
    {"Max processes", 6},        {"Max open files", 7},        {"Max locked memory", 8},
    {"Max address space", 9},    {"Max file locks", 10},       {"Max pending signals", 11},
    {"Max msgqueue size", 12},   {"Max nice priority", 13},    {"Max realtime priority", 14},
    {"Max realtime timeout", 15},
};

double limitValue(std::string_view token) {
  if (token == "unlimited") return -1;
  const auto value = toUint64(token);
  if (!value) throw Error::parse("malformed limit '" + std::string(token.substr(0, 64)) + "'");
  return static_cast<double>(*value);
}

}  // namespace

int rlimitResourceOfLimitName(std::string_view name) {
  for (const LimitName& known : kLimitNames) {
    if (known.name == name) return known.resource;
  }
  return -1;
}

std::vector<RlimitValue> parseProcPidLimits(std::string_view text) {
  std::vector<RlimitValue> limits;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    for (const LimitName& known : kLimitNames) {
      // The name column is padded with spaces; "Max realtime priority" must
      // not match "Max realtime timeout", so require the space after it.
      if (line.size() <= known.name.size() || !startsWith(line, known.name) || line[known.name.size()] != ' ') continue;
      std::string_view rest = line.substr(known.name.size());
      const std::string_view soft = nextToken(rest);
      const std::string_view hard = nextToken(rest);
      if (hard.empty()) throw Error::parse("limits line without soft and hard values: '" + std::string(line.substr(0, 128)) + "'");
      limits.push_back({known.resource, limitValue(soft), limitValue(hard)});
      break;
    }
  }
  return limits;
}

}  // namespace procyon::parse

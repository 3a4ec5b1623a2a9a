#include "linux/parse/proc_pid_misc.h"

#include <charconv>

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

std::vector<std::string> parseCmdline(std::string_view data) {
  std::vector<std::string> args;
  if (data.empty()) return args;
  const char sep = data.back() == '\0' ? '\0' : ' ';
  std::string_view body = data;
  if (body.back() == sep) body.remove_suffix(1);
  // Python's str.split(sep): every separator splits, empty pieces kept.
  const auto split = [](std::string_view text, char by) {
    std::vector<std::string> pieces;
    size_t start = 0;
    for (;;) {
      const size_t at = text.find(by, start);
      if (at == std::string_view::npos) {
        pieces.emplace_back(text.substr(start));
        return pieces;
      }
      pieces.emplace_back(text.substr(start, at - start));
      start = at + 1;
    }
  };
  args = split(body, sep);
  if (sep == '\0' && args.size() == 1 && body.find(' ') != std::string_view::npos) args = split(body, ' ');
  return args;
}

std::vector<std::pair<std::string, std::string>> parseEnviron(std::string_view data) {
  std::vector<std::pair<std::string, std::string>> env;
  size_t pos = 0;
  while (pos < data.size()) {
    const size_t next = data.find('\0', pos);
    if (next == std::string_view::npos) break;
    const std::string_view entry = data.substr(pos, next - pos);
    const size_t equal = entry.find('=');
    if (equal != std::string_view::npos && equal > 0) {
      env.emplace_back(std::string(entry.substr(0, equal)), std::string(entry.substr(equal + 1)));
    }
    pos = next + 1;
  }
  return env;
}

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

FdInfo parseFdinfo(std::string_view text) {
  FdInfo info;
  bool havePos = false, haveFlags = false;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view key = nextToken(line);
    const std::string_view value = nextToken(line);
    if (key == "pos:") {
      const auto pos = toUint64(value);
      if (!pos) throw Error::parse("malformed fdinfo pos '" + std::string(value.substr(0, 64)) + "'");
      info.pos = *pos;
      havePos = true;
    } else if (key == "flags:") {
      uint64_t flags = 0;
      const char* end = value.data() + value.size();
      const auto result = std::from_chars(value.data(), end, flags, 8);
      if (value.empty() || result.ec != std::errc() || result.ptr != end) {
        throw Error::parse("malformed fdinfo flags '" + std::string(value.substr(0, 64)) + "'");
      }
      info.flags = flags;
      haveFlags = true;
    }
  }
  if (!havePos || !haveFlags) throw Error::parse("fdinfo lacks pos or flags");
  return info;
}

}  // namespace procyon::parse

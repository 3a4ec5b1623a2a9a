#include "common/json_budget.h"

#include <cstdint>

namespace procyon {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when s[i] starts none.
size_t sequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b = byte(i);
  if (b < 0x80) return 1;
  size_t n;
  uint8_t lo = 0x80, hi = 0xBF;  // the second byte's range (RFC 3629's table)
  if (b >= 0xC2 && b <= 0xDF) n = 2;
  else if (b == 0xE0) n = 3, lo = 0xA0;
  else if (b == 0xED) n = 3, hi = 0x9F;
  else if (b >= 0xE1 && b <= 0xEF) n = 3;
  else if (b == 0xF0) n = 4, lo = 0x90;
  else if (b == 0xF4) n = 4, hi = 0x8F;
  else if (b >= 0xF1 && b <= 0xF3) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

// One character (or one invalid byte) at s[i]: its length in s and its cost encoded.
struct Unit {
  size_t length;
  size_t cost;
};

Unit unitAt(std::string_view s, size_t i) {
  const auto b = static_cast<uint8_t>(s[i]);
  if (b < 0x80) {
    if (b == '"' || b == '\\' || b == '\b' || b == '\f' || b == '\n' || b == '\r' || b == '\t') return {1, 2};
    return {1, b < 0x20 ? size_t{6} : size_t{1}};
  }
  const size_t n = sequenceLength(s, i);
  return n == 0 ? Unit{1, 3} : Unit{n, n};
}

}  // namespace

size_t jsonCost(std::string_view s) {
  size_t cost = 0;
  for (size_t i = 0; i < s.size();) {
    const Unit u = unitAt(s, i);
    cost += u.cost;
    i += u.length;
  }
  return cost;
}

bool cutArgs(std::vector<std::string>& args, size_t budget, bool truncated) {
  bool cut = truncated;
  if (truncated && !args.empty()) {
    // A character whose bytes run past the part read: drop its beginning.
    std::string& last = args.back();
    const size_t from = last.size() > 3 ? last.size() - 3 : 0;
    for (size_t i = from; i < last.size(); ++i) {
      const auto b = static_cast<uint8_t>(last[i]);
      if (b >= 0xC2 && b <= 0xF4 && sequenceLength(last, i) == 0) {
        last.resize(i);
        break;
      }
    }
  }
  size_t used = 2;  // []
  for (size_t a = 0; a < args.size(); ++a) {
    const size_t frame = 2 + (a > 0 ? 1 : 0);  // "" and the comma before it
    std::string& arg = args[a];
    if (used + frame > budget) {
      args.resize(a);
      return true;
    }
    used += frame;
    size_t i = 0;
    while (i < arg.size()) {
      const Unit u = unitAt(arg, i);
      if (used + u.cost > budget) break;
      used += u.cost;
      i += u.length;
    }
    if (i < arg.size()) {
      arg.resize(i);
      args.resize(a + 1);
      return true;
    }
  }
  return cut;
}

}  // namespace procyon

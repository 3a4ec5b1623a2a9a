#pragma once

// Allocation-free helpers shared by the parsers. Everything works on views
// into the caller's buffer and never reads outside it.

#include <cstdint>
#include <optional>
#include <string_view>

namespace procyon::parse {

inline bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view text);

inline bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view lowerPrefix);

// Returns the next whitespace-separated token and consumes it from `rest`;
// an empty view when none is left.
std::string_view nextToken(std::string_view& rest);

// Returns the next line (without '\n') and consumes it from `rest`.
std::string_view nextLine(std::string_view& rest);

// Overflow-checked arithmetic (portable: MSVC lacks __builtin_*_overflow).
// Return false, leaving `out` untouched, when the result does not fit.
inline bool checkedAdd(uint64_t a, uint64_t b, uint64_t& out) {
  if (a > UINT64_MAX - b) return false;
  out = a + b;
  return true;
}
inline bool checkedMul(uint64_t a, uint64_t b, uint64_t& out) {
  if (b != 0 && a > UINT64_MAX / b) return false;
  out = a * b;
  return true;
}

// Whole-token conversions: the entire view must be the number, or nullopt.
std::optional<uint64_t> toUint64(std::string_view token);
// Hexadecimal digits only (either case, no "0x"), at most 16 of them.
std::optional<uint64_t> hexToUint64(std::string_view token);
// The value of one hex digit, or -1.
inline int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
std::optional<double> toDouble(std::string_view token);

}  // namespace procyon::parse

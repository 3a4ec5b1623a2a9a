#include "linux/parse/text.h"

#include <charconv>
#include <cmath>

namespace procyon::parse {

std::string_view trim(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view lowerPrefix) {
  if (text.size() < lowerPrefix.size()) return false;
  for (size_t i = 0; i < lowerPrefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lowerPrefix[i]) return false;
  }
  return true;
}

std::string_view nextToken(std::string_view& rest) {
  size_t start = 0;
  while (start < rest.size() && isSpace(rest[start])) ++start;
  size_t end = start;
  while (end < rest.size() && !isSpace(rest[end])) ++end;
  const std::string_view token = rest.substr(start, end - start);
  rest.remove_prefix(end);
  return token;
}

std::string_view nextLine(std::string_view& rest) {
  const size_t newline = rest.find('\n');
  if (newline == std::string_view::npos) {
    const std::string_view line = rest;
    rest = {};
    return line;
  }
  const std::string_view line = rest.substr(0, newline);
  rest.remove_prefix(newline + 1);
  return line;
}

std::optional<uint64_t> toUint64(std::string_view token) {
  uint64_t value = 0;
  const char* end = token.data() + token.size();
  const auto result = std::from_chars(token.data(), end, value);
  if (token.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
  return value;
}

std::optional<uint64_t> hexToUint64(std::string_view token) {
  if (token.empty() || token.size() > 16) return std::nullopt;
  uint64_t value = 0;
  for (const char c : token) {
    const int digit = hexDigit(c);
    if (digit < 0) return std::nullopt;
    value = (value << 4) | static_cast<uint64_t>(digit);
  }
  return value;
}

std::optional<double> toDouble(std::string_view token) {
  double value = 0;
  const char* end = token.data() + token.size();
  const auto result = std::from_chars(token.data(), end, value);
  if (token.empty() || result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace procyon::parse

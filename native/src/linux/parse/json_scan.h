#pragma once

// The two facts a container's name is read from in its engine's state files
// (no API call): Docker's /var/lib/docker/containers/<id>/config.v2.json
// (the top-level "Name", "/<name>") and containers/storage's
// overlay-containers/containers.json, shared by Podman and CRI-O (an array of
// {"id": ..., "names": [...]}). A bounded JSON scanner (RFC 8259), no tree:
// values not asked for are skipped; nesting deeper than kMaxDepth, or
// anything that is not JSON, is PARSE_ERROR. Header-only and pure.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {

class JsonScanner {
 public:
  static constexpr int kMaxDepth = 64;

  explicit JsonScanner(std::string_view text) : text_(text) {}

  void skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }
  char peek() {
    skipSpace();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  // After a member or element: true when another follows (its ',' consumed), false at `close` (consumed).
  bool more(char close) {
    const char c = peek();
    ++pos_;
    if (c == ',') return true;
    if (c == close) return false;
    fail("expected ',' or closing bracket");
  }
  // Opens an object or array: false (and consumed) when it is empty.
  bool open(char opening, char close) {
    expect(opening);
    if (peek() == close) {
      ++pos_;
      return false;
    }
    return true;
  }

  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("unterminated string");
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) fail("unterminated escape");
      const char e = text_[pos_++];
      switch (e) {
        case '"': case '\\': case '/': out.push_back(e); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': appendUtf8(out, codePoint()); break;
        default: fail("bad escape");
      }
    }
  }

  // Any value, not kept.
  void skipValue(int depth = 0) {
    if (depth > kMaxDepth) fail("nested too deeply");
    const char c = peek();
    if (c == '"') {
      string();
    } else if (c == '{') {
      if (!open('{', '}')) return;
      do {
        string();
        expect(':');
        skipValue(depth + 1);
      } while (more('}'));
    } else if (c == '[') {
      if (!open('[', ']')) return;
      do skipValue(depth + 1);
      while (more(']'));
    } else {
      // true, false, null or a number: a run of their characters.
      const size_t start = pos_;
      while (pos_ < text_.size() && (std::string_view("truefalsn0123456789+-.eE").find(text_[pos_]) != std::string_view::npos)) ++pos_;
      const std::string_view word = text_.substr(start, pos_ - start);
      if (word.empty()) fail("expected a value");
      if ((word[0] >= 'a' && word[0] <= 'z') && word != "true" && word != "false" && word != "null") fail("bad literal");
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw Error::parse("JSON: " + what + " at byte " + std::to_string(pos_));
  }

 private:
  uint32_t hex4() {
    if (text_.size() - pos_ < 4) fail("short \\u escape");
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hexDigit(text_[pos_++]);
      if (d < 0) fail("bad \\u escape");
      value = value * 16 + static_cast<uint32_t>(d);
    }
    return value;
  }
  uint32_t codePoint() {
    const uint32_t high = hex4();
    if (high < 0xD800 || high > 0xDFFF) return high;
    if (high > 0xDBFF || text_.substr(pos_, 2) != "\\u") return 0xFFFD;  // a lone surrogate
    pos_ += 2;
    const uint32_t low = hex4();
    if (low < 0xDC00 || low > 0xDFFF) return 0xFFFD;
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  }
  static void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// Docker's config.v2.json: the top-level "Name" without its leading '/'; nullopt when absent or not a string.
inline std::optional<std::string> dockerContainerName(std::string_view text) {
  JsonScanner json(text);
  std::optional<std::string> name;
  if (!json.open('{', '}')) return std::nullopt;
  do {
    const std::string key = json.string();
    json.expect(':');
    if (key == "Name" && json.peek() == '"') {
      std::string value = json.string();
      if (!value.empty() && value.front() == '/') value.erase(0, 1);
      if (!value.empty()) name = std::move(value);
    } else {
      json.skipValue(1);
    }
  } while (json.more('}'));
  return name;
}

// containers/storage's containers.json: the first of "names" of the entry whose "id" is `id`.
inline std::optional<std::string> storageContainerName(std::string_view text, std::string_view id) {
  JsonScanner json(text);
  if (!json.open('[', ']')) return std::nullopt;
  do {
    if (json.peek() != '{') {
      json.skipValue(1);
      continue;
    }
    std::optional<std::string> entryId, first;
    if (json.open('{', '}')) {
      do {
        const std::string key = json.string();
        json.expect(':');
        if (key == "id" && json.peek() == '"') {
          entryId = json.string();
        } else if (key == "names" && json.peek() == '[') {
          if (json.open('[', ']')) {
            do {
              if (!first && json.peek() == '"') first = json.string();
              else json.skipValue(2);
            } while (json.more(']'));
          }
        } else {
          json.skipValue(2);
        }
      } while (json.more('}'));
    }
    if (entryId && *entryId == id && first && !first->empty()) return first;
  } while (json.more(']'));
  return std::nullopt;
}

}  // namespace procyon::parse

#include "linux/parse/proc_pid_memory.h"

#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

// "Key:   123 kB" → 123*1024. nullopt when the value is not a number (VmFlags).
std::optional<double> kbValue(std::string_view rest) {
  const std::string_view token = nextToken(rest);
  const auto value = toUint64(token);
  if (!value) return std::nullopt;
  return static_cast<double>(*value) * 1024.0;
}

// A smaps header ("addr perms offset dev inode [path]") versus a "Key: value" line.
bool isHeader(std::string_view line) {
  std::string_view rest = line;
  const std::string_view first = nextToken(rest);
  return !first.empty() && first.back() != ':';
}

// Splits a maps/smaps header into its five fields and the path (the rest of
// the line, which may contain spaces), as Python's split(None, 5).
struct Header {
  std::string_view addr, perms, offset, dev, inode, path;
};

Header splitHeader(std::string_view line) {
  Header h;
  std::string_view rest = line;
  h.addr = nextToken(rest);
  h.perms = nextToken(rest);
  h.offset = nextToken(rest);
  h.dev = nextToken(rest);
  h.inode = nextToken(rest);
  h.path = trim(rest);
  if (h.inode.empty()) throw Error::parse("malformed mapping header '" + std::string(line.substr(0, 128)) + "'");
  return h;
}

}  // namespace

ProcessMemoryFullGroup parseSmapsTotals(std::string_view text) {
  ProcessMemoryFullGroup totals;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    if (startsWith(line, "Private_")) {
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      if (const auto v = kbValue(line.substr(colon + 1))) totals.uss += *v;
    } else if (startsWith(line, "Pss:")) {
      if (const auto v = kbValue(line.substr(4))) totals.pss += *v;
    } else if (startsWith(line, "Swap:")) {
      if (const auto v = kbValue(line.substr(5))) totals.swap += *v;
    }
  }
  return totals;
}

std::vector<ProcessMemoryMapExt> parseSmapsBlocks(std::string_view text) {
  std::vector<ProcessMemoryMapExt> maps;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    if (trim(line).empty()) continue;
    if (isHeader(line)) {
      const Header h = splitHeader(line);
      ProcessMemoryMapExt map;
      map.addr = std::string(h.addr);
      map.perms = std::string(h.perms);
      map.path = h.path.empty() ? "[anon]" : std::string(h.path);
      maps.push_back(std::move(map));
      continue;
    }
    if (maps.empty()) throw Error::parse("smaps field before any mapping header");
    const size_t colon = line.find(':');
    const std::string_view key = line.substr(0, colon);
    const auto value = kbValue(line.substr(colon + 1));
    if (!value) {
      if (key == "VmFlags") continue;  // psutil issue #369
      throw Error::parse("don't know how to interpret line '" + std::string(line.substr(0, 128)) + "'");
    }
    ProcessMemoryMapExt& map = maps.back();
    if (key == "Rss") map.rss = *value;
    else if (key == "Size") map.size = *value;
    else if (key == "Pss") map.pss = *value;
    else if (key == "Shared_Clean") map.sharedClean = *value;
    else if (key == "Shared_Dirty") map.sharedDirty = *value;
    else if (key == "Private_Clean") map.privateClean = *value;
    else if (key == "Private_Dirty") map.privateDirty = *value;
    else if (key == "Referenced") map.referenced = *value;
    else if (key == "Anonymous") map.anonymous = *value;
    else if (key == "Swap") map.swap = *value;
  }
  return maps;
}

}  // namespace procyon::parse

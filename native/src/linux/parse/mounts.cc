#include "linux/parse/mounts.h"

#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

bool isFieldSeparator(char c) { return c == ' ' || c == '\t'; }

// strsep(&rest, " \t") followed by skipping further separators, as glibc's
// __getmntent_r does between fields.
std::optional<std::string_view> nextMountField(std::string_view& rest, bool& exhausted) {
  if (exhausted) return std::nullopt;
  size_t end = 0;
  while (end < rest.size() && !isFieldSeparator(rest[end])) ++end;
  const std::string_view field = rest.substr(0, end);
  if (end == rest.size()) {
    exhausted = true;
    rest = {};
  } else {
    rest.remove_prefix(end + 1);
    while (!rest.empty() && isFieldSeparator(rest.front())) rest.remove_prefix(1);
  }
  return field;
}

bool matches(std::string_view text, size_t at, std::string_view what) { return text.substr(at, what.size()) == what; }

}  // namespace

std::string decodeMountField(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\') {
      if (matches(field, i, "\\040")) { out.push_back(' '); i += 3; continue; }
      if (matches(field, i, "\\011")) { out.push_back('\t'); i += 3; continue; }
      if (matches(field, i, "\\012")) { out.push_back('\n'); i += 3; continue; }
      if (matches(field, i, "\\\\")) { out.push_back('\\'); i += 1; continue; }
      if (matches(field, i, "\\134")) { out.push_back('\\'); i += 3; continue; }
    }
    out.push_back(field[i]);
  }
  return out;
}

std::vector<DiskPartition> parseMounts(std::string_view text) {
  std::vector<DiskPartition> mounts;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    while (!line.empty() && isFieldSeparator(line.front())) line.remove_prefix(1);
    // getmntent drops the newline only; a CR stays part of the last field.
    if (line.empty() || line.front() == '#') continue;
    bool exhausted = false;
    DiskPartition mount;
    std::string* targets[] = {&mount.device, &mount.mountpoint, &mount.fstype, &mount.opts};
    for (std::string* target : targets) {
      if (const auto field = nextMountField(line, exhausted)) *target = decodeMountField(*field);
    }
    mounts.push_back(std::move(mount));
  }
  return mounts;
}

std::set<std::string, std::less<>> parsePhysicalFilesystems(std::string_view text) {
  std::set<std::string, std::less<>> types;
  while (!text.empty()) {
    const std::string_view line = trim(nextLine(text));
    if (line.empty()) continue;
    if (!startsWith(line, "nodev")) {
      types.emplace(line);
      continue;
    }
    // "nodev\tzfs" is the one nodev type psutil keeps.
    const size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      const std::string_view type = line.substr(tab + 1);
      const std::string_view firstColumn = type.substr(0, type.find('\t'));
      if (firstColumn == "zfs") types.emplace("zfs");
    }
  }
  return types;
}

std::optional<std::string> findPartitionDevice(std::string_view text, unsigned major, unsigned minor) {
  // "major minor  #blocks  name", then a blank line: psutil skips two lines.
  nextLine(text);
  nextLine(text);
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view majorToken = nextToken(line);
    const std::string_view minorToken = nextToken(line);
    nextToken(line);
    const std::string_view name = nextToken(line);
    if (name.empty()) continue;
    const auto ma = toUint64(majorToken);
    const auto mi = toUint64(minorToken);
    if (ma && mi && *ma == major && *mi == minor) return "/dev/" + std::string(name);
  }
  return std::nullopt;
}

std::optional<std::string> ueventDevice(std::string_view text) {
  while (!text.empty()) {
    const std::string_view line = trim(nextLine(text));
    if (!startsWith(line, "DEVNAME=")) continue;
    const std::string_view name = line.substr(line.rfind("DEVNAME=") + 8);
    if (!name.empty()) return "/dev/" + std::string(name);
  }
  return std::nullopt;
}

}  // namespace procyon::parse

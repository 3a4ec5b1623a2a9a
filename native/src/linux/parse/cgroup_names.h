#pragma once

// What a control group is, from its path alone (systemd's unit naming, its
// XDG app convention in systemd.io/DESKTOP_ENVIRONMENTS, snapd's, and the
// container engines' scope names), and the two formats its human name may
// come from: a .desktop file's Name= (freedesktop Desktop Entry
// Specification) and the engines' JSON state (parse/json_scan.h). Pure and
// header-only: cgroups.cc does the reading.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linux/parse/text.h"

namespace procyon::parse {

struct CgroupIdentity {
  std::string kind;  // app | flatpak | snap | service | user-service | session | container | other
  std::string id;    // the app id, the unit name, the full container id
  std::string name;  // the name from the path alone (a lookup may give a better one)
  std::optional<std::string> engine;  // docker | podman | cri-o | kubepods
  // Where a better name may be found: the .desktop file id for apps, flatpaks
  // and snaps ("org.gnome.Terminal.desktop"); empty for the rest.
  std::string desktopId;
};

namespace cgroup_names_detail {

// systemd's unit-name escaping (systemd-escape): "\xNN" is the byte NN.
inline std::string unescapeUnit(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && text.size() - i >= 4 && text[i + 1] == 'x' && hexDigit(text[i + 2]) >= 0 && hexDigit(text[i + 3]) >= 0) {
      out.push_back(static_cast<char>(hexDigit(text[i + 2]) * 16 + hexDigit(text[i + 3])));
      i += 3;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

inline bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A container id as the engines write it: lowercase hex, 12 (short) to 64 characters.
inline bool isContainerId(std::string_view text) {
  if (text.size() < 12 || text.size() > 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// "<prefix><id><suffix>" with a container id in between: the id, or empty.
inline std::string_view containerIdIn(std::string_view leaf, std::string_view prefix, std::string_view suffix) {
  if (!startsWith(leaf, prefix) || !endsWith(leaf, suffix) || leaf.size() <= prefix.size() + suffix.size()) return {};
  const std::string_view id = leaf.substr(prefix.size(), leaf.size() - prefix.size() - suffix.size());
  return isContainerId(id) ? id : std::string_view{};
}

// A UUID's text form (8-4-4-4-12 hex digits), as snapd appends to its scopes.
inline bool isUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return false;
    } else if (hexDigit(text[i]) < 0) {
      return false;
    }
  }
  return true;
}

// The path's components, empty ones (doubled or trailing '/') dropped.
inline std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty()) parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// Splits on the dashes systemd left unescaped (an app id's own dashes are "\x2d").
inline std::vector<std::string_view> splitDashes(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

inline CgroupIdentity container(std::string_view id, const char* engine) {
  return CgroupIdentity{"container", std::string(id), std::string(id.substr(0, 12)), std::string(engine), {}};
}

// app[-<launcher>]-<app id>-<random>.scope or app[-<launcher>]-<app id>[@<random>].service.
inline std::optional<CgroupIdentity> app(std::string_view leaf) {
  if (!startsWith(leaf, "app-")) return std::nullopt;
  std::string_view body = leaf.substr(4);
  const bool scope = endsWith(body, ".scope");
  if (!scope && !endsWith(body, ".service")) return std::nullopt;
  body.remove_suffix(scope ? 6 : 8);
  std::vector<std::string_view> parts = splitDashes(body);
  if (scope) {
    if (parts.size() < 2 || parts.back().empty()) return std::nullopt;  // a scope always ends in -<random>
    parts.pop_back();
  } else {
    std::string_view& last = parts.back();
    last = last.substr(0, last.find('@'));
  }
  std::string_view launcher;
  if (parts.size() >= 2) {
    launcher = parts.front();
    parts.erase(parts.begin());
  }
  std::string appId;
  for (const std::string_view part : parts) {
    if (!appId.empty()) appId += '-';
    appId += unescapeUnit(part);
  }
  if (appId.empty()) return std::nullopt;
  return CgroupIdentity{launcher == "flatpak" ? "flatpak" : "app", appId, appId, std::nullopt, appId + ".desktop"};
}

// snap.<snap>.<app>-<uuid>.scope (snapd's; its id "<snap>.<app>", its desktop file <snap>_<app>.desktop).
inline std::optional<CgroupIdentity> snap(std::string_view leaf) {
  if (!startsWith(leaf, "snap.") || !endsWith(leaf, ".scope")) return std::nullopt;
  std::string_view body = leaf.substr(5, leaf.size() - 5 - 6);
  if (body.size() > 37 && body[body.size() - 37] == '-' && isUuid(body.substr(body.size() - 36))) body.remove_suffix(37);
  const size_t dot = body.find('.');
  if (body.empty() || dot == 0) return std::nullopt;
  const std::string snapName = unescapeUnit(body.substr(0, dot));
  std::string desktop = unescapeUnit(body);
  if (dot != std::string_view::npos) desktop[dot] = '_';
  return CgroupIdentity{"snap", unescapeUnit(body), snapName, std::nullopt, desktop + ".desktop"};
}

inline std::string withoutSuffix(std::string_view leaf, std::string_view suffix) {
  return unescapeUnit(endsWith(leaf, suffix) ? leaf.substr(0, leaf.size() - suffix.size()) : leaf);
}

}  // namespace cgroup_names_detail

// The kind, id and path-given name of the group at `path` ('/'-rooted, as in
// the hierarchy). Containers are recognised before apps and services, so a
// container's own processes under a user's service read as the container.
inline CgroupIdentity classifyCgroup(std::string_view path) {
  using namespace cgroup_names_detail;
  const std::vector<std::string_view> parts = components(path);
  if (parts.empty()) return CgroupIdentity{"other", "/", "/", std::nullopt, {}};
  const std::string_view leaf = parts.back();
  const std::string_view parent = parts.size() >= 2 ? parts[parts.size() - 2] : std::string_view{};
  bool underKubepods = false, underUserManager = false;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (startsWith(parts[i], "kubepods")) underKubepods = true;
    if (startsWith(parts[i], "user@") && endsWith(parts[i], ".service")) underUserManager = true;
  }

  // Containers: systemd's cgroup driver names scopes, cgroupfs's uses the bare id.
  if (const auto id = containerIdIn(leaf, "docker-", ".scope"); !id.empty()) return container(id, "docker");
  if (const auto id = containerIdIn(leaf, "libpod-", ".scope"); !id.empty()) return container(id, "podman");
  if (const auto id = containerIdIn(leaf, "crio-", ".scope"); !id.empty()) return container(id, "cri-o");
  if (const auto id = containerIdIn(leaf, "cri-containerd-", ".scope"); !id.empty()) return container(id, "kubepods");
  if (const auto id = containerIdIn(leaf, "libpod-", ""); !id.empty()) return container(id, "podman");
  if (isContainerId(leaf) && parent == "docker") return container(leaf, "docker");
  if (underKubepods) {
    if (isContainerId(leaf)) return container(leaf, "kubepods");
    // A pod's own group (kubepods-burstable-pod<uid>.slice, pod<uid>): its uid, dashes systemd escaped as '_'.
    const size_t pod = leaf.rfind("pod");
    if (pod != std::string_view::npos && (pod == 0 || leaf[pod - 1] == '-')) {
      std::string uid = withoutSuffix(leaf.substr(pod + 3), ".slice");
      for (char& c : uid) c = c == '_' ? '-' : c;
      if (!uid.empty()) return CgroupIdentity{"container", uid, "pod " + uid.substr(0, 8), std::string("kubepods"), {}};
    }
  }

  if (auto found = snap(leaf)) return *found;
  if (auto found = app(leaf)) return *found;
  if (startsWith(leaf, "session-") && endsWith(leaf, ".scope")) {
    return CgroupIdentity{"session", std::string(leaf), withoutSuffix(leaf, ".scope"), std::nullopt, {}};
  }
  if (endsWith(leaf, ".service")) {
    return CgroupIdentity{underUserManager ? "user-service" : "service", std::string(leaf), withoutSuffix(leaf, ".service"), std::nullopt, {}};
  }
  return CgroupIdentity{"other", std::string(leaf), unescapeUnit(leaf), std::nullopt, {}};
}

// The Desktop Entry Specification's Name= of the [Desktop Entry] group (the
// unlocalised key; Name[xx]= is skipped), its escapes (\s \n \t \r \\)
// decoded; nullopt when the group has none. Other groups (actions) are skipped.
inline std::optional<std::string> desktopEntryName(std::string_view text) {
  bool inEntry = false;
  while (!text.empty()) {
    const std::string_view line = trim(nextLine(text));
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      inEntry = line == "[Desktop Entry]";
      continue;
    }
    if (!inEntry || !startsWith(line, "Name")) continue;
    std::string_view rest = line.substr(4);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '=') continue;  // Name[de]=, NameX=
    rest = trim(rest.substr(1));
    std::string name;
    for (size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '\\' && i + 1 < rest.size()) {
        const char next = rest[++i];
        name.push_back(next == 's' ? ' ' : next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next);
      } else {
        name.push_back(rest[i]);
      }
    }
    if (name.empty()) return std::nullopt;
    return name;
  }
  return std::nullopt;
}

}  // namespace procyon::parse

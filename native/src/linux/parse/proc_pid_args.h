#pragma once

// /proc/[pid]/{cmdline,environ}: pure parsers (psutil's cmdline(), environ()).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace procyon::parse {

// psutil's cmdline(): NUL-separated; a process that rewrote its title with
// spaces (no trailing NUL, or one NUL-terminated string holding spaces) is
// split at spaces. Empty (zombies, kernel threads) → [].
std::vector<std::string> parseCmdline(std::string_view data);

// psutil's parse_environ_block(): "KEY=VALUE\0" entries; the first '='
// splits; entries with an empty key or no '=', and an unterminated last
// entry, are skipped. Values may hold '=', newlines, any bytes.
std::vector<std::pair<std::string, std::string>> parseEnviron(std::string_view data);

}  // namespace procyon::parse

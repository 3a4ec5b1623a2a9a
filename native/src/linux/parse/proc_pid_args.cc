#include "linux/parse/proc_pid_args.h"

namespace procyon::parse {

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

}  // namespace procyon::parse

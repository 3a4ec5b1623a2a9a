#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace procyon {

// Joins a root (procfs or sysfs) and a path relative to it, with exactly one '/'.
std::string joinPath(std::string_view root, std::string_view relative);

// Reads whole small files (procfs/sysfs report size 0, so it reads to EOF).
// One reader owns one growing buffer that later reads reuse; a returned view
// is valid until the next read on the same reader. Not thread-safe: keep one
// per thread.
class FileReader {
 public:
  // The content of <root>/<relative>; throws NOT_FOUND, ACCESS_DENIED or IO_ERROR.
  std::string_view read(std::string_view root, std::string_view relative);

  // Like read, but a missing file is an expected outcome, not an error.
  std::optional<std::string_view> readIfExists(std::string_view root, std::string_view relative);

  // The full path of the last file read or attempted.
  const std::string& path() const { return path_; }

 private:
  std::optional<std::string_view> readPath(bool missingIsError);

  std::string path_;
  std::string buffer_;
};

}  // namespace procyon

#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fcntl.h>

#include "common/error.h"

namespace procyon {

// Joins a root (procfs or sysfs) and a path relative to it, with exactly one '/'.
std::string joinPath(std::string_view root, std::string_view relative);

// open(2) flags for every file the collector reads: O_NONBLOCK so that a FIFO
// (or a device) planted in a captured tree cannot block the open, and the fd
// is then checked with isRegularFile before a single read.
constexpr int kReadFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;

// True when `fd` is a regular file: what every procfs and sysfs file we read is
// (with st_size 0 on procfs). A FIFO would block a read forever; a socket or
// device is not ours to read. Sets errno on a failed fstat.
bool isRegularFile(int fd);

// INVALID_FILE naming `path`: the file is not a regular file.
Error notRegularFile(const std::string& path);

// Reads whole small files (procfs/sysfs report size 0, so it reads to EOF).
// One reader owns one growing buffer that later reads reuse; a returned view
// is valid until the next read on the same reader. Not thread-safe: keep one
// per thread.
class FileReader {
 public:
  // The content of <root>/<relative>; throws NOT_FOUND, ACCESS_DENIED, IO_ERROR,
  // or INVALID_FILE when it is not a regular file.
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

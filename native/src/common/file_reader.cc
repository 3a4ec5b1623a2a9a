#include "common/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "common/error.h"
#include "common/unique_fd.h"

namespace procyon {
namespace {

constexpr size_t kInitialBuffer = 16 * 1024;
// A reader keeps at most this much between reads, so one huge file (a
// /proc/stat with thousands of interrupts) does not pin memory forever.
constexpr size_t kRetainedBuffer = 1024 * 1024;
// /proc and /sys files are small; anything beyond this is not what we meant to read.
constexpr size_t kMaxFileSize = 64 * 1024 * 1024;

}  // namespace

bool isRegularFile(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

Error notRegularFile(const std::string& path) {
  return Error(ErrorCode::InvalidFile, path + ": not a regular file (a FIFO, socket, device or directory where a /proc or /sys file belongs)", path);
}

std::string joinPath(std::string_view root, std::string_view relative) {
  while (root.size() > 1 && root.back() == '/') root.remove_suffix(1);
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  std::string path;
  path.reserve(root.size() + 1 + relative.size());
  path.append(root);
  if (path.empty() || path.back() != '/') path.push_back('/');
  path.append(relative);
  return path;
}

std::string_view FileReader::read(std::string_view root, std::string_view relative) {
  path_ = joinPath(root, relative);
  return *readPath(true);
}

std::optional<std::string_view> FileReader::readIfExists(std::string_view root, std::string_view relative) {
  path_ = joinPath(root, relative);
  return readPath(false);
}

std::optional<std::string_view> FileReader::readPath(bool missingIsError) {
  int fd;
  do {
    fd = ::open(path_.c_str(), kReadFlags);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    const int err = errno;
    if (!missingIsError && (err == ENOENT || err == ENOTDIR)) return std::nullopt;
    throw Error::fromErrno(err, "open", path_);
  }
  UniqueFd closer(fd);
  if (!isRegularFile(fd)) throw notRegularFile(path_);

  if (buffer_.size() > kRetainedBuffer || buffer_.empty()) buffer_.assign(kInitialBuffer, '\0');
  size_t used = 0;
  for (;;) {
    if (used == buffer_.size()) {
      if (buffer_.size() >= kMaxFileSize) {
        throw Error(ErrorCode::IoError, path_ + ": file larger than expected", path_);
      }
      buffer_.resize(std::min(buffer_.size() * 2, kMaxFileSize));
    }
    const ssize_t n = ::read(fd, buffer_.data() + used, buffer_.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error::fromErrno(errno, "read", path_);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  return std::string_view(buffer_.data(), used);
}

}  // namespace procyon

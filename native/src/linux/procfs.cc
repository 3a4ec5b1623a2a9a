#include "linux/procfs.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "common/unique_fd.h"
#include "linux/parse/text.h"

namespace procyon {

FileReader& threadReader() {
  thread_local FileReader perThread;
  return perThread;
}

std::optional<int64_t> pidOfEntry(std::string_view name) {
  // Digits only (toUint64 refuses signs and spaces); no pid_t is wider than 18 digits.
  if (name.empty() || name.size() > 18) return std::nullopt;
  const auto pid = parse::toUint64(name);
  if (!pid) return std::nullopt;
  return static_cast<int64_t>(*pid);
}

std::vector<int64_t> listPids(DIR* directory) {
  std::vector<int64_t> pids;
  // readdir on a private DIR* is thread-safe; readdir_r is deprecated.
  while (const dirent* entry = ::readdir(directory)) {
    if (const auto pid = pidOfEntry(entry->d_name)) pids.push_back(*pid);
  }
  return pids;
}

std::optional<std::string> readLinkAt(int dirfd, const char* name) {
  std::string target(256, '\0');
  for (;;) {
    const ssize_t n = ::readlinkat(dirfd, name, target.data(), target.size());
    if (n < 0) return std::nullopt;
    if (static_cast<size_t>(n) < target.size()) {
      target.resize(static_cast<size_t>(n));
      return target;
    }
    if (target.size() >= 64 * 1024) {
      errno = ENAMETOOLONG;
      return std::nullopt;
    }
    target.resize(target.size() * 2);
  }
}

std::string Procfs::readLink(std::string_view relative) const {
  const std::string full = path(relative);
  auto target = readLinkAt(AT_FDCWD, full.c_str());
  if (target) return std::move(*target);
  if (errno == ENAMETOOLONG) throw Error(ErrorCode::IoError, full + ": link target too long", full, ENAMETOOLONG);
  throw Error::fromErrno(errno, "readlink", full);
}

std::vector<std::string> Procfs::list(std::string_view relative) const {
  const std::string full = path(relative);
  DIR* dir = ::opendir(full.c_str());
  if (!dir) throw Error::fromErrno(errno, "opendir", full);
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    // procfs has no dot entries but "." and ".."; a captured tree's placeholders (.keep) are not its content.
    if (entry->d_name[0] == '.') continue;
    names.emplace_back(entry->d_name);
  }
  ::closedir(dir);
  return names;
}

std::vector<int64_t> Procfs::pids() const {
  DIR* dir = ::opendir(root_.c_str());
  if (!dir) throw Error::fromErrno(errno, "opendir", root_);
  std::vector<int64_t> pids = listPids(dir);
  ::closedir(dir);
  std::sort(pids.begin(), pids.end());
  return pids;
}

std::vector<Procfs::FdLink> Procfs::fdLinks(int64_t pid, bool* vanished) const {
  const std::string directory = std::to_string(pid) + "/fd";
  std::vector<FdLink> links;
  for (const std::string& name : list(directory)) {
    const auto fd = pidOfEntry(name);  // a descriptor number: digits, like a pid
    if (!fd) continue;
    try {
      links.push_back({*fd, readLink(directory + "/" + name)});
    } catch (const Error& e) {
      if (e.code == ErrorCode::NotFound || e.sysErrno == ESRCH) {
        if (vanished) *vanished = true;
      } else if (e.sysErrno != EINVAL && e.sysErrno != ENAMETOOLONG) {
        throw;
      }
    }
  }
  return links;
}

ReadResult classifyErrno(int err) {
  if (err == EACCES || err == EPERM) return ReadResult::Denied;
  return ReadResult::Gone;  // ENOENT, ESRCH, and anything else: leave the row out
}

int openAt(int dirfd, const char* name, int flags) {
  int fd;
  do {
    fd = ::openat(dirfd, name, flags);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

ReadResult readFd(int fd, std::string& buffer, std::string_view& out, bool positional, bool oneShot) {
  if (buffer.size() < 4096) buffer.resize(4096);
  size_t used = 0;
  for (;;) {
    if (used == buffer.size()) {
      if (buffer.size() >= (1u << 22)) break;  // 4 MiB: a cmdline/environ ceiling
      buffer.resize(buffer.size() * 2);
    }
    const ssize_t n = positional ? ::pread(fd, buffer.data() + used, buffer.size() - used, static_cast<off_t>(used))
                                 : ::read(fd, buffer.data() + used, buffer.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      return classifyErrno(errno);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
    if (oneShot && used < buffer.size()) break;
  }
  out = std::string_view(buffer.data(), used);
  return ReadResult::Ok;
}

ReadResult readAt(int dirfd, const char* name, std::string& buffer, std::string_view& out, bool oneShot, int* keep) {
  const int fd = openAt(dirfd, name);
  if (fd < 0) return classifyErrno(errno);
  UniqueFd guard(fd);
  // Not a regular file (a FIFO in a captured tree): never read, leave it out as if gone.
  if (!isRegularFile(fd)) return ReadResult::Gone;
  const ReadResult r = readFd(fd, buffer, out, false, oneShot);
  if (r == ReadResult::Ok && keep) *keep = guard.release();
  return r;
}

ReadResult readCappedAt(int dirfd, const char* name, size_t cap, std::string& buffer, std::string_view& out, size_t& total) {
  const int fd = openAt(dirfd, name);
  if (fd < 0) return classifyErrno(errno);
  UniqueFd guard(fd);
  if (!isRegularFile(fd)) return ReadResult::Gone;
  if (buffer.size() < cap) buffer.resize(cap);
  size_t used = 0;
  total = 0;
  // A process's 2 MB argv costs a 64 KiB scratch buffer, not megabytes held per process.
  thread_local char scratch[64 * 1024];
  for (;;) {
    char* into = used < cap ? buffer.data() + used : scratch;
    const size_t room = used < cap ? cap - used : sizeof scratch;
    const ssize_t n = ::read(fd, into, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      return classifyErrno(errno);
    }
    if (n == 0) break;
    if (used < cap) used += static_cast<size_t>(n);
    total += static_cast<size_t>(n);
  }
  out = std::string_view(buffer.data(), used);
  return ReadResult::Ok;
}

std::optional<int64_t> countEntriesAt(int dirfd, const char* name) {
  const int fd = ::openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  DIR* d = ::fdopendir(fd);
  if (!d) {
    const int err = errno;
    ::close(fd);
    errno = err;
    return std::nullopt;
  }
  int64_t n = 0;
  errno = 0;
  while (const dirent* e = ::readdir(d)) {
    if (e->d_name[0] == '.' && (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0'))) continue;
    ++n;
  }
  const int err = errno;
  ::closedir(d);
  if (err != 0) {
    errno = err;
    return std::nullopt;
  }
  return n;
}

}  // namespace procyon

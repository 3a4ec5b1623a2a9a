#pragma once

// The one /proc layer: every Linux area reads its procfs through here. Files
// are opened O_NONBLOCK and must be regular files (common/file_reader.h);
// links, directory listings, the pid list and a pid's fds are read the same
// way everywhere, so a rule (a size cap, a skipped entry) holds once.

#include <dirent.h>
#include <fcntl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"

namespace procyon {

// The calling thread's reader: its buffer is reused across calls without
// locking. A view it returns is valid until the thread's next read.
FileReader& threadReader();

// A pid directory's name ("1234") as a pid; nullopt for anything else.
std::optional<int64_t> pidOfEntry(std::string_view name);

// The pids listed in an open procfs directory, in directory order.
std::vector<int64_t> listPids(DIR* directory);

// readlink(2) of <dirfd>/<name> (AT_FDCWD: a path); nullopt with errno set on
// failure, ENAMETOOLONG past 64 KiB. The target is returned as the kernel gave it.
std::optional<std::string> readLinkAt(int dirfd, const char* name);

// A procfs rooted where the backend's Roots say.
class Procfs {
 public:
  explicit Procfs(const Roots& roots) : root_(roots.procfs) {}

  const std::string& root() const { return root_; }
  // <root>/<relative>
  std::string path(std::string_view relative) const { return joinPath(root_, relative); }

  // Through the thread's reader (see threadReader): NOT_FOUND, ACCESS_DENIED,
  // IO_ERROR, INVALID_FILE; the IfExists form answers nullopt for a missing file.
  std::string_view read(std::string_view relative) const { return threadReader().read(root_, relative); }
  std::optional<std::string_view> readIfExists(std::string_view relative) const {
    return threadReader().readIfExists(root_, relative);
  }
  // read, then `parse` over the text, its errors naming the file.
  template <typename Parse>
  auto parse(std::string_view relative, Parse&& parse) const {
    const std::string_view text = read(relative);
    return annotatePath(threadReader().path(), [&] { return parse(text); });
  }

  // The target of the link <root>/<relative>; NOT_FOUND, ACCESS_DENIED or IO_ERROR.
  std::string readLink(std::string_view relative) const;
  // Names in <root>/<relative> but those starting with '.'; an unreadable directory throws.
  std::vector<std::string> list(std::string_view relative) const;
  // Every pid, ascending; an unreadable root throws (os.listdir, not a glob).
  std::vector<int64_t> pids() const;

  struct FdLink {
    int64_t fd;
    std::string target;
  };
  // <pid>/fd's descriptors and their targets, in directory order. Throws when
  // the directory cannot be listed; a link that vanished meanwhile (ENOENT,
  // ESRCH) is skipped and sets `*vanished`; one that is not a link or too long
  // is skipped; any other failure throws.
  std::vector<FdLink> fdLinks(int64_t pid, bool* vanished = nullptr) const;

 private:
  const std::string& root_;
};

// --- dirfd-relative reads, for processTable's held descriptors ---

enum class ReadResult { Ok, Gone, Denied };
// errno → what it means for a row: denied, or gone (ENOENT, ESRCH, anything else).
ReadResult classifyErrno(int err);
// openat(2) retried on EINTR; -1 with errno set.
int openAt(int dirfd, const char* name, int flags = kReadFlags);
// Reads all of `fd` into `buffer` (reused between calls). `positional` reads
// from offset 0 with pread (a held fd). `oneShot`: a procfs seq_file that
// prints itself whole in one read (stat, io), so a short read is the end.
ReadResult readFd(int fd, std::string& buffer, std::string_view& out, bool positional, bool oneShot);
// Opens <dirfd>/<name> (a regular file, else Gone) and reads it; `keep` receives the fd instead of closing it.
ReadResult readAt(int dirfd, const char* name, std::string& buffer, std::string_view& out, bool oneShot, int* keep = nullptr);
// Reads at most `cap` bytes of <dirfd>/<name> and counts the rest without
// keeping it; `total` is the file's size.
ReadResult readCappedAt(int dirfd, const char* name, size_t cap, std::string& buffer, std::string_view& out, size_t& total);
// Entries of <dirfd>/<name> but . and .., or nullopt with errno set.
std::optional<int64_t> countEntriesAt(int dirfd, const char* name);

}  // namespace procyon

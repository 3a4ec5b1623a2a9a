#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace procyon {

// Every failure the collector can report. The JS face maps each code to one
// ProcyonError subclass, so these names are part of the public contract.
enum class ErrorCode {
  NotFound,
  AccessDenied,
  IoError,
  ParseError,
  InvalidArgument,
  NoSuchProcess,
  ZombieProcess,
  TimeoutExpired,
  Unsupported,
  // A path that is not the kind of file expected there (a FIFO, socket or
  // device where a regular procfs/sysfs file belongs): refused, never read.
  InvalidFile,
  // An action asked while the roots are not the live machine's (a captured tree).
  NotLive,
};

// The stable string form ("NOT_FOUND", ...) that JS code switches on.
std::string_view errorCodeName(ErrorCode code) noexcept;

// The only exception type native code throws. Parsers leave `path` empty;
// the backend that read the file fills it in (see annotatePath).
struct Error : std::exception {
  ErrorCode code;
  std::string message;
  std::string path;
  int sysErrno = 0;
  // Process errors carry psutil's identifying fields.
  std::optional<int64_t> pid;
  std::optional<int64_t> ppid;
  std::optional<std::string> processName;
  std::optional<double> seconds;

  Error(ErrorCode code, std::string message, std::string path = {}, int sysErrno = 0);

  const char* what() const noexcept override { return message.c_str(); }

  // Maps an errno from a file operation on `path` to NOT_FOUND, ACCESS_DENIED or IO_ERROR.
  static Error fromErrno(int err, std::string_view operation, std::string path);
  static Error parse(std::string message) { return Error(ErrorCode::ParseError, std::move(message)); }
  static Error invalidArgument(std::string message) {
    return Error(ErrorCode::InvalidArgument, std::move(message));
  }
  static Error unsupported(std::string message) { return Error(ErrorCode::Unsupported, std::move(message)); }
};

// Runs `fn` (typically a parser over the contents of `path`) and attaches `path`
// to any Error it throws that does not already name a file.
template <typename Fn>
auto annotatePath(const std::string& path, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (Error& e) {
    if (e.path.empty()) {
      e.path = path;
      e.message = path + ": " + e.message;
    }
    throw;
  }
}

}  // namespace procyon

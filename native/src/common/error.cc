#include "common/error.h"

#include <cerrno>
#include <system_error>
#include <utility>

namespace procyon {

std::string_view errorCodeName(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::NotFound: return "NOT_FOUND";
    case ErrorCode::AccessDenied: return "ACCESS_DENIED";
    case ErrorCode::IoError: return "IO_ERROR";
    case ErrorCode::ParseError: return "PARSE_ERROR";
    case ErrorCode::InvalidArgument: return "INVALID_ARGUMENT";
    case ErrorCode::NoSuchProcess: return "NO_SUCH_PROCESS";
    case ErrorCode::ZombieProcess: return "ZOMBIE_PROCESS";
    case ErrorCode::TimeoutExpired: return "TIMEOUT_EXPIRED";
    case ErrorCode::Unsupported: return "UNSUPPORTED";
    case ErrorCode::InvalidFile: return "INVALID_FILE";
    case ErrorCode::NotLive: return "NOT_LIVE";
  }
  return "IO_ERROR";
}

Error::Error(ErrorCode code, std::string message, std::string path, int sysErrno)
    : code(code), message(std::move(message)), path(std::move(path)), sysErrno(sysErrno) {}

Error Error::fromErrno(int err, std::string_view operation, std::string path) {
  ErrorCode code = ErrorCode::IoError;
  if (err == ENOENT || err == ENOTDIR) code = ErrorCode::NotFound;
  else if (err == EACCES || err == EPERM) code = ErrorCode::AccessDenied;
  // std::generic_category().message is thread-safe, unlike strerror.
  std::string message = path + ": " + std::generic_category().message(err) + " (" + std::string(operation) + ")";
  return Error(code, std::move(message), std::move(path), err);
}

}  // namespace procyon

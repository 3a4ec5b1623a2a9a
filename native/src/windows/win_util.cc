#include "windows/win_util.h"

#include <windows.h>

#include <cmath>
#include <cwchar>
#include <string>

namespace procyon::win {

std::string toUtf8(std::wstring_view text) {
  if (text.empty()) return {};
  const int size = static_cast<int>(text.size());
  const int bytes = WideCharToMultiByte(CP_UTF8, 0, text.data(), size, nullptr, 0, nullptr, nullptr);
  if (bytes <= 0) return {};
  std::string out(static_cast<size_t>(bytes), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), size, out.data(), bytes, nullptr, nullptr);
  return out;
}

std::wstring toWide(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) throw Error::invalidArgument("a path may not contain a NUL character");
  if (text.empty()) return {};
  const int size = static_cast<int>(text.size());
  const int chars = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), size, nullptr, 0);
  if (chars <= 0) throw Error::invalidArgument("a path must be valid UTF-8");
  std::wstring out(static_cast<size_t>(chars), L'\0');
  MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), size, out.data(), chars);
  return out;
}

namespace {

std::string systemMessage(uint32_t code) {
  wchar_t* buffer = nullptr;
  const DWORD length = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                      nullptr, code, 0, reinterpret_cast<wchar_t*>(&buffer), 0, nullptr);
  // Statuses of other facilities (PDH's 0xC0000BB9, say) have no system message: their number, in hex as documented.
  wchar_t hex[16];
  swprintf(hex, 16, L"0x%08X", static_cast<unsigned>(code));
  std::wstring text = length && buffer ? std::wstring(buffer, length) : L"status " + std::wstring(hex);
  if (buffer) LocalFree(buffer);
  while (!text.empty() && (text.back() == L'\n' || text.back() == L'\r' || text.back() == L' ' || text.back() == L'.')) text.pop_back();
  return toUtf8(text);
}

}  // namespace

Error fromWin32(uint32_t code, std::string_view operation, std::string path) {
  ErrorCode kind = ErrorCode::IoError;
  switch (code) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_DRIVE:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_NET_NAME:
      kind = ErrorCode::NotFound;
      break;
    case ERROR_ACCESS_DENIED:
    case ERROR_PRIVILEGE_NOT_HELD:
      kind = ErrorCode::AccessDenied;
      break;
    default:
      break;
  }
  std::string message = std::string(operation) + (path.empty() ? std::string() : " " + path) + ": " + systemMessage(code);
  return Error(kind, std::move(message), std::move(path), static_cast<int>(code));
}

double fileTimeToEpoch(uint64_t units) {
  constexpr uint64_t kEpochIn1601Units = 116444736000000000ULL;
  return static_cast<double>(static_cast<int64_t>(units - kEpochIn1601Units)) * 1e-7;
}

double nowEpoch() {
  FILETIME now{};
  GetSystemTimeAsFileTime(&now);
  return fileTimeToEpoch((static_cast<uint64_t>(now.dwHighDateTime) << 32) | now.dwLowDateTime);
}

double bootTimeEpoch() { return std::round(nowEpoch() - static_cast<double>(GetTickCount64()) / 1000.0); }

}  // namespace procyon::win

// psutil's open_files on Windows: the system's handle list filtered by pid,
// each File handle duplicated into this process, and its name asked of NT
// (NtQueryObject(ObjectNameInformation)), keeping regular files on disk only.
//
// The name query (and the file-type checks before it) can block forever on a
// handle another thread is reading synchronously, such as an idle pipe. They
// run on a worker thread that gets a bounded time per handle, as psutil's
// does: past it, the worker is terminated and replaced and that handle is
// skipped, so open_files may miss a file (psutil's documented limitation)
// but never hangs. The worker's body is system calls only (no heap, no C
// runtime, no lock of ours), which is what makes terminating it safe.

#include <windows.h>
#include <winternl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "windows/process_sections.h"
#include "windows/win_util.h"

namespace procyon::win {
namespace {

constexpr auto kSystemExtendedHandleInformation = static_cast<SYSTEM_INFORMATION_CLASS>(64);
constexpr NTSTATUS kStatusInfoLengthMismatch = static_cast<NTSTATUS>(0xC0000004);
constexpr DWORD kNameTimeoutMs = 100;  // psutil's THREAD_TIMEOUT
constexpr DWORD kJoinTimeoutMs = 1000;
constexpr ULONG kNameBufferBytes = sizeof(UNICODE_STRING) + 65536;  // the longest UNICODE_STRING, and its header

// SYSTEM_HANDLE_TABLE_ENTRY_INFO_EX and SYSTEM_HANDLE_INFORMATION_EX (x64), which no SDK header declares.
struct HandleEntry {
  PVOID object;
  ULONG_PTR uniqueProcessId;
  ULONG_PTR handleValue;
  ULONG grantedAccess;
  USHORT creatorBackTraceIndex;
  USHORT objectTypeIndex;
  ULONG handleAttributes;
  ULONG reserved;
};
struct HandleList {
  ULONG_PTR numberOfHandles;
  ULONG_PTR reserved;
  HandleEntry handles[1];
};
static_assert(sizeof(HandleEntry) == 40, "x64 layout");

std::vector<unsigned char> systemHandles() {
  ULONG size = 1024 * 1024;
  for (int attempt = 0; attempt < 8; ++attempt) {
    std::vector<unsigned char> buffer(size);
    ULONG needed = 0;
    const NTSTATUS status = NtQuerySystemInformation(kSystemExtendedHandleInformation, buffer.data(), size, &needed);
    if (status == kStatusInfoLengthMismatch) {
      if (size >= 256u * 1024 * 1024) break;
      size = std::max(size * 2, needed + 64 * 1024);  // handles open between the calls
      continue;
    }
    if (status < 0) throw fromWin32(RtlNtStatusToDosError(status), "NtQuerySystemInformation(SystemExtendedHandleInformation)");
    return buffer;
  }
  throw Error(ErrorCode::IoError, "NtQuerySystemInformation(SystemExtendedHandleInformation): the handle list kept growing");
}

// Whether the object behind `handle` is of NT type "File" (a query that never blocks).
bool isFileObject(HANDLE handle) {
  alignas(8) unsigned char buffer[sizeof(PUBLIC_OBJECT_TYPE_INFORMATION) + 512];
  ULONG written = 0;
  if (NtQueryObject(handle, ObjectTypeInformation, buffer, sizeof buffer, &written) < 0) return false;
  const auto* type = reinterpret_cast<const PUBLIC_OBJECT_TYPE_INFORMATION*>(buffer);
  return type->TypeName.Buffer && std::wstring_view(type->TypeName.Buffer, type->TypeName.Length / sizeof(wchar_t)) == L"File";
}

// The worker's state: written by this thread before `start`, by the worker before `done`.
struct NameWorker {
  HANDLE thread = nullptr;
  HANDLE start = nullptr;  // auto-reset: a handle is ready
  HANDLE done = nullptr;   // auto-reset: its answer is ready
  HANDLE file = nullptr;
  unsigned char* name = nullptr;  // kNameBufferBytes, owned by this thread
  bool wanted = false;
  NTSTATUS status = 0;
  bool quit = false;
};

DWORD WINAPI nameWorkerLoop(LPVOID arg) {
  auto* w = static_cast<NameWorker*>(arg);
  for (;;) {
    WaitForSingleObject(w->start, INFINITE);
    if (w->quit) return 0;
    w->wanted = false;
    FILE_STANDARD_INFO standard{};
    FILE_BASIC_INFO basic{};
    // Regular files on a disk: not pipes, consoles or sockets, not directories (nor a
    // directory's index stream, which only its attributes give away), not being deleted.
    if (GetFileType(w->file) == FILE_TYPE_DISK && GetFileInformationByHandleEx(w->file, FileStandardInfo, &standard, sizeof standard) &&
        !standard.Directory && !standard.DeletePending &&
        !(GetFileInformationByHandleEx(w->file, FileBasicInfo, &basic, sizeof basic) && (basic.FileAttributes & FILE_ATTRIBUTE_DIRECTORY))) {
      ULONG written = 0;
      w->status = NtQueryObject(w->file, ObjectNameInformation, w->name, kNameBufferBytes, &written);
      w->wanted = true;
    }
    SetEvent(w->done);
  }
}

// Owns the worker; replaces it when one hangs.
class NameReader {
 public:
  NameReader() : buffer_(kNameBufferBytes + 16) {}
  ~NameReader() { stop(false); }
  NameReader(const NameReader&) = delete;
  NameReader& operator=(const NameReader&) = delete;

  // The handle's NT path when it is a regular file; empty otherwise, or when the query hung.
  std::wstring operator()(HANDLE file) {
    if (!worker_) begin();
    worker_->file = file;
    SetEvent(worker_->start);
    if (WaitForSingleObject(worker_->done, kNameTimeoutMs) != WAIT_OBJECT_0) {
      stop(true);
      return {};
    }
    if (!worker_->wanted || worker_->status < 0) return {};
    const auto* name = reinterpret_cast<const UNICODE_STRING*>(worker_->name);
    if (!name->Buffer || name->Length == 0) return {};
    return std::wstring(name->Buffer, name->Length / sizeof(wchar_t));
  }

 private:
  void begin() {
    auto w = std::make_unique<NameWorker>();
    w->start = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    w->done = CreateEventW(nullptr, FALSE, FALSE, nullptr);
    w->name = buffer_.data();
    if (w->start && w->done) w->thread = CreateThread(nullptr, 64 * 1024, nameWorkerLoop, w.get(), 0, nullptr);
    if (!w->thread) {
      const DWORD err = GetLastError();
      if (w->start) CloseHandle(w->start);
      if (w->done) CloseHandle(w->done);
      throw fromWin32(err, "CreateThread (open_files' name reader)");
    }
    worker_ = std::move(w);
  }

  // A hung worker is terminated; one that does not die is abandoned with its
  // state and buffer (leaked on purpose: it may still write into them).
  void stop(bool hung) {
    if (!worker_) return;
    bool ended;
    if (hung) {
      TerminateThread(worker_->thread, 1);
      ended = WaitForSingleObject(worker_->thread, kJoinTimeoutMs) == WAIT_OBJECT_0;
    } else {
      worker_->quit = true;
      SetEvent(worker_->start);
      ended = WaitForSingleObject(worker_->thread, kJoinTimeoutMs) == WAIT_OBJECT_0;
    }
    if (!ended) {
      worker_.release();
      buffer_.release();
      buffer_ = Buffer(kNameBufferBytes + 16);
      return;
    }
    CloseHandle(worker_->thread);
    CloseHandle(worker_->start);
    CloseHandle(worker_->done);
    worker_.reset();
  }

  // Aligned storage for OBJECT_NAME_INFORMATION, replaceable when a worker is abandoned.
  class Buffer {
   public:
    explicit Buffer(size_t bytes) : data_(new ULONG_PTR[bytes / sizeof(ULONG_PTR) + 1]) {}
    unsigned char* data() { return reinterpret_cast<unsigned char*>(data_.get()); }
    void release() { static_cast<void>(data_.release()); }

   private:
    std::unique_ptr<ULONG_PTR[]> data_;
  };
  Buffer buffer_;
  std::unique_ptr<NameWorker> worker_;
};

}  // namespace

std::vector<WindowsProcessOpenFile> openFiles(HANDLE process, int64_t pid) {
  std::vector<WindowsProcessOpenFile> files;
  if (pid == 0 || pid == 4) return files;  // the Idle and System processes: psutil answers none
  const std::vector<unsigned char> buffer = systemHandles();
  const auto* list = reinterpret_cast<const HandleList*>(buffer.data());
  const size_t fit = (buffer.size() - offsetof(HandleList, handles)) / sizeof(HandleEntry);
  const size_t count = std::min<size_t>(list->numberOfHandles, fit);
  NameReader reader;
  std::vector<std::wstring> seen;
  for (size_t i = 0; i < count; ++i) {
    const HandleEntry& entry = list->handles[i];
    if (static_cast<int64_t>(entry.uniqueProcessId) != pid) continue;
    HANDLE dup = nullptr;
    if (!DuplicateHandle(process, reinterpret_cast<HANDLE>(entry.handleValue), GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS)) {
      continue;  // closed since the list was taken, or not ours to copy
    }
    ProcessHandle guard(dup);
    if (!isFileObject(dup)) continue;
    const std::wstring name = reader(dup);
    if (name.empty()) continue;
    std::wstring path = dosPath(name);
    if (std::find(seen.begin(), seen.end(), path) != seen.end()) continue;  // psutil answers each path once
    files.push_back({toUtf8(path), -1});
    seen.push_back(std::move(path));
  }
  return files;
}

}  // namespace procyon::win

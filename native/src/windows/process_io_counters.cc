// Process I/O counters on Windows (psutil's proc_io_counters): through a
// handle where one opens, else from the NT process list, as psutil falls back.

#include <windows.h>

#include "windows/process_sections.h"

namespace procyon::win {

WindowsProcessIoCounters ioCounters(HANDLE process, const NtProcess& listed) {
  IO_COUNTERS c{};
  if (process && GetProcessIoCounters(process, &c)) {
    return {static_cast<double>(c.ReadOperationCount), static_cast<double>(c.WriteOperationCount),
            static_cast<double>(c.ReadTransferCount),  static_cast<double>(c.WriteTransferCount),
            static_cast<double>(c.OtherOperationCount), static_cast<double>(c.OtherTransferCount)};
  }
  return {static_cast<double>(listed.readOps),   static_cast<double>(listed.writeOps),
          static_cast<double>(listed.readBytes), static_cast<double>(listed.writeBytes),
          static_cast<double>(listed.otherOps),  static_cast<double>(listed.otherBytes)};
}

}  // namespace procyon::win

#include "linux/linux_backend.h"

#include "common/file_reader.h"

namespace procyon {

std::vector<std::string_view> LinuxBackend::capabilities() const {
  return {"cpuTimes", "cpuCount", "virtualMemory", "swapMemory", "bootTime",
          // --- processes ---
          "pids", "pidExists", "Process", "processIter", "waitProcs", "processTable"};
}

FileReader& LinuxBackend::reader() {
  thread_local FileReader perThread;
  return perThread;
}

}  // namespace procyon

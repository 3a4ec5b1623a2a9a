// The only platform #ifdef in the collector: everything else is selected by
// binding.gyp compiling src/<os>/ for the target OS.

#include "backend.h"

#ifdef __linux__
#include "linux/linux_backend.h"
#else
#include "unsupported_backend.h"
#endif
#ifdef _WIN32
#include "windows/windows_backend.h"
#endif

namespace procyon {

std::shared_ptr<const Backend> createBackend(const BackendSource& source) {
#ifdef __linux__
  return std::make_shared<const LinuxBackend>(source);
#elif defined(_WIN32)
  // Windows has no captured trees: only the running machine has a reader.
  if (backendSourceKey(source).empty()) return std::make_shared<const WindowsBackend>();
  return std::make_shared<const UnsupportedBackend>(false);
#else
  return std::make_shared<const UnsupportedBackend>(backendSourceKey(source).empty());
#endif
}

std::string backendSourceKey(const BackendSource& source) {
#ifdef __linux__
  return LinuxBackend::sourceKey(source);
#elif defined(_WIN32)
  return WindowsBackend::sourceKey(source);
#else
  const bool own = source.procfs.empty() && source.sysfs.empty() && source.utmp.empty();
  return own ? std::string() : source.procfs + '\0' + source.sysfs + '\0' + source.utmp;
#endif
}

}  // namespace procyon

// The only platform #ifdef in the collector: everything else is selected by
// binding.gyp compiling src/<os>/ for the target OS.

#include "backend.h"

#ifdef __linux__
#include "linux/linux_backend.h"
#else
#include "unsupported_backend.h"
#endif

namespace procyon {

std::shared_ptr<const Backend> createBackend() {
#ifdef __linux__
  return std::make_shared<const LinuxBackend>();
#else
  return std::make_shared<const UnsupportedBackend>();
#endif
}

}  // namespace procyon

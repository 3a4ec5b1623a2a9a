#pragma once

// The backends one addon instance reads through: the running machine's, made
// once, and the few captured trees callers name, each made once while it is
// in use. Callers name a tree per call (the JS options carry procfs/sysfs);
// this is where that choice becomes a backend. JS thread only; the backends
// themselves are shared with the worker threads.

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <utility>

#include "backend.h"

namespace procyon {

class BackendCache {
 public:
  BackendCache() : live_(createBackend()) {}

  // The backend reading `source`: the live one for the machine's own sources.
  std::shared_ptr<const Backend> forSource(const BackendSource& source);
  const std::shared_ptr<const Backend>& live() const { return live_; }
  // Every backend held now (the live one first).
  void forEach(const std::function<void(const Backend&)>& visit) const;

 private:
  // Trees are few at a time (a test suite's fixtures, a CLI's --procfs); an
  // evicted one is simply made again when named again.
  static constexpr size_t kMaxCaptured = 16;

  std::shared_ptr<const Backend> live_;
  std::list<std::pair<std::string, std::shared_ptr<const Backend>>> captured_;  // most recently used first
};

}  // namespace procyon

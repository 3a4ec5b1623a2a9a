#include "backend_cache.h"

namespace procyon {

std::shared_ptr<const Backend> BackendCache::forSource(const BackendSource& source) {
  const std::string key = backendSourceKey(source);
  if (key.empty()) return live_;
  for (auto it = captured_.begin(); it != captured_.end(); ++it) {
    if (it->first != key) continue;
    captured_.splice(captured_.begin(), captured_, it);
    return captured_.front().second;
  }
  captured_.emplace_front(key, createBackend(source));
  if (captured_.size() > kMaxCaptured) captured_.pop_back();
  return captured_.front().second;
}

void BackendCache::forEach(const std::function<void(const Backend&)>& visit) const {
  visit(*live_);
  for (const auto& entry : captured_) visit(*entry.second);
}

}  // namespace procyon

#pragma once

#include "backend.h"

namespace procyon {

// The backend of a platform nobody has written one for yet: it overrides
// nothing, so it knows no function (describe() reports each unavailable for
// reason "platform"), no constants, and every call fails with UNSUPPORTED
// (Backend's default bodies); the module still loads and callers can ask
// capabilities() before calling.
class UnsupportedBackend final : public Backend {
 public:
  explicit UnsupportedBackend(bool live) : live_(live) {}
  bool isLive() const override { return live_; }

 private:
  bool live_;
};

}  // namespace procyon

#pragma once

// What every export reaches the backend through (shared by addon.cc and the
// per-area binding/<area>.cc files).

#include <napi.h>

#include <memory>

#include "backend_cache.h"
#include "binding/args.h"

namespace procyon {

// Workers hold their own reference, so a backend outlives an environment
// torn down while a read is still in flight.
struct AddonData {
  BackendCache backends;
};

inline BackendCache& backendsOf(Napi::Env env) { return env.GetInstanceData<AddonData>()->backends; }

// The backend a call's options name (procfs / sysfs: a captured tree; absent
// or the machine's own paths: the running machine).
inline std::shared_ptr<const Backend> backendFor(Napi::Env env, Napi::Object options) {
  return backendsOf(env).forSource(sourceOption(options));
}

}  // namespace procyon

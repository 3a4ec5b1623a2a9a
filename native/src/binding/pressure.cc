// Export and snapshot topic: pressureStall (Linux's PSI).

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "binding/snapshot.h"

namespace procyon {
namespace {

Napi::Value pressureStall(const Napi::CallbackInfo& info) {
  return runAsync<PressureStall>(info, "procyon.pressureStall", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] { return backend->pressureStall(); };
  });
}

const ExportRegistrar kExports{{{"pressureStall", pressureStall}}};

const TopicRegistrar kTopics{
    {"pressureStall", [](const Backend& b, const SnapshotRequest&) { return deferToJs(b.pressureStall()); }},
};

}  // namespace
}  // namespace procyon

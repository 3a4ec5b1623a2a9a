// Exports: processNet (plumbing for lib/process_net.ts).
//   processNet({procfs, sysfs, pid?}) → {timestamp, sockets: SocketUse[], mapEntries}: every inet
//   socket and the process it is attributed to, or, with pid, that process's sockets only.

#include <napi.h>

#include <optional>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/native_call.h"
#include "binding/registry.h"

namespace procyon {
namespace {

Napi::Value processNet(const Napi::CallbackInfo& info) {
  return runAsync<ProcessNetReading>(info, "procyon.processNet", [&] {
    const Napi::Object options = optionsArgument(info);
    std::optional<int64_t> pid;
    if (options.Has("pid") && !options.Get("pid").IsUndefined()) pid = integerOption(options, "pid");
    return [backend = backendFor(info.Env(), options), pid] { return backend->processNet(pid); };
  });
}

const ExportRegistrar kExports{{{"processNet", processNet, kInternal}}};

}  // namespace
}  // namespace procyon

// Exports: users (psutil's "Other system info").

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/to_js_users.h"
#include "binding/native_call.h"
#include "binding/registry.h"

namespace procyon {
namespace {

Napi::Value users(const Napi::CallbackInfo& info) {
  return runAsync<std::vector<User>>(info, "procyon.users", [&] {
    const Napi::Object options = optionsArgument(info);
    // `utmp` names a file of a captured tree; absent, the backend's own (the running machine's by default).
    BackendSource source = sourceOption(options);
    source.utmp = stringOption(options, "utmp", "");
    if (!options.Get("utmp").IsUndefined() && source.utmp.empty()) throw Error::invalidArgument("utmp must not be empty");
    return [backend = backendsOf(info.Env()).forSource(source)] { return backend->users(); };
  });
}

const ExportRegistrar kExports{{{"users", users}}};

}  // namespace

}  // namespace procyon

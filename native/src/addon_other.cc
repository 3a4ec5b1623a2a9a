// Exports: users, pids, pidExists.

#include <napi.h>

#include "addon_data.h"
#include "js_args.h"
#include "js_args_system.h"
#include "js_records_other.h"
#include "native_call.h"

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

Napi::Value pids(const Napi::CallbackInfo& info) {
  return runAsync<PidList>(info, "procyon.pids", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->pids();
    };
  });
}

Napi::Value pidExists(const Napi::CallbackInfo& info) {
  return runAsync<PidPresence>(info, "procyon.pidExists", [&] {
    const Napi::Object options = optionsArgument(info);
    const int64_t pid = integerOption(options, "pid");
    return [backend = backendFor(info.Env(), options), pid] {
      return backend->pidExists(pid);
    };
  });
}

}  // namespace

void registerOtherSystemExports(Napi::Env env, Napi::Object exports) {
  exports.Set("users", Napi::Function::New(env, users, "users"));
  exports.Set("pids", Napi::Function::New(env, pids, "pids"));
  exports.Set("pidExists", Napi::Function::New(env, pidExists, "pidExists"));
}

}  // namespace procyon

// Exports: users, pids, pidExists.

#include <napi.h>

#include "addon_data.h"
#include "js_args.h"
#include "js_args_system.h"
#include "js_records_other.h"
#include "native_call.h"

namespace procyon {
namespace {

// glibc's _PATH_UTMP, what getutent(3) reads.
constexpr const char* kDefaultUtmp = "/var/run/utmp";

Napi::Value users(const Napi::CallbackInfo& info) {
  return runAsync<std::vector<User>>(info, "procyon.users", [&] {
    std::string utmp = stringOption(optionsArgument(info), "utmp", kDefaultUtmp);
    if (utmp.empty()) throw Error::invalidArgument("utmp must not be empty");
    return [backend = backendOf(info.Env()), utmp = std::move(utmp)] { return backend->users(utmp); };
  });
}

Napi::Value pids(const Napi::CallbackInfo& info) {
  return runAsync<PidList>(info, "procyon.pids", [&] {
    return [backend = backendOf(info.Env()), roots = rootsOption(optionsArgument(info))] {
      return backend->pids(roots);
    };
  });
}

Napi::Value pidExists(const Napi::CallbackInfo& info) {
  return runAsync<PidPresence>(info, "procyon.pidExists", [&] {
    const Napi::Object options = optionsArgument(info);
    const int64_t pid = integerOption(options, "pid");
    return [backend = backendOf(info.Env()), roots = rootsOption(options), pid] {
      return backend->pidExists(roots, pid);
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

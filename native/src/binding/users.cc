// Exports: users (psutil's "Other system info").

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/to_js_users.h"
#include "binding/native_call.h"

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

}  // namespace

void registerUsersExports(Napi::Env env, Napi::Object exports) {
  exports.Set("users", Napi::Function::New(env, users, "users"));
}

}  // namespace procyon

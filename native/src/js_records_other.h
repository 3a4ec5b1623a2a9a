#pragma once

// users / pids / pid_exists results to JS.

#include <napi.h>

#include <vector>

#include "common/records_other.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const User& user);
Napi::Value toJs(Napi::Env env, const std::vector<User>& users);
Napi::Value toJs(Napi::Env env, const PidList& pids);
Napi::Value toJs(Napi::Env env, const PidPresence& presence);

}  // namespace procyon

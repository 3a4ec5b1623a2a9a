#pragma once

// psutil.users() results to JS.

#include <napi.h>

#include <vector>

#include "common/records_users.h"

namespace procyon {

Napi::Value toJs(Napi::Env env, const User& user);
Napi::Value toJs(Napi::Env env, const std::vector<User>& users);

}  // namespace procyon

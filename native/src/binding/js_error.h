#pragma once

#include <napi.h>

#include "common/error.h"

namespace procyon {

// The single place a native Error becomes a JS Error: the message, `code`
// (the stable string), and when known `path`, `errno`, `pid`, `ppid`,
// `seconds` and `processName` (not `name`: JS reserves that for the error
// class). lib/errors.ts fromNative() turns it into the matching subclass.
Napi::Error toJsError(Napi::Env env, const Error& error);

}  // namespace procyon

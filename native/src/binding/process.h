#pragma once

// The process part of the export table (registered from addon.cc's
// "--- processes ---" block).

#include <napi.h>


namespace procyon {

void registerProcessExports(Napi::Env env, Napi::Object exports);

}  // namespace procyon

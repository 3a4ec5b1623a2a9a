#pragma once

// The process part of the export table (registered from addon.cc's
// "--- processes ---" block).

#include <napi.h>

#include <memory>

#include "backend.h"

namespace procyon {

void registerProcessExports(Napi::Env env, Napi::Object exports, std::shared_ptr<const Backend> backend);

}  // namespace procyon

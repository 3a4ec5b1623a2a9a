#pragma once

// psutil.users() results to JS.

#include <napi.h>

#include "binding/to_js_record.h"

#include <vector>

#include "common/records_users.h"

namespace procyon {


}  // namespace procyon

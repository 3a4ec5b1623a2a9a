#include "binding/to_js_users.h"

namespace procyon {

}  // namespace procyon

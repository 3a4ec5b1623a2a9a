#pragma once

// Force-included into every translation unit of the Windows build
// (scripts/win/build.mjs, -include). mingw's <stdlib.h> #defines `environ`
// (to a function call), which the shared code uses as a plain identifier
// (the process section of that name). Including it first, once, and
// dropping the macro leaves the identifier alone everywhere after; the
// header's include guard keeps later includes from defining it again.

#include <stdlib.h>
#undef environ

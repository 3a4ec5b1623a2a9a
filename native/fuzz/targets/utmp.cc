// utmp records (binary).
// seeds: (none)
#include "../fuzz_common.h"
#include "linux/parse/utmp.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::tolerate([&] { parse::parseUtmp(fuzz::text(data, size)); });
  return 0;
}

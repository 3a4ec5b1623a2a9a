// The NETLINK_SOCK_DIAG inet dump answer (binary: nlmsghdr, inet_diag_msg, rtattr, tcp_info).
// seeds: (none)
#include "../fuzz_common.h"
#include "linux/parse/sock_diag.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::tolerate([&] {
    std::vector<parse::DiagSocket> out;
    parse::parseDiagBatch(fuzz::text(data, size), out, 64);
  });
  return 0;
}

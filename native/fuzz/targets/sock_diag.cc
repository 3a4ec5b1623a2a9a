// The NETLINK_SOCK_DIAG inet dump answer (binary: nlmsghdr, inet_diag_msg, rtattr, tcp_info),
// and what a tracker (common/net_usage.h) makes of its sockets read twice, as two dumps.
// seeds: (none)
#include "../fuzz_common.h"
#include "common/net_usage.h"
#include "linux/parse/sock_diag.h"

using namespace procyon;
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::tolerate([&] {
    std::vector<parse::DiagSocket> out;
    parse::parseDiagBatch(fuzz::text(data, size), out, 64);
    std::vector<NetSocketSample> samples;
    for (const parse::DiagSocket& s : out) {
      NetSocketSample& sample = samples.emplace_back();
      sample.inode = s.inode;
      sample.cookie = s.cookie;
      if (s.uid % 3 != 0) sample.pid = s.uid % 7;  // some shared owners, some nobody readable
      sample.counted = s.bytesSent && s.bytesReceived;
      if (sample.counted) {
        sample.sent = *s.bytesSent;
        sample.received = *s.bytesReceived;
      }
    }
    NetUsageState state;
    std::lock_guard<std::mutex> lock(state.mutex);
    state.advance(1, samples);
    // The second dump: the same sockets' counters read back as (smaller) different values, a moved owner.
    for (NetSocketSample& s : samples) {
      s.sent >>= 1;
      if (s.pid) ++*s.pid;
    }
    // Each socket's rates as a tracker read that lists it gives them: never negative, never NaN.
    for (const NetSocketSample& s : samples) {
      if (const auto rates = state.rateOf(s, 2); rates && !(rates->first >= 0 && rates->second >= 0)) __builtin_trap();
    }
    const NetUsageReading reading = state.advance(2, samples);
    if (reading.pids.size() != reading.processes.size()) __builtin_trap();
  });
  return 0;
}

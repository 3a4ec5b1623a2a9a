// Built and run by test/sock_diag_parse.test.ts: the sock_diag answer parser
// (src/linux/parse/sock_diag.h) on a well-formed answer and on malformed and
// truncated ones. Prints one JSON line per case: what it parsed, or the error
// code it threw (anything else escaping is a failure of the test).

#include <arpa/inet.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "common/error.h"
#include "linux/parse/sock_diag.h"

using namespace procyon;

namespace {

void put(std::string& out, const void* data, size_t size) { out.append(static_cast<const char*>(data), size); }
void pad(std::string& out) {
  while (out.size() % 4 != 0) out.push_back('\0');
}

// One SOCK_DIAG_BY_FAMILY (or `type`) message: an inet_diag_msg and, when infoBytes > 0, an INET_DIAG_INFO of that many bytes.
std::string socketMessage(uint32_t inode, uint64_t acked, uint64_t received, size_t infoBytes, uint16_t type = SOCK_DIAG_BY_FAMILY, uint64_t cookie = 0) {
  std::string body;
  inet_diag_msg msg{};
  msg.idiag_family = AF_INET;
  msg.idiag_state = 1;
  msg.id.idiag_sport = htons(8080);
  msg.id.idiag_dport = htons(40000);
  msg.id.idiag_src[0] = htonl(0x7f000001);
  msg.id.idiag_dst[0] = htonl(0x7f000001);
  msg.idiag_uid = 1000;
  msg.idiag_inode = inode;
  msg.id.idiag_cookie[0] = static_cast<uint32_t>(cookie);
  msg.id.idiag_cookie[1] = static_cast<uint32_t>(cookie >> 32);
  put(body, &msg, sizeof msg);
  pad(body);
  if (infoBytes > 0) {
    tcp_info info{};
    info.tcpi_bytes_acked = acked;
    info.tcpi_bytes_received = received;
    std::string payload(reinterpret_cast<const char*>(&info), sizeof info);
    payload.resize(infoBytes, '\0');
    rtattr attr{};
    attr.rta_type = INET_DIAG_INFO;
    attr.rta_len = static_cast<unsigned short>(sizeof attr + payload.size());
    put(body, &attr, sizeof attr);
    body += payload;
    pad(body);
  }
  nlmsghdr header{};
  header.nlmsg_type = type;
  header.nlmsg_len = static_cast<uint32_t>(sizeof header + body.size());
  std::string out;
  put(out, &header, sizeof header);
  return out + body;
}

std::string control(uint16_t type, int32_t error) {
  nlmsghdr header{};
  header.nlmsg_type = type;
  header.nlmsg_len = sizeof header + sizeof error;
  std::string out;
  put(out, &header, sizeof header);
  put(out, &error, sizeof error);
  return out;
}

void run(const char* name, const std::string& data) {
  std::vector<parse::DiagSocket> out;
  try {
    const bool done = parse::parseDiagBatch(data, out, 16) == parse::DiagBatch::Done;
    std::printf("{\"case\":\"%s\",\"done\":%s,\"sockets\":[", name, done ? "true" : "false");
    for (size_t i = 0; i < out.size(); ++i) {
      const auto& s = out[i];
      std::printf("%s{\"inode\":%u,\"sport\":%u,\"dport\":%u,\"src\":\"%u.%u.%u.%u\",\"uid\":%u,\"sent\":%s,\"received\":%s}", i ? "," : "", s.inode, s.sourcePort,
                  s.destinationPort, s.source[0], s.source[1], s.source[2], s.source[3], s.uid, s.bytesSent ? std::to_string(*s.bytesSent).c_str() : "null",
                  s.bytesReceived ? std::to_string(*s.bytesReceived).c_str() : "null");
    }
    std::printf("]}\n");
  } catch (const Error& e) {
    std::printf("{\"case\":\"%s\",\"code\":\"%s\",\"errno\":%d}\n", name, std::string(errorCodeName(e.code)).c_str(), e.sysErrno);
  }
}

// The one-walk request's answer (TCPDIAG_GETSOCK messages): its sockets' inodes and cookies.
void runCookies(const char* name, const std::string& data) {
  std::vector<parse::DiagSocket> out;
  const bool done = parse::parseDiagBatch(data, out, 16) == parse::DiagBatch::Done;
  std::printf("{\"case\":\"%s\",\"done\":%s,\"cookies\":[", name, done ? "true" : "false");
  for (size_t i = 0; i < out.size(); ++i) std::printf("%s[%u,\"%llu\"]", i ? "," : "", out[i].inode, static_cast<unsigned long long>(out[i].cookie));
  std::printf("]}\n");
}

}  // namespace

int main() {
  const std::string one = socketMessage(4242, 50000000, 5000000, sizeof(tcp_info));
  const std::string two = socketMessage(4343, 7, 9, sizeof(tcp_info));
  run("whole", one + two + control(NLMSG_DONE, 0));
  run("more", one);
  run("old-kernel-info", socketMessage(1, 5, 6, 64) + control(NLMSG_DONE, 0));
  run("no-info", socketMessage(2, 0, 0, 0));
  run("kernel-error", control(NLMSG_ERROR, -13));
  runCookies("one-walk", socketMessage(7, 1, 2, sizeof(tcp_info), TCPDIAG_GETSOCK, 0x123456789abcdef0ULL) + socketMessage(8, 1, 2, sizeof(tcp_info), TCPDIAG_GETSOCK, 5) + control(NLMSG_DONE, 0));
  // Every cut of a well-formed answer short of its end: never a read past it.
  const std::string whole = one + two;
  for (size_t cut = 1; cut < whole.size(); ++cut) {
    if (cut == one.size()) continue;  // a whole first message: well-formed
    run(("cut-" + std::to_string(cut)).c_str(), whole.substr(0, cut));
  }
  std::string lying = one;
  reinterpret_cast<nlmsghdr*>(lying.data())->nlmsg_len = 1u << 30;
  run("length-past-end", lying);
  std::string tiny = one;
  reinterpret_cast<nlmsghdr*>(tiny.data())->nlmsg_len = 4;
  run("length-below-header", tiny);
  std::string attr = one;
  reinterpret_cast<rtattr*>(attr.data() + sizeof(nlmsghdr) + ((sizeof(inet_diag_msg) + 3) & ~size_t{3}))->rta_len = 60000;
  run("attribute-past-end", attr);
  std::string many;
  for (int i = 0; i < 17; ++i) many += socketMessage(static_cast<uint32_t>(i + 1), 1, 1, sizeof(tcp_info));
  run("over-limit", many);
  return 0;
}

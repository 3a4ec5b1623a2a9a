// Built and run by test/metric_readers.test.ts, linked against the addon's own
// platform objects (src/ less src/binding: no N-API): a metric reaches a
// backend only through the readers its platform registered. A metric this
// file declares, which no platform file can know, is UNSUPPORTED on Linux and
// absent from its capabilities (describe() reports it "platform"); PSI's, which
// linux/pressure.cc registers, reads; a backend that registers nothing (the
// unsupported platform's) answers UNSUPPORTED for PSI too.
// Prints one JSON object; argv[1] is a procfs (the captured fixture).

#include <cstdio>
#include <string>
#include <string_view>

#include "backend.h"
#include "common/error.h"
#include "common/record.h"
#include "common/records_pressure.h"
#include "unsupported_backend.h"

namespace procyon {

#define PROCYON_PROBE_FIELDS(X) X(double, value, 0)
PROCYON_RECORD(ProbeOnlyValue, PROCYON_PROBE_FIELDS)
#undef PROCYON_PROBE_FIELDS
PROCYON_METRIC(probeOnlyMetric, ProbeOnlyValue)

}  // namespace procyon

using namespace procyon;

namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// {"ok": value} or {"code": ..., "message": ...}
template <typename Read>
std::string outcome(Read&& read) {
  try {
    return "{\"ok\":" + read() + "}";
  } catch (const Error& e) {
    return "{\"code\":" + quoted(errorCodeName(e.code)) + ",\"message\":" + quoted(e.message) + "}";
  }
}

std::string capabilityNames(const Backend& backend) {
  std::string out = "[";
  for (const Capability& c : backend.capabilities()) out += (out.size() > 1 ? "," : "") + quoted(c.name);
  return out + "]";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  BackendSource source;
  source.procfs = argv[1];
  const std::shared_ptr<const Backend> linux = createBackend(source);
  const UnsupportedBackend unsupported(false);
  std::printf("{\"linux\":{\"probe\":%s,\"pressure\":%s,\"capabilities\":%s},\"unsupported\":{\"pressure\":%s,\"capabilities\":%s}}\n",
              outcome([&] { return std::to_string(linux->read<ProbeOnlyValue>().value); }).c_str(),
              outcome([&] { return std::to_string(linux->read<PressureStall>().cpu->some->avg10); }).c_str(),
              capabilityNames(*linux).c_str(),
              outcome([&] { return std::to_string(unsupported.read<PressureStall>().cpu.has_value()); }).c_str(),
              capabilityNames(unsupported).c_str());
  return 0;
}

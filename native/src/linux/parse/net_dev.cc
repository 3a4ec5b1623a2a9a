#include "linux/parse/net_dev.h"

#include <array>
#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {

NetIoPerNic parseNetDev(std::string_view text) {
  NetIoPerNic result;
  nextLine(text);  // "Inter-|   Receive ..."
  nextLine(text);  // " face |bytes ..."
  size_t lineNumber = 2;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    ++lineNumber;
    if (trim(line).empty()) continue;
    const size_t colon = line.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
      throw Error::parse("line " + std::to_string(lineNumber) + " has no interface name");
    }
    const std::string_view name = trim(line.substr(0, colon));
    std::string_view rest = line.substr(colon + 1);
    std::array<double, 16> columns{};
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string_view token = nextToken(rest);
      const auto value = toUint64(token);
      if (!value) {
        throw Error::parse("line " + std::to_string(lineNumber) + " (" + std::string(name) + "): column " +
                           std::to_string(i + 1) + (token.empty() ? " is missing" : " is not a number"));
      }
      columns[i] = static_cast<double>(*value);
    }
    NetIoCounters counters;
    counters.bytesRecv = columns[0];
    counters.packetsRecv = columns[1];
    counters.errin = columns[2];
    counters.dropin = columns[3];
    counters.bytesSent = columns[8];
    counters.packetsSent = columns[9];
    counters.errout = columns[10];
    counters.dropout = columns[11];
    result.nics.emplace_back(std::string(name), counters);
  }
  return result;
}

}  // namespace procyon::parse

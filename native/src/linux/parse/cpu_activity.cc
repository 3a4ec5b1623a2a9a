#include "linux/parse/cpu_activity.h"

#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

double firstNumber(std::string_view label, std::string_view rest) {
  const std::string_view token = nextToken(rest);
  const auto value = toUint64(token);
  if (!value) throw Error::parse("malformed '" + std::string(label) + "' value '" + std::string(token) + "'");
  return static_cast<double>(*value);
}

}  // namespace

CpuStats parseCpuStats(std::string_view text) {
  std::optional<double> ctxt, intr, softirq;
  while (!text.empty() && !(ctxt && intr && softirq)) {
    std::string_view line = nextLine(text);
    const std::string_view label = nextToken(line);
    if (label == "ctxt" && !ctxt) ctxt = firstNumber(label, line);
    else if (label == "intr" && !intr) intr = firstNumber(label, line);
    else if (label == "softirq" && !softirq) softirq = firstNumber(label, line);
  }
  if (!ctxt) throw Error::parse("no 'ctxt' line");
  if (!intr) throw Error::parse("no 'intr' line");
  CpuStats stats;
  stats.ctxSwitches = *ctxt;
  stats.interrupts = *intr;
  stats.softInterrupts = softirq.value_or(0);
  stats.syscalls = 0;
  return stats;
}

LoadAvg parseLoadavg(std::string_view text) {
  double values[3];
  for (double& value : values) {
    const std::string_view token = nextToken(text);
    const auto parsed = toDouble(token);
    if (!parsed || *parsed < 0) throw Error::parse("malformed load average '" + std::string(token) + "'");
    value = *parsed;
  }
  return {values[0], values[1], values[2]};
}

std::vector<double> parseCpuinfoMhz(std::string_view text) {
  std::vector<double> values;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    if (!startsWithIgnoreCase(line, "cpu mhz")) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) throw Error::parse("a 'cpu MHz' line without ':'");
    const std::string_view token = trim(line.substr(colon + 1));
    const auto value = toDouble(token);
    if (!value) throw Error::parse("malformed 'cpu MHz' value '" + std::string(token) + "'");
    values.push_back(*value);
  }
  return values;
}

double parseKhzAsMhz(std::string_view text) {
  const std::string_view token = trim(text);
  const auto value = toUint64(token);
  if (!value) throw Error::parse("malformed frequency '" + std::string(token.substr(0, 64)) + "'");
  return static_cast<double>(*value) / 1000;
}

}  // namespace procyon::parse

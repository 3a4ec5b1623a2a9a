#include "linux/parse/proc_stat.h"

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

// The kernel has printed user, nice, system and idle since 2.4; anything
// shorter is not a cpu line we understand.
constexpr size_t kMinimumColumns = 4;

bool isPerCpuLabel(std::string_view label) {
  if (label.size() < 4 || !startsWith(label, "cpu")) return false;
  for (size_t i = 3; i < label.size(); ++i) {
    if (label[i] < '0' || label[i] > '9') return false;
  }
  return true;
}

CpuJiffies parseCpuColumns(std::string_view label, std::string_view rest) {
  CpuJiffies jiffies;
  for (std::string_view token = nextToken(rest); !token.empty() && jiffies.columns < jiffies.values.size();
       token = nextToken(rest)) {
    const auto value = toUint64(token);
    if (!value) throw Error::parse("malformed value '" + std::string(token) + "' on the " + std::string(label) + " line");
    jiffies.values[jiffies.columns++] = *value;
  }
  if (jiffies.columns < kMinimumColumns) {
    throw Error::parse("the " + std::string(label) + " line has " + std::to_string(jiffies.columns) +
                       " columns, expected at least " + std::to_string(kMinimumColumns));
  }
  return jiffies;
}

}  // namespace

CpuJiffies parseProcStatTotal(std::string_view text) {
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view label = nextToken(line);
    if (label == "cpu") return parseCpuColumns(label, line);
  }
  throw Error::parse("no 'cpu' line");
}

std::vector<CpuJiffies> parseProcStatPerCpu(std::string_view text) {
  std::vector<CpuJiffies> cpus;
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    const std::string_view label = nextToken(line);
    if (isPerCpuLabel(label)) cpus.push_back(parseCpuColumns(label, line));
  }
  return cpus;
}

size_t countProcStatCpuLines(std::string_view text) {
  size_t count = 0;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    if (line.size() > 3 && startsWith(line, "cpu") && line[3] >= '0' && line[3] <= '9') ++count;
  }
  return count;
}

double parseProcStatBootTime(std::string_view text) {
  while (!text.empty()) {
    std::string_view line = nextLine(text);
    if (nextToken(line) != "btime") continue;
    const std::string_view token = nextToken(line);
    const auto value = toDouble(token);
    if (!value) throw Error::parse("malformed btime value '" + std::string(token) + "'");
    return *value;
  }
  throw Error::parse("no 'btime' line");
}

CpuTimes toCpuTimes(const CpuJiffies& jiffies, double ticksPerSecond) {
  const auto seconds = [&](size_t column) { return static_cast<double>(jiffies.values[column]) / ticksPerSecond; };
  CpuTimes times;
  times.user = seconds(0);
  times.nice = seconds(1);
  times.system = seconds(2);
  times.idle = seconds(3);
  times.iowait = seconds(4);
  times.irq = seconds(5);
  times.softirq = seconds(6);
  times.steal = seconds(7);
  times.guest = seconds(8);
  times.guestNice = seconds(9);
  return times;
}

}  // namespace procyon::parse

#include "linux/parse/cpuinfo.h"

#include <map>

#include "linux/parse/text.h"

namespace procyon::parse {

size_t countCpuinfoProcessors(std::string_view text) {
  size_t count = 0;
  while (!text.empty()) {
    if (startsWithIgnoreCase(nextLine(text), "processor")) ++count;
  }
  return count;
}

std::optional<uint64_t> cpuinfoPhysicalCores(std::string_view text) {
  std::map<uint64_t, uint64_t> coresByPackage;
  std::optional<uint64_t> physicalId;
  std::optional<uint64_t> cpuCores;
  const auto closeSection = [&] {
    if (physicalId && cpuCores) coresByPackage[*physicalId] = *cpuCores;
    physicalId.reset();
    cpuCores.reset();
  };
  while (!text.empty()) {
    const std::string_view line = trim(nextLine(text));
    if (line.empty()) {
      closeSection();
      continue;
    }
    const bool isPhysicalId = startsWithIgnoreCase(line, "physical id");
    if (!isPhysicalId && !startsWithIgnoreCase(line, "cpu cores")) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    // A value that is not a number leaves the key unset, so the section is ignored.
    const auto value = toUint64(trim(line.substr(colon + 1)));
    if (!value) continue;
    (isPhysicalId ? physicalId : cpuCores) = *value;
  }
  // A file that does not end in a blank line still closes its last section.
  closeSection();

  uint64_t sum = 0;
  for (const auto& entry : coresByPackage) {
    if (!checkedAdd(sum, entry.second, sum)) return std::nullopt;
  }
  if (sum == 0) return std::nullopt;
  return sum;
}

}  // namespace procyon::parse

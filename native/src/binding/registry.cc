#include "binding/registry.h"

namespace procyon {
namespace {

// Function-local statics: registrars in other files run during static
// initialisation, in an order C++ leaves open, so the lists are built on first use.
std::vector<ExportEntry>& exportList() {
  static std::vector<ExportEntry> list;
  return list;
}

std::vector<std::string_view>& functionList() {
  static std::vector<std::string_view> list;
  return list;
}

}  // namespace

ExportRegistrar::ExportRegistrar(std::initializer_list<ExportEntry> entries, std::initializer_list<std::string_view> alsoReports) {
  for (const ExportEntry& entry : entries) {
    exportList().push_back(entry);
    if (entry.kind == kCollectorFunction) functionList().emplace_back(entry.name);
  }
  for (std::string_view name : alsoReports) functionList().push_back(name);
}

const std::vector<ExportEntry>& registeredExports() { return exportList(); }

const std::vector<std::string_view>& collectorFunctions() { return functionList(); }

}  // namespace procyon

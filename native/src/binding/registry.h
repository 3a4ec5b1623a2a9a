#pragma once

// The export table and the capability names, filled by each binding/<area>.cc
// at load (a static registrar), read by addon.cc's init and by describe(). A
// new area file registers itself: nothing central lists it.
//
//   const ExportRegistrar kExports{{
//       {"cpuStats", cpuStats},                    // a collector function: a capability of its own
//       {"processTableReader", reader, kInternal},  // plumbing for lib/: no capability
//   }, {"cpuPercent"}};                             // lib/-computed functions this area answers for

#include <napi.h>

#include <initializer_list>
#include <string_view>
#include <vector>

namespace procyon {

using ExportFunction = Napi::Value (*)(const Napi::CallbackInfo&);

// Whether an export is a collector function whose availability describe() reports.
enum ExportKind { kCollectorFunction, kInternal };

struct ExportEntry {
  const char* name;
  ExportFunction function;
  ExportKind kind = kCollectorFunction;
};

struct ExportRegistrar {
  // `alsoReports`: capability names with no export of their own (computed in
  // lib/ from this area's exports, or a Process method), reported after them.
  ExportRegistrar(std::initializer_list<ExportEntry> entries, std::initializer_list<std::string_view> alsoReports = {});
};

// Every registered export, in registration order.
const std::vector<ExportEntry>& registeredExports();

// The collector functions whose availability is reported (capabilities(),
// describe()), derived from the registrations: the one list, which
// lib/'s CollectorFunction is checked against (test/describe.test.ts).
const std::vector<std::string_view>& collectorFunctions();

}  // namespace procyon

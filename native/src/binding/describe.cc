// describe() and capabilities(): the collector's account of itself, read by
// lib/ at load so no list the addon knows is restated in TypeScript.

#include <napi.h>

#include <string>
#include <vector>

#include "binding/addon_data.h"
#include "common/record.h"
#include "common/records_platform.h"
#include "common/records_process.h"
#include "binding/args.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "binding/process_table_columns.h"
#include "binding/snapshot.h"
#include "procyon_metrics.h"  // generated: PROCYON_METRICS(X)

namespace procyon {

// Results of the two calls, converted by the toJs overloads below.
struct CapabilityList {
  std::vector<Capability> entries;
};

struct DescribeResult {
  PlatformConstants constants;
  std::vector<std::string_view> topics;
  std::vector<Capability> capabilities;
};

namespace {

// Every collector function the binding registers (binding/registry.h),
// answered by the backend where it knows the name and "platform" where it does not.
std::vector<Capability> allCapabilities(const Backend& backend) {
  const std::vector<Capability> known = backend.capabilities();
  std::vector<Capability> result;
  for (std::string_view name : collectorFunctions()) {
    Capability entry{name, false, CapabilityReason::Platform, {}};
    for (const Capability& capability : known) {
      if (capability.name == name) entry = capability;
    }
    result.push_back(std::move(entry));
  }
  return result;
}

Napi::String str(Napi::Env env, std::string_view s) { return Napi::String::New(env, s.data(), s.size()); }

Napi::Object named(Napi::Env env, const std::vector<NamedConstant>& constants) {
  Napi::Object object = Napi::Object::New(env);
  for (const NamedConstant& c : constants) object.Set(str(env, c.name), static_cast<double>(c.value));
  return object;
}

Napi::Array names(Napi::Env env, const std::vector<std::string_view>& list) {
  Napi::Array array = Napi::Array::New(env, list.size());
  for (uint32_t i = 0; i < list.size(); ++i) array.Set(i, str(env, list[i]));
  return array;
}

Napi::Object layoutsToJs(Napi::Env env) {
  Napi::Object layouts = Napi::Object::New(env);
  Napi::Object sections = Napi::Object::New(env);
#define PROCYON_BIT(id, name, bit) sections.Set(#name, static_cast<double>(id));
  PROCYON_PROCESS_SECTIONS(PROCYON_BIT)
#undef PROCYON_BIT
  layouts.Set("processSections", sections);
  Napi::Object fields = Napi::Object::New(env);
#define PROCYON_BIT(id, name, bit) fields.Set(#name, static_cast<double>(id));
  PROCYON_PROCESS_TABLE_FIELDS(PROCYON_BIT)
#undef PROCYON_BIT
  layouts.Set("processTableFields", fields);
#define PROCYON_COLUMN(id, name) #name,
  layouts.Set("processTableNumbers", names(env, {PROCYON_TABLE_NUMBERS(PROCYON_COLUMN)}));
  layouts.Set("processTableStrings", names(env, {PROCYON_TABLE_STRINGS(PROCYON_COLUMN)}));
#undef PROCYON_COLUMN
  return layouts;
}

}  // namespace

Napi::Value toJs(Napi::Env env, const CapabilityList& list) {
  Napi::Array array = Napi::Array::New(env, list.entries.size());
  for (uint32_t i = 0; i < list.entries.size(); ++i) {
    const Capability& c = list.entries[i];
    Napi::Object entry = Napi::Object::New(env);
    entry.Set("name", str(env, c.name));
    entry.Set("available", c.available);
    if (!c.available) entry.Set("reason", str(env, capabilityReasonName(c.reason)));
    if (!c.path.empty()) entry.Set("path", c.path);
    array.Set(i, entry);
  }
  return array;
}

Napi::Value toJs(Napi::Env env, const DescribeResult& d) {
  const PlatformConstants& c = d.constants;
  Napi::Object object = Napi::Object::New(env);
  object.Set("platform", str(env, c.platform.empty() ? std::string_view("unsupported") : c.platform));
  object.Set("topics", names(env, d.topics));
  object.Set("capabilities", toJs(env, CapabilityList{d.capabilities}));
  Napi::Object constants = Napi::Object::New(env);
  constants.Set("signals", named(env, c.signals));
  constants.Set("rlimits", named(env, c.rlimits));
  constants.Set("rlimInfinity", static_cast<double>(c.rlimInfinity));
  constants.Set("ioprioClasses", named(env, c.ioprioClasses));
  constants.Set("priorityClasses", named(env, c.priorityClasses));
  constants.Set("ioPriorities", named(env, c.ioPriorities));
  Napi::Object nice = Napi::Object::New(env);
  nice.Set("min", static_cast<double>(c.niceMin));
  nice.Set("max", static_cast<double>(c.niceMax));
  constants.Set("nice", nice);
  constants.Set("addressFamilies", named(env, c.addressFamilies));
  constants.Set("socketTypes", named(env, c.socketTypes));
  constants.Set("connectionKinds", names(env, c.connectionKinds));
  constants.Set("connectionStatuses", names(env, c.connectionStatuses));
  constants.Set("processStatuses", names(env, c.processStatuses));
  constants.Set("virtualMemoryFields", names(env, c.virtualMemoryFields));
  object.Set("constants", constants);
  object.Set("layouts", layoutsToJs(env));
  // Each PROCYON_RECORD's JS field names, in order (the registry fills at load).
  Napi::Object records = Napi::Object::New(env);
  for (const RecordDescription& record : recordRegistry()) {
    records.Set(str(env, record.name), names(env, record.fields));
  }
  object.Set("records", records);
  // Each PROCYON_METRIC: its function (and topic, and capability) and its record.
  Napi::Array metrics = Napi::Array::New(env);
#define PROCYON_METRIC_ENTRY(name, Record)                  \
  {                                                         \
    Napi::Object metric = Napi::Object::New(env);           \
    metric.Set("name", str(env, MetricOf<Record>::kName));  \
    metric.Set("record", str(env, MetricRecord<Record>::type::kRecordName)); \
    metrics.Set(metrics.Length(), metric);                  \
  }
  PROCYON_METRICS(PROCYON_METRIC_ENTRY)
#undef PROCYON_METRIC_ENTRY
  object.Set("metrics", metrics);
  return object;
}

namespace {

Napi::Value describe(const Napi::CallbackInfo& info) {
  return runSync(info, [&] {
    const std::shared_ptr<const Backend> backend = backendFor(info.Env(), optionsArgument(info));
    return DescribeResult{backend->constants(), snapshotTopics(), allCapabilities(*backend)};
  });
}

Napi::Value capabilities(const Napi::CallbackInfo& info) {
  return runSync(info, [&] {
    return CapabilityList{allCapabilities(*backendFor(info.Env(), optionsArgument(info)))};
  });
}

const ExportRegistrar kExports{{{"describe", describe, kInternal}, {"capabilities", capabilities, kInternal}}};

}  // namespace

}  // namespace procyon

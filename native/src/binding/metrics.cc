// Every whole-system metric's export and snapshot topic, made from its
// PROCYON_METRIC declaration (common/metric.h): the list is generated into
// the build folder from those lines (scripts/gyp_metrics.mjs), so a new
// metric has no binding file of its own. Each export takes the one options
// object (roots), runs the backend's reader on the pool and resolves with
// the record; errors reach JS through the one throw site, as every export's.

#include <napi.h>

#include <string>
#include <string_view>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "binding/snapshot.h"
#include "procyon_metrics.h"  // generated: PROCYON_METRICS(X)

namespace procyon {
namespace {

template <typename Record>
Napi::Value exported(const Napi::CallbackInfo& info) {
  static const std::string resource = "procyon." + std::string(MetricOf<Record>::kName);
  return runAsync<Record>(info, resource.c_str(), [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] { return backend->template read<Record>(); };
  });
}

template <typename Record>
JsThunk topic(const Backend& backend, const SnapshotRequest&) {
  return deferToJs(backend.read<Record>());
}

// A generated line whose declaration the compiler did not see (commented out,
// under #if) has no MetricOf and fails here rather than exporting nothing.
#define PROCYON_METRIC_CHECK(name, Record) \
  static_assert(std::string_view(MetricOf<Record>::kName) == #name, "PROCYON_METRIC(" #name ", " #Record ") is not compiled");
PROCYON_METRICS(PROCYON_METRIC_CHECK)
#undef PROCYON_METRIC_CHECK

#define PROCYON_METRIC_EXPORT(name, Record) {MetricOf<Record>::kName, exported<Record>},
const ExportRegistrar kExports{{PROCYON_METRICS(PROCYON_METRIC_EXPORT)}};
#undef PROCYON_METRIC_EXPORT

#define PROCYON_METRIC_TOPIC(name, Record) {MetricOf<Record>::kName, topic<Record>},
const TopicRegistrar kTopics{PROCYON_METRICS(PROCYON_METRIC_TOPIC)};
#undef PROCYON_METRIC_TOPIC

}  // namespace
}  // namespace procyon

// Export: systemSnapshot({procfs, sysfs, topics, diskUsagePaths}).

#include <napi.h>

#include <set>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "binding/snapshot.h"

namespace procyon {
namespace {

Napi::Value systemSnapshot(const Napi::CallbackInfo& info) {
  return runAsync<SnapshotResult>(info, "procyon.systemSnapshot", [&] {
    const Napi::Object options = optionsArgument(info);
    SnapshotRequest request;
    std::set<std::string> seen;
    for (std::string& topic : stringListOption(options, "topics", {})) {
      if (!isSnapshotTopic(topic)) throw Error::invalidArgument("unknown snapshot topic '" + topic + "'");
      if (seen.insert(topic).second) request.topics.push_back(std::move(topic));
    }
    request.diskUsagePaths = stringListOption(options, "diskUsagePaths", {"/"});
    return [backend = backendFor(info.Env(), options), request = std::move(request)] {
      return takeSnapshot(*backend, request);
    };
  });
}


const ExportRegistrar kExports{{{"systemSnapshot", systemSnapshot}}};

}  // namespace

}  // namespace procyon

// Export: systemSnapshot({procfs, sysfs, topics, diskUsagePaths}).

#include <napi.h>

#include <set>

#include "addon_data.h"
#include "js_args.h"
#include "js_args_system.h"
#include "native_call.h"
#include "snapshot.h"

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

Napi::Value snapshotTopicNames(const Napi::CallbackInfo& info) {
  const std::vector<std::string_view> names = snapshotTopics();
  Napi::Array array = Napi::Array::New(info.Env(), names.size());
  for (uint32_t i = 0; i < names.size(); ++i) array.Set(i, Napi::String::New(info.Env(), names[i].data(), names[i].size()));
  return array;
}

}  // namespace

void registerSnapshotExports(Napi::Env env, Napi::Object exports) {
  exports.Set("systemSnapshot", Napi::Function::New(env, systemSnapshot, "systemSnapshot"));
  exports.Set("snapshotTopics", Napi::Function::New(env, snapshotTopicNames, "snapshotTopics"));
}

}  // namespace procyon

#include "binding/snapshot.h"

#include <exception>
#include <utility>

#include "binding/to_js.h"
#include "binding/to_js_cpu.h"
#include "binding/to_js_disk.h"
#include "binding/to_js_net.h"
#include "binding/to_js_sensors.h"
#include "binding/to_js_hwmon.h"
#include "binding/native_call.h"
#include "common/totals.h"

namespace procyon {
namespace {

// Defines an own, enumerable data property: unlike Set, a key such as
// "__proto__" (a device or path name) cannot reach the prototype.
void defineOwn(Napi::Object object, const std::string& key, Napi::Value value) {
  object.DefineProperty(Napi::PropertyDescriptor::Value(
      key, value, static_cast<napi_property_attributes>(napi_writable | napi_enumerable | napi_configurable)));
}

Napi::Object errorToJs(Napi::Env env, const Error& error) {
  Napi::Object details = Napi::Object::New(env);
  details.Set("code", std::string(errorCodeName(error.code)));
  details.Set("message", error.message);
  if (!error.path.empty()) details.Set("path", error.path);
  Napi::Object wrapper = Napi::Object::New(env);
  wrapper.Set("error", details);
  return wrapper;
}

JsThunk perDiskToJs(std::vector<DiskIoCounters> disks) {
  return [disks = std::move(disks)](Napi::Env env) -> Napi::Value {
    Napi::Object object = Napi::Object::New(env);
    for (const DiskIoCounters& disk : disks) defineOwn(object, disk.name, diskIoToJs(env, disk, false));
    return object;
  };
}

// "diskUsage": {path: usage | {error}} for every requested path.
JsThunk diskUsages(const Backend& backend, const SnapshotRequest& request) {
  std::vector<std::pair<std::string, std::variant<DiskUsage, Error>>> usages;
  for (const std::string& path : request.diskUsagePaths) {
    try {
      usages.emplace_back(path, backend.diskUsage(path));
    } catch (...) {
      usages.emplace_back(path, asError(std::current_exception()));
    }
  }
  return [usages = std::move(usages)](Napi::Env env) -> Napi::Value {
    Napi::Object object = Napi::Object::New(env);
    for (const auto& [path, outcome] : usages) {
      if (const auto* usage = std::get_if<DiskUsage>(&outcome)) defineOwn(object, path, toJs(env, *usage));
      else defineOwn(object, path, errorToJs(env, std::get<Error>(outcome)));
    }
    return object;
  };
}

std::vector<TopicEntry>& topicList() {
  static std::vector<TopicEntry> list;  // built on first use: registrars run in an order C++ leaves open
  return list;
}

// The areas whose exports are in addon.cc, cpu.cc, disks.cc and hwmon.cc.
const TopicRegistrar kTopics{
    // --- cpu ---
    {"cpuTimes", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.cpuTimes()); }},
    {"perCpuTimes", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.perCpuTimes()); }},
    {"cpuStats", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.cpuStats()); }},
    {"cpuFreq",
     [](const Backend& b, const SnapshotRequest& r) { return deferToJs(averageCpuFreq(b.cpuFreq())); }},
    {"perCpuFreq", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.cpuFreq()); }},
    {"loadavg", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.loadAvg()); }},
    // --- memory ---
    {"virtualMemory", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.virtualMemory()); }},
    {"swapMemory", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.swapMemory()); }},
    // --- disks ---
    {"diskIoCounters",
     [](const Backend& b, const SnapshotRequest& r) -> JsThunk {
       const std::vector<DiskIoCounters> disks = b.diskIoCounters(false);
       // psutil returns None on a diskless machine.
       if (disks.empty()) return [](Napi::Env env) -> Napi::Value { return env.Null(); };
       return [total = sumDiskIoCounters(disks)](Napi::Env env) -> Napi::Value {
         return diskIoToJs(env, total, false);
       };
     }},
    {"perDiskIoCounters",
     [](const Backend& b, const SnapshotRequest& r) { return perDiskToJs(b.diskIoCounters(true)); }},
    {"diskPartitions",
     [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.diskPartitions(false)); }},
    {"diskUsage", diskUsages},
    // --- network ---
    {"perNicIoCounters", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.netIoCounters()); }},
    {"netIfStats", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.netIfStats()); }},
    // --- sensors ---
    {"sensorsTemperatures",
     [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.sensorsTemperatures(false)); }},
    {"sensorsFans", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.sensorsFans()); }},
    {"sensorsBattery", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.sensorsBattery()); }},
    {"hwmonChips", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.hwmonChips()); }},
    {"powerSupplies", [](const Backend& b, const SnapshotRequest& r) { return deferToJs(b.powerSupplies()); }},
};

const TopicEntry* findTopic(std::string_view name) {
  for (const TopicEntry& topic : topicList()) {
    if (topic.name == name) return &topic;
  }
  return nullptr;
}

}  // namespace

TopicRegistrar::TopicRegistrar(std::initializer_list<TopicEntry> topics) {
  for (const TopicEntry& topic : topics) topicList().push_back(topic);
}

bool isSnapshotTopic(std::string_view name) { return findTopic(name) != nullptr; }

std::vector<std::string_view> snapshotTopics() {
  std::vector<std::string_view> names;
  for (const TopicEntry& topic : topicList()) names.push_back(topic.name);
  return names;
}

SnapshotResult takeSnapshot(const Backend& backend, const SnapshotRequest& request) {
  SnapshotResult result;
  for (const std::string& name : request.topics) {
    const TopicEntry* topic = findTopic(name);
    SnapshotEntry entry{name, Error(ErrorCode::InvalidArgument, "unknown topic '" + name + "'")};
    if (topic != nullptr) {
      try {
        entry.outcome = topic->read(backend, request);
      } catch (...) {
        entry.outcome = asError(std::current_exception());
      }
    }
    result.entries.push_back(std::move(entry));
  }
  return result;
}

Napi::Value toJs(Napi::Env env, const SnapshotResult& result) {
  Napi::Object object = Napi::Object::New(env);
  for (const SnapshotEntry& entry : result.entries) {
    if (const auto* thunk = std::get_if<JsThunk>(&entry.outcome)) {
      try {
        defineOwn(object, entry.topic, (*thunk)(env));
      } catch (const Napi::Error& e) {
        defineOwn(object, entry.topic, errorToJs(env, Error(ErrorCode::IoError, e.Message())));
      }
    } else {
      defineOwn(object, entry.topic, errorToJs(env, std::get<Error>(entry.outcome)));
    }
  }
  return object;
}

}  // namespace procyon

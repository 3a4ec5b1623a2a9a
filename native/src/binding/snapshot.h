#pragma once

// systemSnapshot: several topics read in ONE trip to the worker thread. Each
// topic is read independently; a failing topic yields {error} for itself
// only. Results are raw (no nowrap or rate state): callers compute rates.
//
// Adding a topic: a TopicRegistrar row in its area's binding file (the
// older areas' rows are in snapshot.cc), and its name and type merged into
// lib/snapshot.ts's SnapshotTopicValues from lib/<area>.ts (a test checks
// the two against describe().topics).

#include <napi.h>

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "backend.h"
#include "binding/to_js.h"
#include "common/error.h"

namespace procyon {

// A topic's result, converted to JS later on the JS thread.
using JsThunk = std::function<Napi::Value(Napi::Env)>;

struct SnapshotRequest {
  std::vector<std::string> topics;          // validated, deduplicated, in request order
  std::vector<std::string> diskUsagePaths;  // for the "diskUsage" topic
};

struct SnapshotEntry {
  std::string topic;
  std::variant<JsThunk, Error> outcome;
};

struct SnapshotResult {
  std::vector<SnapshotEntry> entries;
};

// One topic: its name and how the worker thread reads it.
struct TopicEntry {
  std::string_view name;
  JsThunk (*read)(const Backend& backend, const SnapshotRequest& request);
};

// Registers topics at load from the file that defines them (a static
// `const TopicRegistrar kTopics{{...}};`), in that order.
struct TopicRegistrar {
  TopicRegistrar(std::initializer_list<TopicEntry> topics);
};

// A value read on the worker thread, converted to JS later on the JS thread.
template <typename T>
JsThunk deferToJs(T value) {
  return [value = std::move(value)](Napi::Env env) -> Napi::Value { return toJs(env, value); };
}

bool isSnapshotTopic(std::string_view name);
std::vector<std::string_view> snapshotTopics();

// Worker thread: never throws for a topic's failure.
SnapshotResult takeSnapshot(const Backend& backend, const SnapshotRequest& request);

// {topic: value | {error: {code, message, path?}}}
Napi::Value toJs(Napi::Env env, const SnapshotResult& result);

}  // namespace procyon

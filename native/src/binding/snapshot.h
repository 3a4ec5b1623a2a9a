#pragma once

// systemSnapshot: several topics read in ONE trip to the worker thread. Each
// topic is read independently; a failing topic yields {error} for itself
// only. Results are raw (no nowrap or rate state): callers compute rates.
//
// Adding a topic: one row in kTopics (snapshot.cc), in its area's block, and
// its name and type in lib/snapshot.ts's SnapshotTopicValues (a test checks
// the two against describe().topics).

#include <napi.h>

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "backend.h"
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

bool isSnapshotTopic(std::string_view name);
std::vector<std::string_view> snapshotTopics();

// Worker thread: never throws for a topic's failure.
SnapshotResult takeSnapshot(const Backend& backend, const SnapshotRequest& request);

// {topic: value | {error: {code, message, path?}}}
Napi::Value toJs(Napi::Env env, const SnapshotResult& result);

}  // namespace procyon

// Exports of the process API. Like every export: one options object in, a
// Promise out, the work on libuv's pool.
//
//   processRead({procfs, pid, sections, kind?})         → snapshot (sections: ProcessSectionBit mask)
//   processAction({procfs, pid, createTime?, action, …}) → undefined
//   processTable({procfs, fields, cmdlineBytes})        → {timestamp, count, nums, strs, args} (columns)
//   processTable({procfs, fields, reader})              → the same, only rows changed since reader's last read, + gone
//   processTableCacheClear()                            → undefined
//   processTableReader()                                → handle (External) for processTable's `reader`
//   processTableReaderReset(handle)                     → undefined (the next read is whole)
//   processWatchChild({procfs, pid, createTime})        → handle (External), or null: not a child of this process
//   processWatchPoll(handle)                            → null while running, else {returncode: number | null}
//   processWatchClose(handle)                           → undefined (closes its pidfd now, not at GC)
//   (the three watch calls are synchronous: see linux/process_wait.cc for why)

#include "binding/registry.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "binding/addon_data.h"
#include "binding/args_values.h"
#include "common/process_table_diff.h"
#include "binding/args.h"
#include "binding/to_js_process.h"
#include "binding/native_call.h"

namespace procyon {
namespace {

double numberOption(Napi::Object options, const char* name) {
  const Napi::Value value = options.Get(name);
  if (!value.IsNumber()) throw Error::invalidArgument(std::string(name) + " must be a number");
  const double number = value.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(number)) throw Error::invalidArgument(std::string(name) + " must be finite");
  return number;
}

int64_t integerOption(Napi::Object options, const char* name, double min, double max) {
  const double number = numberOption(options, name);
  if (std::trunc(number) != number || number < min || number > max) {
    throw Error::invalidArgument(std::string(name) + " must be an integer in [" + std::to_string(static_cast<int64_t>(min)) +
                                 ", " + std::to_string(static_cast<int64_t>(max)) + "]");
  }
  return static_cast<int64_t>(number);
}

int64_t pidOption(Napi::Object options) { return integerOption(options, "pid", 0, 4194304.0 * 1024); }

Napi::Value processRead(const Napi::CallbackInfo& info) {
  return runAsync<ProcessSnapshot>(info, "procyon.processRead", [&] {
    const Napi::Object options = optionsArgument(info);
    ProcessQuery query;
    query.pid = pidOption(options);
    query.sections = static_cast<uint32_t>(integerOption(options, "sections", 0, 0xffffffff));
    const Napi::Value kind = options.Get("kind");
    if (!kind.IsUndefined()) {
      if (!kind.IsString()) throw Error::invalidArgument("kind must be a string");
      query.connectionKind = kind.As<Napi::String>().Utf8Value();
    }
    return [backend = backendFor(info.Env(), options), query] { return backend->readProcess(query); };
  });
}

Napi::Value processAction(const Napi::CallbackInfo& info) {
  return runAsync<ActionDone>(info, "procyon.processAction", [&] {
    const Napi::Object options = optionsArgument(info);
    ProcessAction action;
    action.pid = pidOption(options);
    if (!options.Get("createTime").IsUndefined()) action.createTime = numberOption(options, "createTime");
    const Napi::Value kind = options.Get("action");
    if (!kind.IsString()) throw Error::invalidArgument("action must be a string");
    const std::string name = kind.As<Napi::String>().Utf8Value();
    if (name == "signal") {
      action.kind = ProcessAction::Kind::Signal;
      action.signal = static_cast<int>(integerOption(options, "signal", 0, 64));
    } else if (name == "nice") {
      action.kind = ProcessAction::Kind::Nice;
      // A nice value (-20..19), or a Windows priority class (up to ABOVE_NORMAL_PRIORITY_CLASS, 0x8000): the backend checks which.
      action.value = integerOption(options, "value", -20, 0x8000);
    } else if (name == "suspend" || name == "resume") {
      action.kind = name == "suspend" ? ProcessAction::Kind::Suspend : ProcessAction::Kind::Resume;
    } else if (name == "ionice") {
      action.kind = ProcessAction::Kind::Ionice;
      action.ioclass = static_cast<int>(integerOption(options, "ioclass", 0, 3));
      action.value = integerOption(options, "value", 0, 7);
    } else if (name == "rlimit") {
      action.kind = ProcessAction::Kind::Rlimit;
      action.resource = static_cast<int>(integerOption(options, "resource", 0, 15));
      action.soft = static_cast<double>(integerOption(options, "soft", -1, 9007199254740991.0));
      action.hard = static_cast<double>(integerOption(options, "hard", -1, 9007199254740991.0));
    } else if (name == "cpuAffinity") {
      action.kind = ProcessAction::Kind::CpuAffinity;
      const Napi::Value cpus = options.Get("cpus");
      if (!cpus.IsArray()) throw Error::invalidArgument("cpus must be an array");
      const Napi::Array array = cpus.As<Napi::Array>();
      for (uint32_t i = 0; i < array.Length(); ++i) {
        const Napi::Value cpu = array.Get(i);
        if (!cpu.IsNumber()) throw Error::invalidArgument("cpus must hold numbers");
        action.cpus.push_back(cpu.As<Napi::Number>().Int64Value());
      }
    } else if (name == "checkIdentity") {
      action.kind = ProcessAction::Kind::CheckIdentity;
    } else {
      throw Error::invalidArgument("unknown action '" + name + "'");
    }
    // Read here, on the JS thread, where process.env is written; never on the pool.
    if (const char* gate = std::getenv("PROCYON_TEST_ACTION_GATE")) action.testGate = gate;
    return [backend = backendFor(info.Env(), options), action] {
      backend->processAction(action);
      return ActionDone{};
    };
  });
}

// Marks the externals processTableReader() makes, so that no other value can pass for one.
constexpr napi_type_tag kReaderTag = {0x70726f63796f6e2eULL, 0x7461626c65646966ULL};
using ReaderState = std::shared_ptr<ProcessTableDiffState>;

// The reader state behind a handle, or null for any other value.
const ReaderState* readerOf(const Napi::Value& handle) {
  if (!handle.IsExternal() || !handle.As<Napi::External<ReaderState>>().CheckTypeTag(&kReaderTag)) return nullptr;
  return handle.As<Napi::External<ReaderState>>().Data();
}

Napi::Value processTable(const Napi::CallbackInfo& info) {
  return runAsync<ProcessTable>(info, "procyon.processTable", [&] {
    const Napi::Object options = optionsArgument(info);
    const auto fields = static_cast<uint32_t>(integerOption(options, "fields", 0, 0xffffffff));
    // What a row's cmdline may cost JSON-encoded (common/json_budget.h); the TS side names the default.
    const auto cmdlineBudget = static_cast<size_t>(integerOption(options, "cmdlineBytes", 64, 64 * 1024 * 1024));
    ReaderState reader;
    const Napi::Value handle = options.Get("reader");
    if (!handle.IsUndefined()) {
      const ReaderState* state = readerOf(handle);
      if (!state) throw Error::invalidArgument("reader must be a handle from processTableReader()");
      reader = *state;
    }
    return [backend = backendFor(info.Env(), options), fields, cmdlineBudget, reader] {
      if (!reader) return backend->processTable(fields, cmdlineBudget);
      // The scan and the diff under one lock: two reads of one reader cannot interleave.
      std::lock_guard<std::mutex> lock(reader->mutex);
      ProcessTable table = backend->processTable(fields, cmdlineBudget);
      diffTable(*reader, table);
      return table;
    };
  });
}

// A change-list reader's state; freed when the JS handle is collected (a read
// in flight keeps its own reference).
Napi::Value processTableReader(const Napi::CallbackInfo& info) {
  auto external = Napi::External<ReaderState>::New(info.Env(), new ReaderState(std::make_shared<ProcessTableDiffState>()),
                                                   [](Napi::Env, ReaderState* state) { delete state; });
  external.TypeTag(&kReaderTag);
  return external;
}

// The reader's next read hands back the whole table (waits for a read in flight).
Napi::Value processTableReaderReset(const Napi::CallbackInfo& info) {
  return runInline(info, [&]() -> Napi::Value {
    const ReaderState* reader = readerOf(info[0]);
    if (!reader) throw Error::invalidArgument("reader must be a handle from processTableReader()");
    ProcessTableDiffState& state = **reader;
    std::lock_guard<std::mutex> lock(state.mutex);
    state.reset();
    return info.Env().Undefined();
  });
}

// Synchronous: it only closes descriptors and frees the caches (waiting for a scan in flight).
Napi::Value processTableCacheClear(const Napi::CallbackInfo& info) {
  backendsOf(info.Env()).forEach([](const Backend& backend) { backend.processTableCacheClear(); });
  return info.Env().Undefined();
}

// Marks the externals processWatchChild() makes.
constexpr napi_type_tag kWatchTag = {0x70726f63796f6e2eULL, 0x6368696c64657869ULL};
using WatchSlot = std::unique_ptr<ChildExitWatch>;

WatchSlot* watchOf(const Napi::Value& handle) {
  if (!handle.IsExternal() || !handle.As<Napi::External<WatchSlot>>().CheckTypeTag(&kWatchTag)) return nullptr;
  return handle.As<Napi::External<WatchSlot>>().Data();
}

Napi::Value processWatchChild(const Napi::CallbackInfo& info) {
  return runInline(info, [&]() -> Napi::Value {
    const Napi::Object options = optionsArgument(info);
    const int64_t pid = pidOption(options);
    const double createTime = numberOption(options, "createTime");
    WatchSlot watch = backendFor(info.Env(), options)->watchChildExit(pid, createTime);
    if (!watch) return info.Env().Null();
    auto external = Napi::External<WatchSlot>::New(info.Env(), new WatchSlot(std::move(watch)),
                                                   [](Napi::Env, WatchSlot* slot) { delete slot; });
    external.TypeTag(&kWatchTag);
    return external;
  });
}

Napi::Value processWatchPoll(const Napi::CallbackInfo& info) {
  return runInline(info, [&]() -> Napi::Value {
    WatchSlot* slot = watchOf(info[0]);
    if (!slot) throw Error::invalidArgument("watch must be a handle from processWatchChild()");
    if (!*slot) throw Error::invalidArgument("the watch was closed");
    const ChildExit exit = (*slot)->poll();
    if (!exit.exited) return info.Env().Null();
    Napi::Object result = Napi::Object::New(info.Env());
    result.Set("returncode", exit.returncode ? Napi::Value(Napi::Number::New(info.Env(), *exit.returncode)) : info.Env().Null());
    return result;
  });
}

Napi::Value processWatchClose(const Napi::CallbackInfo& info) {
  return runInline(info, [&]() -> Napi::Value {
    WatchSlot* slot = watchOf(info[0]);
    if (!slot) throw Error::invalidArgument("watch must be a handle from processWatchChild()");
    slot->reset();
    return info.Env().Undefined();
  });
}

Napi::Value pids(const Napi::CallbackInfo& info) {
  return runAsync<PidList>(info, "procyon.pids", [&] {
    return [backend = backendFor(info.Env(), optionsArgument(info))] {
      return backend->pids();
    };
  });
}

Napi::Value pidExists(const Napi::CallbackInfo& info) {
  return runAsync<PidPresence>(info, "procyon.pidExists", [&] {
    const Napi::Object options = optionsArgument(info);
    const int64_t pid = procyon::integerOption(options, "pid");  // any integer: psutil answers False for a negative one
    return [backend = backendFor(info.Env(), options), pid] {
      return backend->pidExists(pid);
    };
  });
}

// pids and pidExists answer for the system area too (psutil's pids(), pid_exists()).
const ExportRegistrar kExports{
    {
        {"pids", pids},
        {"pidExists", pidExists},
        {"processTable", processTable},
        {"processRead", processRead, kInternal},
        {"processAction", processAction, kInternal},
        {"processTableCacheClear", processTableCacheClear, kInternal},
        {"processTableReader", processTableReader, kInternal},
        {"processTableReaderReset", processTableReaderReset, kInternal},
        {"processWatchChild", processWatchChild, kInternal},
        {"processWatchPoll", processWatchPoll, kInternal},
        {"processWatchClose", processWatchClose, kInternal},
    },
    // lib/'s Process, processIter and waitProcs are built on processRead; the
    // Process methods a platform may lack on its own are reported apart.
    {"Process", "processIter", "waitProcs", "Process.ionice", "Process.rlimit", "Process.cpuAffinity"}};

}  // namespace

}  // namespace procyon

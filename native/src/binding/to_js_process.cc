#include "binding/to_js_process.h"
#include "binding/to_js_net.h"
#include "binding/to_js_record.h"

#include "binding/js_error.h"

#include <cstring>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "binding/process_table_columns.h"

namespace procyon {
namespace {

Napi::Value num(Napi::Env env, int64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

// Records declared with PROCYON_RECORD, and the plain values (strings, numbers,
// lists, null for an absent optional), convert generically.
template <typename T>
Napi::Value value(Napi::Env env, const T& plain) {
  return fieldToJs(env, plain);
}

// The shapes below are not a record's flat field list, so they are written here.

// environ: an object keyed by variable name, in file order.
Napi::Value value(Napi::Env env, const std::vector<std::pair<std::string, std::string>>& environ) {
  return keyedToJs(env, environ);
}

// rlimits: { [resource]: [soft, hard] }, psutil's tuple under a numeric key.
Napi::Value value(Napi::Env env, const std::vector<RlimitValue>& limits) {
  Napi::Object o = Napi::Object::New(env);
  for (const RlimitValue& l : limits) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, l.soft);
    pair.Set(1u, l.hard);
    o.Set(static_cast<uint32_t>(l.resource), pair);
  }
  return o;
}

// connections: psutil's pconn, the system rows without their pid.
Napi::Value value(Napi::Env env, const std::vector<NetConnection>& connections) {
  Napi::Array array = Napi::Array::New(env, connections.size());
  for (uint32_t i = 0; i < connections.size(); ++i) array.Set(i, connectionToJs(env, connections[i], false));
  return array;
}

// A section whose record is the platform's (common/records_process.h): whichever the backend filled.
template <typename... Ts>
Napi::Value value(Napi::Env env, const std::variant<Ts...>& either) {
  return std::visit([&](const auto& v) { return value(env, v); }, either);
}

template <typename T>
void setSection(Napi::Env env, Napi::Object& o, const char* name, const Section<T>& section) {
  if (!section) return;
  if (section->index() == 0) {
    o.Set(name, value(env, std::get<0>(*section)));
  } else {
    // A per-section failure travels as an Error object; lib/process.ts throws it through fromNative.
    o.Set(name, toJsError(env, std::get<1>(*section)).Value());
  }
}

}  // namespace

Napi::Value toJs(Napi::Env env, const ActionDone&) { return env.Undefined(); }

Napi::Value toJs(Napi::Env env, const ProcessSnapshot& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("pid", num(env, s.pid));
  setSection(env, o, "basic", s.basic);
  setSection(env, o, "ids", s.ids);
  setSection(env, o, "memoryInfo", s.memoryInfo);
  setSection(env, o, "ioCounters", s.ioCounters);
  setSection(env, o, "cmdline", s.cmdline);
  setSection(env, o, "environ", s.environ);
  setSection(env, o, "exe", s.exe);
  setSection(env, o, "cwd", s.cwd);
  setSection(env, o, "memoryFull", s.memoryFull);
  setSection(env, o, "memoryMaps", s.memoryMaps);
  setSection(env, o, "numFds", s.numFds);
  setSection(env, o, "threads", s.threads);
  setSection(env, o, "openFiles", s.openFiles);
  setSection(env, o, "ionice", s.ionice);
  setSection(env, o, "cpuAffinity", s.cpuAffinity);
  setSection(env, o, "rlimits", s.rlimits);
  setSection(env, o, "connections", s.connections);
  setSection(env, o, "terminal", s.terminal);
  setSection(env, o, "username", s.username);
  return o;
}

// The table crosses to JS in columns, not as one object per row, and with no
// N-API call per row: setting a property or an array element through N-API
// costs far more than V8 building the same value in JS, and every call is on
// the JS thread. native/lib/process_table.ts (its Col/Str enums are checked against
// describe().layouts by test/describe.test.ts)
// builds the row objects from
//   text: every distinct string of the table once, '\0'-separated (split once
//         in JS; no string here can hold a NUL: comm, paths, user names and
//         cmdline arguments are all NUL-terminated in the kernel),
//   nums: Float64Array, kTableNumbers per row (below; NaN for "no value"),
//   strs: Int32Array, kTableStrings per row: name, username, status, terminal,
//         exe as indices into text's parts (-1: null),
//   args: Int32Array, every row's cmdline (indices into text's parts), row r's
//         from nums[argStart] to nums[argEnd].
namespace {

// Distinct strings, numbered in first-seen order and joined into one buffer.
class StringTable {
 public:
  explicit StringTable(size_t rows) {
    index_.reserve(rows);
    text_.reserve(rows * 16);
  }
  int32_t operator()(std::string_view s) {
    auto [it, inserted] = index_.try_emplace(s, 0);
    if (inserted) {
      if (next_ > 0) text_.push_back('\0');
      text_.append(s);
      it->second = next_++;
    }
    return it->second;
  }
  const std::string& text() const { return text_; }

 private:
  std::unordered_map<std::string_view, int32_t> index_;  // views into the table's rows, which outlive this
  std::string text_;
  int32_t next_ = 0;
};

Napi::Int32Array int32Array(Napi::Env env, const std::vector<int32_t>& values) {
  Napi::Int32Array array = Napi::Int32Array::New(env, values.size());
  if (!values.empty()) std::memcpy(array.Data(), values.data(), values.size() * sizeof(int32_t));
  return array;
}

}  // namespace

Napi::Value toJs(Napi::Env env, const ProcessTable& table) {
  const size_t count = table.rows.size();
  const uint32_t f = table.fields;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Napi::Float64Array nums = Napi::Float64Array::New(env, count * kTableNumbers);
  std::vector<int32_t> strIndex(count * kTableStrings, -1);
  std::vector<int32_t> argIndex;
  argIndex.reserve(count * 2);
  StringTable str(count);
  double* out = nums.Data();
  for (size_t i = 0; i < count; ++i) {
    const ProcessTableRow& r = table.rows[i];
    double* n = out + i * kTableNumbers;
    n[kColPid] = static_cast<double>(r.pid);
    n[kColCreateTime] = r.createTime;
    n[kColPpid] = static_cast<double>(r.ppid);
    n[kColCpuTimes] = r.cpuTimes;
    n[kColRss] = r.rss;
    n[kColVms] = r.vms;
    n[kColNumThreads] = static_cast<double>(r.numThreads);
    n[kColNice] = static_cast<double>(r.nice);
    n[kColReadBytes] = r.hasIo ? r.readBytes : nan;
    n[kColWriteBytes] = r.hasIo ? r.writeBytes : nan;
    n[kColCpuNum] = static_cast<double>(r.cpuNum);
    n[kColArgStart] = static_cast<double>(argIndex.size());
    if ((f & kTblCmdline) && r.cmdline) {
      for (const std::string& a : *r.cmdline) argIndex.push_back(str(a));
    }
    n[kColArgEnd] = static_cast<double>(argIndex.size());
    n[kColNumFds] = r.numFds ? static_cast<double>(*r.numFds) : nan;
    const bool ctx = r.voluntaryCtxSwitches && r.involuntaryCtxSwitches;
    n[kColVoluntaryCtx] = ctx ? static_cast<double>(*r.voluntaryCtxSwitches) : nan;
    n[kColInvoluntaryCtx] = ctx ? static_cast<double>(*r.involuntaryCtxSwitches) : nan;
    n[kColUss] = r.uss ? *r.uss : nan;
    n[kColCmdlineBytes] = (f & kTblCmdline) && r.cmdlineBytes >= 0 ? static_cast<double>(r.cmdlineBytes) : nan;
    int32_t* s = strIndex.data() + i * kTableStrings;
    if (f & kTblName) s[kStrName] = str(r.name);
    if ((f & kTblUsername) && !r.username.empty()) s[kStrUsername] = str(r.username);
    if (f & kTblStatus) s[kStrStatus] = str(r.status);
    if ((f & kTblTerminal) && r.terminal) s[kStrTerminal] = str(*r.terminal);
    if (f & kTblExe) s[kStrExe] = str(r.exe);
  }
  Napi::String text = Napi::String::New(env, str.text());
  Napi::Int32Array strs = int32Array(env, strIndex);
  Napi::Int32Array args = int32Array(env, argIndex);
  Napi::Object result = Napi::Object::New(env);
  result.Set("timestamp", table.timestamp);
  result.Set("cpuTimesUntil", table.cpuTimesUntil);
  result.Set("count", static_cast<double>(count));
  result.Set("text", text);
  result.Set("nums", nums);
  result.Set("strs", strs);
  result.Set("args", args);
  if (table.changesOnly || !table.gone.empty()) {
    // A change-list read: the processes gone since the reader's previous read, as (pid, createTime) pairs.
    Napi::Float64Array gone = Napi::Float64Array::New(env, table.gone.size() * 2);
    for (size_t i = 0; i < table.gone.size(); ++i) {
      gone[i * 2] = static_cast<double>(table.gone[i].first);
      gone[i * 2 + 1] = table.gone[i].second;
    }
    result.Set("gone", gone);
  }
  result.Set("changesOnly", table.changesOnly);
  result.Set("total", static_cast<double>(table.changesOnly ? table.total : count));
  return result;
}

Napi::Value toJs(Napi::Env env, const PidList& pids) {
  Napi::Array array = Napi::Array::New(env, pids.pids.size());
  for (uint32_t i = 0; i < pids.pids.size(); ++i) array.Set(i, static_cast<double>(pids.pids[i]));
  return array;
}

Napi::Value toJs(Napi::Env env, const PidPresence& presence) { return Napi::Boolean::New(env, presence.exists); }

}  // namespace procyon

#include "js_records_process.h"

#include "common/js_error.h"

namespace procyon {
namespace {

Napi::Value num(Napi::Env env, double v) { return Napi::Number::New(env, v); }
Napi::Value num(Napi::Env env, int64_t v) { return Napi::Number::New(env, static_cast<double>(v)); }

Napi::Value strings(Napi::Env env, const std::vector<std::string>& list) {
  Napi::Array array = Napi::Array::New(env, list.size());
  for (uint32_t i = 0; i < list.size(); ++i) array.Set(i, list[i]);
  return array;
}

Napi::Value ints(Napi::Env env, const std::vector<int64_t>& list) {
  Napi::Array array = Napi::Array::New(env, list.size());
  for (uint32_t i = 0; i < list.size(); ++i) array.Set(i, num(env, list[i]));
  return array;
}

Napi::Value value(Napi::Env env, const ProcessStatInfo& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("name", s.name);
  o.Set("status", s.status);
  o.Set("ppid", num(env, s.ppid));
  o.Set("ttyNr", num(env, s.ttyNr));
  o.Set("createTime", s.createTime);
  Napi::Object t = Napi::Object::New(env);
  t.Set("user", s.cpuTimes.user);
  t.Set("system", s.cpuTimes.system);
  t.Set("childrenUser", s.cpuTimes.childrenUser);
  t.Set("childrenSystem", s.cpuTimes.childrenSystem);
  t.Set("iowait", s.cpuTimes.iowait);
  o.Set("cpuTimes", t);
  o.Set("nice", num(env, s.nice));
  o.Set("numThreads", num(env, s.numThreads));
  o.Set("cpuNum", num(env, s.cpuNum));
  return o;
}

Napi::Value value(Napi::Env env, const ProcessStatusInfo& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("uids", ints(env, s.uids));
  o.Set("gids", ints(env, s.gids));
  o.Set("numThreads", s.numThreads ? num(env, *s.numThreads) : env.Null());
  o.Set("voluntary", s.voluntary ? num(env, static_cast<double>(*s.voluntary)) : env.Null());
  o.Set("involuntary", s.involuntary ? num(env, static_cast<double>(*s.involuntary)) : env.Null());
  return o;
}

Napi::Value value(Napi::Env env, const ProcessMemoryInfo& m) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("rss", m.rss);
  o.Set("vms", m.vms);
  o.Set("shared", m.shared);
  o.Set("text", m.text);
  o.Set("lib", m.lib);
  o.Set("data", m.data);
  o.Set("dirty", m.dirty);
  return o;
}

Napi::Value value(Napi::Env env, const ProcessIoCounters& io) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("readCount", io.readCount);
  o.Set("writeCount", io.writeCount);
  o.Set("readBytes", io.readBytes);
  o.Set("writeBytes", io.writeBytes);
  o.Set("readChars", io.readChars);
  o.Set("writeChars", io.writeChars);
  return o;
}

Napi::Value value(Napi::Env env, const std::vector<std::string>& list) { return strings(env, list); }
Napi::Value value(Napi::Env env, const std::vector<int64_t>& list) { return ints(env, list); }
Napi::Value value(Napi::Env env, const std::string& s) { return Napi::String::New(env, s); }
Napi::Value value(Napi::Env env, const int64_t& n) { return num(env, n); }
Napi::Value value(Napi::Env env, const std::optional<std::string>& s) {
  return s ? Napi::String::New(env, *s) : env.Null();
}

Napi::Value value(Napi::Env env, const std::vector<std::pair<std::string, std::string>>& environ) {
  // Entries in file order; a repeated key keeps its last value, as a Python dict.
  Napi::Object o = Napi::Object::New(env);
  for (const auto& [key, val] : environ) o.Set(key, val);
  return o;
}

Napi::Value value(Napi::Env env, const SmapsTotals& s) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("uss", s.uss);
  o.Set("pss", s.pss);
  o.Set("swap", s.swap);
  return o;
}

Napi::Value value(Napi::Env env, const std::vector<MemoryMap>& maps) {
  Napi::Array array = Napi::Array::New(env, maps.size());
  for (uint32_t i = 0; i < maps.size(); ++i) {
    const MemoryMap& m = maps[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("addr", m.addr);
    o.Set("perms", m.perms);
    o.Set("path", m.path);
    o.Set("rss", m.rss);
    o.Set("size", m.size);
    o.Set("pss", m.pss);
    o.Set("sharedClean", m.sharedClean);
    o.Set("sharedDirty", m.sharedDirty);
    o.Set("privateClean", m.privateClean);
    o.Set("privateDirty", m.privateDirty);
    o.Set("referenced", m.referenced);
    o.Set("anonymous", m.anonymous);
    o.Set("swap", m.swap);
    array.Set(i, o);
  }
  return array;
}

Napi::Value value(Napi::Env env, const std::vector<ProcessThread>& threads) {
  Napi::Array array = Napi::Array::New(env, threads.size());
  for (uint32_t i = 0; i < threads.size(); ++i) {
    Napi::Object o = Napi::Object::New(env);
    o.Set("id", num(env, threads[i].id));
    o.Set("userTime", threads[i].userTime);
    o.Set("systemTime", threads[i].systemTime);
    array.Set(i, o);
  }
  return array;
}

Napi::Value value(Napi::Env env, const std::vector<ProcessOpenFile>& files) {
  Napi::Array array = Napi::Array::New(env, files.size());
  for (uint32_t i = 0; i < files.size(); ++i) {
    const ProcessOpenFile& f = files[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("path", f.path);
    o.Set("fd", num(env, f.fd));
    o.Set("position", f.position);
    o.Set("mode", f.mode);
    o.Set("flags", num(env, f.flags));
    array.Set(i, o);
  }
  return array;
}

Napi::Value value(Napi::Env env, const IoniceValue& v) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("ioclass", v.ioclass);
  o.Set("value", v.value);
  return o;
}

Napi::Value value(Napi::Env env, const std::vector<RlimitValue>& limits) {
  // { [resource]: [soft, hard] }
  Napi::Object o = Napi::Object::New(env);
  for (const RlimitValue& l : limits) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, l.soft);
    pair.Set(1u, l.hard);
    o.Set(static_cast<uint32_t>(l.resource), pair);
  }
  return o;
}

Napi::Value address(Napi::Env env, bool present, const std::string& ip, uint32_t port) {
  if (!present) return env.Null();
  Napi::Object o = Napi::Object::New(env);
  o.Set("ip", ip);
  o.Set("port", port);
  return o;
}

Napi::Value value(Napi::Env env, const std::vector<ProcessConnection>& connections) {
  Napi::Array array = Napi::Array::New(env, connections.size());
  for (uint32_t i = 0; i < connections.size(); ++i) {
    const ProcessConnection& c = connections[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("fd", num(env, c.fd));
    o.Set("family", c.family);
    o.Set("type", c.type);
    if (c.unix) {
      o.Set("laddr", c.laddrIp);
      o.Set("raddr", "");
    } else {
      o.Set("laddr", address(env, c.hasLaddr, c.laddrIp, c.laddrPort));
      o.Set("raddr", address(env, c.hasRaddr, c.raddrIp, c.raddrPort));
    }
    o.Set("status", c.status);
    array.Set(i, o);
  }
  return array;
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
  setSection(env, o, "stat", s.stat);
  setSection(env, o, "status", s.status);
  setSection(env, o, "statm", s.statm);
  setSection(env, o, "io", s.io);
  setSection(env, o, "cmdline", s.cmdline);
  setSection(env, o, "environ", s.environ);
  setSection(env, o, "exe", s.exe);
  setSection(env, o, "cwd", s.cwd);
  setSection(env, o, "smaps", s.smaps);
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

Napi::Value toJs(Napi::Env env, const ProcessTable& table) {
  Napi::Object result = Napi::Object::New(env);
  result.Set("timestamp", table.timestamp);
  const uint32_t f = table.fields;
  Napi::Array rows = Napi::Array::New(env, table.rows.size());
  for (uint32_t i = 0; i < table.rows.size(); ++i) {
    const ProcessTableRow& r = table.rows[i];
    Napi::Object o = Napi::Object::New(env);
    o.Set("pid", num(env, r.pid));
    // createTime is always there: a row's identity is (pid, createTime).
    o.Set("createTime", r.createTime);
    if (f & kTblPpid) o.Set("ppid", num(env, r.ppid));
    if (f & kTblName) o.Set("name", r.name);
    if (f & kTblUsername) o.Set("username", r.username.empty() ? env.Null() : Napi::String::New(env, r.username));
    if (f & kTblStatus) o.Set("status", r.status);
    if (f & kTblCpuTimes) o.Set("cpuTimes", r.cpuTimes);
    if (f & kTblMemory) {
      o.Set("rss", r.rss);
      o.Set("vms", r.vms);
    }
    if (f & kTblNumThreads) o.Set("numThreads", num(env, r.numThreads));
    if (f & kTblNice) o.Set("nice", num(env, r.nice));
    if (f & kTblCmdline) o.Set("cmdline", strings(env, r.cmdline));
    if (f & kTblIo) {
      o.Set("readBytes", r.hasIo ? Napi::Number::New(env, r.readBytes) : env.Null());
      o.Set("writeBytes", r.hasIo ? Napi::Number::New(env, r.writeBytes) : env.Null());
    }
    if (f & kTblTerminal) o.Set("terminal", r.terminal ? Napi::String::New(env, *r.terminal) : env.Null());
    if (f & kTblCpuNum) o.Set("cpuNum", num(env, r.cpuNum));
    if (f & kTblExe) o.Set("exe", r.exe);
    if (f & kTblNumFds) o.Set("numFds", r.numFds ? num(env, *r.numFds) : env.Null());
    if (f & kTblNumCtxSwitches) {
      if (r.voluntaryCtxSwitches && r.involuntaryCtxSwitches) {
        Napi::Object ctx = Napi::Object::New(env);
        ctx.Set("voluntary", static_cast<double>(*r.voluntaryCtxSwitches));
        ctx.Set("involuntary", static_cast<double>(*r.involuntaryCtxSwitches));
        o.Set("numCtxSwitches", ctx);
      } else {
        o.Set("numCtxSwitches", env.Null());
      }
    }
    if (f & kTblUss) o.Set("uss", r.uss ? Napi::Number::New(env, *r.uss) : env.Null());
    rows.Set(i, o);
  }
  result.Set("rows", rows);
  return result;
}

}  // namespace procyon

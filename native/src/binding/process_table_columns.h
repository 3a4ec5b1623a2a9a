#pragma once

// processTable's packed columns (see toJs(ProcessTable) in
// to_js_process.cc): X(enumerator, name as lib/process_table.ts's
// Col / Str member). Declared once here; describe().layouts carries the
// order so a test checks the TS const enums against it.

#include <cstdint>

#define PROCYON_TABLE_NUMBERS(X)                                                                              \
  X(kColPid, Pid) X(kColCreateTime, CreateTime) X(kColPpid, Ppid) X(kColCpuTimes, CpuTimes) X(kColRss, Rss) \
  X(kColVms, Vms) X(kColNumThreads, NumThreads) X(kColNice, Nice) X(kColReadBytes, ReadBytes)               \
  X(kColWriteBytes, WriteBytes) X(kColCpuNum, CpuNum) X(kColArgStart, ArgStart) X(kColArgEnd, ArgEnd)       \
  X(kColNumFds, NumFds) X(kColVoluntaryCtx, VoluntaryCtx) X(kColInvoluntaryCtx, InvoluntaryCtx)             \
  X(kColUss, Uss) X(kColCmdlineBytes, CmdlineBytes)

#define PROCYON_TABLE_STRINGS(X) \
  X(kStrName, Name) X(kStrUsername, Username) X(kStrStatus, Status) X(kStrTerminal, Terminal) X(kStrExe, Exe)

namespace procyon {

#define PROCYON_COLUMN_ENUM(id, name) id,
enum TableNumber : uint32_t { PROCYON_TABLE_NUMBERS(PROCYON_COLUMN_ENUM) kTableNumbers };
enum TableString : uint32_t { PROCYON_TABLE_STRINGS(PROCYON_COLUMN_ENUM) kTableStrings };
#undef PROCYON_COLUMN_ENUM

}  // namespace procyon

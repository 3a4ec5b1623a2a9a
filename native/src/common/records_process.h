#pragma once

// Records of the process API (psutil.Process on Linux). Parsers fill the raw
// per-file structs; the backend assembles them into what lib/process.ts needs.
// Kept apart from records.h so the process work merges without conflicts.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/error.h"
#include "common/record.h"
#include "common/records_net.h"

namespace procyon {

// /proc/[pid]/stat, the fields psutil uses (clock ticks / pages as the kernel prints them).
struct ProcStat {
  int64_t pid = 0;
  std::string comm;  // between the first '(' and the LAST ')'
  char state = '?';
  int64_t ppid = 0;
  int64_t pgrp = 0;
  int64_t session = 0;
  int64_t ttyNr = 0;
  int64_t tpgid = 0;
  uint64_t minflt = 0;
  uint64_t majflt = 0;
  uint64_t utime = 0;
  uint64_t stime = 0;
  int64_t cutime = 0;
  int64_t cstime = 0;
  int64_t priority = 0;
  int64_t nice = 0;
  int64_t numThreads = 0;
  uint64_t starttime = 0;
  uint64_t vsize = 0;
  int64_t rss = 0;  // pages
  int64_t processor = -1;
  uint64_t rtPriority = 0;
  uint64_t policy = 0;
  uint64_t delayacctBlkioTicks = 0;
  std::optional<int64_t> exitCode;  // field 52 (Linux 3.5+)
};

// /proc/[pid]/status, the lines psutil uses.
struct ProcStatus {
  std::string name;
  char state = '?';
  int64_t tgid = 0;
  int64_t ppid = 0;
  // real, effective, saved, filesystem
  std::optional<std::vector<int64_t>> uids;
  std::optional<std::vector<int64_t>> gids;
  std::optional<int64_t> threads;
  std::optional<uint64_t> voluntaryCtxtSwitches;
  std::optional<uint64_t> nonvoluntaryCtxtSwitches;
  std::string cpusAllowedList;
};

// /proc/[pid]/statm, in pages.
struct ProcStatm {
  uint64_t size = 0, resident = 0, shared = 0, text = 0, lib = 0, data = 0, dirty = 0;
};

// /proc/[pid]/io.
struct ProcIo {
  uint64_t rchar = 0, wchar = 0, syscr = 0, syscw = 0, readBytes = 0, writeBytes = 0;
};

// The memoryFull group (memory_full_info's own fields) from smaps_rollup or
// summed smaps: bytes.
#define PROCYON_PROCESS_MEMORY_FULL_GROUP_FIELDS(X) X(double, uss, 0) X(double, pss, 0) X(double, swap, 0)
PROCYON_RECORD(ProcessMemoryFullGroup, PROCYON_PROCESS_MEMORY_FULL_GROUP_FIELDS)
#undef PROCYON_PROCESS_MEMORY_FULL_GROUP_FIELDS

// One /proc/[pid]/smaps block (psutil.Process.memory_maps(grouped=False));
// bytes. lib/process_types.ts's ProcessMemoryMapExt.
#define PROCYON_MEMORY_MAP_FIELDS(X)                                                                        \
  X(std::string, addr, {}) X(std::string, perms, {}) X(std::string, path, {}) X(double, rss, 0)            \
  X(double, size, 0) X(double, pss, 0) X(double, sharedClean, 0) X(double, sharedDirty, 0)                 \
  X(double, privateClean, 0) X(double, privateDirty, 0) X(double, referenced, 0) X(double, anonymous, 0) \
  X(double, swap, 0)
PROCYON_RECORD(ProcessMemoryMapExt, PROCYON_MEMORY_MAP_FIELDS)
#undef PROCYON_MEMORY_MAP_FIELDS

// One resource of /proc/[pid]/limits or prlimit(2); -1 is RLIM_INFINITY, as Python's resource module.
struct RlimitValue {
  int resource = 0;
  double soft = -1;
  double hard = -1;
};

// /proc/[pid]/fdinfo/N.
struct FdInfo {
  uint64_t pos = 0;
  uint64_t flags = 0;
};

// psutil.pids(): sorted. Wrapped so it converts as a list of numbers.
struct PidList {
  std::vector<int64_t> pids;
};

// psutil.pid_exists(). Wrapped so it converts as a boolean, not a number.
struct PidPresence {
  bool exists = false;
};

// --- what the backend hands to JS ---

// iowait is Linux's alone (psutil's pcputimes elsewhere has none): null where the platform has none.
#define PROCYON_PROCESS_CPU_TIMES_FIELDS(X) \
  X(double, user, 0) X(double, system, 0) X(double, childrenUser, 0) X(double, childrenSystem, 0) X(std::optional<double>, iowait, {})
PROCYON_RECORD(ProcessCpuTimes, PROCYON_PROCESS_CPU_TIMES_FIELDS)
#undef PROCYON_PROCESS_CPU_TIMES_FIELDS

// The basic group (see PROCYON_PROCESS_SECTIONS): name is comm, status
// psutil's STATUS_* string.
#define PROCYON_PROCESS_BASIC_GROUP_FIELDS(X)                                                       \
  X(std::string, name, {}) X(std::string, status, {}) X(int64_t, ppid, 0) X(int64_t, ttyNr, 0)     \
  X(double, createTime, 0) X(ProcessCpuTimes, cpuTimes, {}) X(int64_t, nice, 0) X(int64_t, numThreads, 0) \
  X(std::optional<int64_t>, cpuNum, {}) /* null where the platform has none (Windows: cpuNum() is UNSUPPORTED) */
PROCYON_RECORD(ProcessBasicGroup, PROCYON_PROCESS_BASIC_GROUP_FIELDS)
#undef PROCYON_PROCESS_BASIC_GROUP_FIELDS

// The ids group: uids and gids are real, effective, saved, null where the
// platform has none (Windows: lib/ makes uids() and gids() UNSUPPORTED there,
// as psutil has neither); the rest null where /proc/[pid]/status lacks the line.
#define PROCYON_PROCESS_IDS_GROUP_FIELDS(X)                                                                \
  X(std::optional<std::vector<int64_t>>, uids, {}) X(std::optional<std::vector<int64_t>>, gids, {})       \
  X(std::optional<int64_t>, numThreads, {})                                                               \
  X(std::optional<uint64_t>, voluntary, {}) X(std::optional<uint64_t>, involuntary, {})
PROCYON_RECORD(ProcessIdsGroup, PROCYON_PROCESS_IDS_GROUP_FIELDS)
#undef PROCYON_PROCESS_IDS_GROUP_FIELDS

#define PROCYON_PROCESS_MEMORY_INFO_FIELDS(X)                                                            \
  X(double, rss, 0) X(double, vms, 0) X(double, shared, 0) X(double, text, 0) X(double, lib, 0) X(double, data, 0) \
  X(double, dirty, 0)
PROCYON_RECORD(ProcessMemoryInfo, PROCYON_PROCESS_MEMORY_INFO_FIELDS)
#undef PROCYON_PROCESS_MEMORY_INFO_FIELDS

#define PROCYON_PROCESS_IO_COUNTERS_FIELDS(X)                                                             \
  X(double, readCount, 0) X(double, writeCount, 0) X(double, readBytes, 0) X(double, writeBytes, 0) \
  X(double, readChars, 0) X(double, writeChars, 0)
PROCYON_RECORD(ProcessIoCounters, PROCYON_PROCESS_IO_COUNTERS_FIELDS)
#undef PROCYON_PROCESS_IO_COUNTERS_FIELDS

#define PROCYON_PROCESS_THREAD_FIELDS(X) X(int64_t, id, 0) X(double, userTime, 0) X(double, systemTime, 0)
PROCYON_RECORD(ProcessThread, PROCYON_PROCESS_THREAD_FIELDS)
#undef PROCYON_PROCESS_THREAD_FIELDS

#define PROCYON_PROCESS_OPEN_FILE_FIELDS(X) \
  X(std::string, path, {}) X(int64_t, fd, 0) X(double, position, 0) X(std::string, mode, {}) X(int64_t, flags, 0)
PROCYON_RECORD(ProcessOpenFile, PROCYON_PROCESS_OPEN_FILE_FIELDS)
#undef PROCYON_PROCESS_OPEN_FILE_FIELDS


#define PROCYON_PROCESS_IONICE_FIELDS(X) X(int, ioclass, 0) X(int, value, 0)
PROCYON_RECORD(ProcessIonice, PROCYON_PROCESS_IONICE_FIELDS)
#undef PROCYON_PROCESS_IONICE_FIELDS

// psutil's Windows records (_pswindows.py's pmem, pfullmem, pio, pmmap, popenfile):
// where psutil's namedtuple differs per OS, each platform has its own record
// and a snapshot section holds whichever its backend fills (Platform* below).
// Memory in bytes (PROCESS_MEMORY_COUNTERS_EX); rss is wset, vms is pagefile.
#define PROCYON_WINDOWS_PROCESS_MEMORY_INFO_FIELDS(X)                                                       \
  X(double, rss, 0) X(double, vms, 0) X(double, numPageFaults, 0) X(double, peakWset, 0) X(double, wset, 0) \
  X(double, peakPagedPool, 0) X(double, pagedPool, 0) X(double, peakNonpagedPool, 0)                       \
  X(double, nonpagedPool, 0) X(double, pagefile, 0) X(double, peakPagefile, 0) X(double, private_, 0)
PROCYON_RECORD(WindowsProcessMemoryInfo, PROCYON_WINDOWS_PROCESS_MEMORY_INFO_FIELDS)
#undef PROCYON_WINDOWS_PROCESS_MEMORY_INFO_FIELDS

// memory_full_info's own field on Windows: uss (working-set pages no other process shares), bytes.
#define PROCYON_WINDOWS_PROCESS_MEMORY_FULL_GROUP_FIELDS(X) X(double, uss, 0)
PROCYON_RECORD(WindowsProcessMemoryFullGroup, PROCYON_WINDOWS_PROCESS_MEMORY_FULL_GROUP_FIELDS)
#undef PROCYON_WINDOWS_PROCESS_MEMORY_FULL_GROUP_FIELDS

#define PROCYON_WINDOWS_PROCESS_IO_COUNTERS_FIELDS(X)                                               \
  X(double, readCount, 0) X(double, writeCount, 0) X(double, readBytes, 0) X(double, writeBytes, 0) \
  X(double, otherCount, 0) X(double, otherBytes, 0)
PROCYON_RECORD(WindowsProcessIoCounters, PROCYON_WINDOWS_PROCESS_IO_COUNTERS_FIELDS)
#undef PROCYON_WINDOWS_PROCESS_IO_COUNTERS_FIELDS

// One region with a mapped file (memory_maps(grouped=False)): addr in hex, perms as psutil spells
// the page protection ("r", "rw", "xr", ...), rss the region's size in bytes.
#define PROCYON_WINDOWS_MEMORY_MAP_FIELDS(X) X(std::string, addr, {}) X(std::string, perms, {}) X(std::string, path, {}) X(double, rss, 0)
PROCYON_RECORD(WindowsProcessMemoryMap, PROCYON_WINDOWS_MEMORY_MAP_FIELDS)
#undef PROCYON_WINDOWS_MEMORY_MAP_FIELDS

// open_files() on Windows: a drive-letter path; fd is always -1 (psutil).
#define PROCYON_WINDOWS_PROCESS_OPEN_FILE_FIELDS(X) X(std::string, path, {}) X(int64_t, fd, -1)
PROCYON_RECORD(WindowsProcessOpenFile, PROCYON_WINDOWS_PROCESS_OPEN_FILE_FIELDS)
#undef PROCYON_WINDOWS_PROCESS_OPEN_FILE_FIELDS

// The sections whose record is the platform's: Linux's first, then Windows'.
using PlatformMemoryInfo = std::variant<ProcessMemoryInfo, WindowsProcessMemoryInfo>;
using PlatformMemoryFull = std::variant<ProcessMemoryFullGroup, WindowsProcessMemoryFullGroup>;
using PlatformIoCounters = std::variant<ProcessIoCounters, WindowsProcessIoCounters>;
using PlatformMemoryMaps = std::variant<std::vector<ProcessMemoryMapExt>, std::vector<WindowsProcessMemoryMap>>;
using PlatformOpenFiles = std::variant<std::vector<ProcessOpenFile>, std::vector<WindowsProcessOpenFile>>;

// A section of a process snapshot: its value, or the error reading it raised
// (already turned into psutil's NoSuchProcess / ZombieProcess / AccessDenied).
template <typename T>
using Section = std::optional<std::variant<T, Error>>;

// What readProcess fills, by psutil attribute group (bit flags): X(enumerator,
// JS name, bit). Groups are what psutil's methods need together (its oneshot
// table): basic = name, status, ppid, terminal, create time, nice, cpu times,
// cpu num; ids = uids, gids, num_ctx_switches, num_threads; memoryInfo;
// memoryFull (uss, pss, swap); ioCounters; then one group per method. Which
// /proc files serve a group is src/linux/process_read.cc's business alone.
// The one declaration: the enum below and describe().layouts.processSections
// (lib/constants_process.ts's SECTION) both expand it.
#define PROCYON_PROCESS_SECTIONS(X)                                          \
  X(kSecBasic, basic, 0)                                               \
  X(kSecIds, ids, 1)                                                   \
  X(kSecMemoryInfo, memoryInfo, 2)                                     \
  X(kSecIoCounters, ioCounters, 3)                                     \
  X(kSecCmdline, cmdline, 4)                                           \
  X(kSecEnviron, environ, 5)                                           \
  X(kSecExe, exe, 6)                                                   \
  X(kSecCwd, cwd, 7)                                                   \
  X(kSecMemoryFull, memoryFull, 8) /* memoryFullInfo's uss/pss/swap */ \
  X(kSecMemoryMaps, memoryMaps, 9)                                     \
  X(kSecNumFds, numFds, 10)                                            \
  X(kSecThreads, threads, 11)                                          \
  X(kSecOpenFiles, openFiles, 12)                                      \
  X(kSecIonice, ionice, 13)                                            \
  X(kSecCpuAffinity, cpuAffinity, 14)                                  \
  X(kSecRlimits, rlimits, 15)                                          \
  X(kSecConnections, connections, 16)                                  \
  X(kSecTerminal, terminal, 17)                                        \
  X(kSecUsername, username, 18)

enum ProcessSectionBit : uint32_t {
#define PROCYON_SECTION_ENUM(id, name, bit) id = 1u << (bit),
  PROCYON_PROCESS_SECTIONS(PROCYON_SECTION_ENUM)
#undef PROCYON_SECTION_ENUM
};

struct ProcessQuery {
  int64_t pid = 0;
  uint32_t sections = 0;
  std::string connectionKind = "inet";
};

struct ProcessSnapshot {
  int64_t pid = 0;
  Section<ProcessBasicGroup> basic;
  Section<ProcessIdsGroup> ids;
  Section<PlatformMemoryInfo> memoryInfo;
  Section<PlatformIoCounters> ioCounters;
  Section<std::vector<std::string>> cmdline;
  Section<std::vector<std::pair<std::string, std::string>>> environ;
  Section<std::string> exe;
  Section<std::string> cwd;
  Section<PlatformMemoryFull> memoryFull;
  Section<PlatformMemoryMaps> memoryMaps;
  Section<int64_t> numFds;
  Section<std::vector<ProcessThread>> threads;
  Section<PlatformOpenFiles> openFiles;
  Section<ProcessIonice> ionice;
  Section<std::vector<int64_t>> cpuAffinity;
  Section<std::vector<RlimitValue>> rlimits;
  Section<std::vector<NetConnection>> connections;  // without pid
  Section<std::optional<std::string>> terminal;
  Section<std::string> username;
};

// An action on a process, checked against (pid, createTime) first.
struct ProcessAction {
  // Suspend and Resume are their own kinds because Windows has no signals for
  // them (NtSuspendProcess); on Linux they are SIGSTOP and SIGCONT.
  enum class Kind { Signal, Nice, Ionice, Rlimit, CpuAffinity, CheckIdentity, Suspend, Resume };
  Kind kind = Kind::CheckIdentity;
  int64_t pid = 0;
  std::optional<double> createTime;  // absent: no identity check
  int signal = 0;
  int64_t value = 0;  // nice value, ionice value
  int ioclass = 0;
  int resource = 0;
  double soft = -1, hard = -1;
  std::vector<int64_t> cpus;
  // Tests only (PROCYON_TEST_ACTION_GATE, a directory): between the identity
  // check and the act, create <gate>/checked and wait for <gate>/go, so a test
  // can hand the pid to another process in exactly that window.
  std::string testGate;
};

// processTable: which fields (bit flags) and the rows. X(enumerator, JS name,
// bit), expanded here and into describe().layouts.processTableFields
// (lib/constants_process.ts's TABLE_FIELD).
#define PROCYON_PROCESS_TABLE_FIELDS(X)   \
  X(kTblPpid, ppid, 0)                    \
  X(kTblName, name, 1)                    \
  X(kTblUsername, username, 2)            \
  X(kTblStatus, status, 3)                \
  X(kTblCpuTimes, cpuTimes, 4)            \
  X(kTblMemory, memory, 5)                \
  X(kTblNumThreads, numThreads, 6)        \
  X(kTblNice, nice, 7)                    \
  X(kTblCreateTime, createTime, 8)        \
  X(kTblCmdline, cmdline, 9)              \
  X(kTblIo, io, 10)                       \
  X(kTblTerminal, terminal, 11)           \
  X(kTblCpuNum, cpuNum, 12)               \
  X(kTblExe, exe, 13)                     \
  X(kTblNumFds, numFds, 14)               \
  X(kTblNumCtxSwitches, numCtxSwitches, 15) \
  X(kTblUss, uss, 16)

enum ProcessTableField : uint32_t {
#define PROCYON_TABLE_FIELD_ENUM(id, name, bit) id = 1u << (bit),
  PROCYON_PROCESS_TABLE_FIELDS(PROCYON_TABLE_FIELD_ENUM)
#undef PROCYON_TABLE_FIELD_ENUM
};

struct ProcessTableRow {
  int64_t pid = 0;
  int64_t ppid = 0;
  std::string name;
  std::string username;
  std::string status;
  double cpuTimes = 0;  // user + system seconds: the process's CPU clock to the ms (own pid namespace), else stat's ticks
  double rss = 0, vms = 0;
  int64_t numThreads = 0;
  int64_t nice = 0;
  double createTime = 0;
  std::shared_ptr<const std::vector<std::string>> cmdline;  // shared with the table's cache; null: none
  int64_t cmdlineBytes = -1;  // /proc/<pid>/cmdline's whole size when cmdline was cut to the table's budget, else -1
  bool hasIo = false;  // /proc/[pid]/io readable (root, or own processes)
  double readBytes = 0, writeBytes = 0;
  std::optional<std::string> terminal;
  int64_t cpuNum = -1;
  std::string exe;
  // The optional columns: unset when not asked for or not readable.
  std::optional<int64_t> numFds;
  std::optional<uint64_t> voluntaryCtxSwitches, involuntaryCtxSwitches;
  std::optional<double> uss;
};

struct ProcessTable {
  uint32_t fields = 0;
  double timestamp = 0;  // monotonic seconds when the scan started, before any row was read
  // Monotonic seconds by when every row's cpuTimes had been read. A CPU time
  // delta over (this − the previous table's timestamp) covers at least the
  // wall time between the two reads, so one thread never shows over 100 %.
  double cpuTimesUntil = 0;
  std::vector<ProcessTableRow> rows;
  // A change-list read (common/process_table_diff.h): `rows` holds only the
  // rows new or changed since the reader's previous read, `gone` the
  // (pid, createTime) of the processes that read had and this one does not,
  // `total` the rows of the whole table.
  bool changesOnly = false;
  size_t total = 0;
  std::vector<std::pair<int64_t, double>> gone;
};

// wait() on a child of this process (Process#wait, waitProcs): how it ended,
// read without reaping it, since Node's libuv reaps the children it spawned.
struct ChildExit {
  bool exited = false;
  // Popen.returncode: the exit code, or -signal; unset when the child was
  // reaped by its owner first and the kernel keeps no status for a pidfd.
  std::optional<int> returncode;
};

// A watch on one child, held for the whole wait (linux/process_wait.cc).
class ChildExitWatch {
 public:
  virtual ~ChildExitWatch() = default;
  // Non-blocking: never reaps, never waits.
  virtual ChildExit poll() = 0;
};

}  // namespace procyon

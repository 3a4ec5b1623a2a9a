#include "linux/parse/proc_pid_stat.h"

#include <array>
#include <charconv>
#include <string>

#include "common/error.h"
#include "linux/parse/text.h"

namespace procyon::parse {
namespace {

std::optional<int64_t> toInt64(std::string_view token) {
  int64_t value = 0;
  const char* end = token.data() + token.size();
  const auto result = std::from_chars(token.data(), end, value);
  if (token.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
  return value;
}

uint64_t requireUint(std::string_view token, const char* what) {
  const auto value = toUint64(token);
  if (!value) throw Error::parse(std::string("malformed ") + what + " '" + std::string(token.substr(0, 64)) + "'");
  return *value;
}

int64_t requireInt(std::string_view token, const char* what) {
  const auto value = toInt64(token);
  if (!value) throw Error::parse(std::string("malformed ") + what + " '" + std::string(token.substr(0, 64)) + "'");
  return *value;
}

// "Key:\tvalue" → value (trimmed), when the line starts with key + ':'.
bool fieldValue(std::string_view line, std::string_view key, std::string_view& value) {
  if (line.size() <= key.size() || line.substr(0, key.size()) != key || line[key.size()] != ':') return false;
  value = trim(line.substr(key.size() + 1));
  return true;
}

std::vector<int64_t> intList(std::string_view rest) {
  std::vector<int64_t> values;
  for (std::string_view token = nextToken(rest); !token.empty(); token = nextToken(rest)) {
    values.push_back(requireInt(token, "id"));
  }
  return values;
}

}  // namespace

ProcStat parseProcPidStat(std::string_view text) {
  const size_t open = text.find('(');
  const size_t close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    throw Error::parse("no '(comm)' field");
  }
  ProcStat stat;
  stat.pid = requireInt(trim(text.substr(0, open)), "pid");
  stat.comm = std::string(text.substr(open + 1, close - open - 1));

  // Fields from 3 (state) on; index 0 here is field 3.
  std::array<std::string_view, 50> fields{};
  size_t count = 0;
  std::string_view rest = text.substr(close + 1);
  for (std::string_view token = nextToken(rest); !token.empty() && count < fields.size(); token = nextToken(rest)) {
    fields[count++] = token;
  }
  // Up to starttime (field 22) has been printed since Linux 2.0.
  if (count < 20) throw Error::parse("stat has " + std::to_string(count + 2) + " fields, expected at least 22");
  const auto field = [&](size_t number) { return fields[number - 3]; };
  const auto optionalUint = [&](size_t number) -> uint64_t {
    if (number - 3 >= count) return 0;
    return requireUint(field(number), "stat field");
  };
  const auto optionalInt = [&](size_t number, int64_t fallback) -> int64_t {
    if (number - 3 >= count) return fallback;
    return requireInt(field(number), "stat field");
  };
  if (field(3).size() != 1) throw Error::parse("malformed state '" + std::string(field(3).substr(0, 16)) + "'");
  stat.state = field(3)[0];
  stat.ppid = requireInt(field(4), "ppid");
  stat.pgrp = requireInt(field(5), "pgrp");
  stat.session = requireInt(field(6), "session");
  stat.ttyNr = requireInt(field(7), "tty_nr");
  stat.tpgid = requireInt(field(8), "tpgid");
  stat.minflt = requireUint(field(10), "minflt");
  stat.majflt = requireUint(field(12), "majflt");
  stat.utime = requireUint(field(14), "utime");
  stat.stime = requireUint(field(15), "stime");
  stat.cutime = requireInt(field(16), "cutime");
  stat.cstime = requireInt(field(17), "cstime");
  stat.priority = requireInt(field(18), "priority");
  stat.nice = requireInt(field(19), "nice");
  stat.numThreads = requireInt(field(20), "num_threads");
  stat.starttime = requireUint(field(22), "starttime");
  stat.vsize = optionalUint(23);
  stat.rss = optionalInt(24, 0);
  stat.processor = optionalInt(39, -1);
  stat.rtPriority = optionalUint(40);
  stat.policy = optionalUint(41);
  stat.delayacctBlkioTicks = optionalUint(42);
  if (count > 52 - 3) stat.exitCode = requireInt(field(52), "exit_code");
  return stat;
}

ProcStatus parseProcPidStatus(std::string_view text) {
  ProcStatus status;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    std::string_view value;
    if (fieldValue(line, "Name", value)) {
      status.name = std::string(value);
    } else if (fieldValue(line, "State", value)) {
      if (!value.empty()) status.state = value[0];
    } else if (fieldValue(line, "Tgid", value)) {
      status.tgid = requireInt(value, "Tgid");
    } else if (fieldValue(line, "PPid", value)) {
      status.ppid = requireInt(value, "PPid");
    } else if (fieldValue(line, "Uid", value)) {
      status.uids = intList(value);
      if (status.uids->size() < 3) throw Error::parse("Uid line has fewer than 3 ids");
    } else if (fieldValue(line, "Gid", value)) {
      status.gids = intList(value);
      if (status.gids->size() < 3) throw Error::parse("Gid line has fewer than 3 ids");
    } else if (fieldValue(line, "Threads", value)) {
      status.threads = requireInt(value, "Threads");
    } else if (fieldValue(line, "voluntary_ctxt_switches", value)) {
      status.voluntaryCtxtSwitches = requireUint(value, "voluntary_ctxt_switches");
    } else if (fieldValue(line, "nonvoluntary_ctxt_switches", value)) {
      status.nonvoluntaryCtxtSwitches = requireUint(value, "nonvoluntary_ctxt_switches");
    } else if (fieldValue(line, "Cpus_allowed_list", value)) {
      status.cpusAllowedList = std::string(value);
    }
  }
  return status;
}

ProcStatm parseProcPidStatm(std::string_view text) {
  std::array<uint64_t, 7> values{};
  std::string_view rest = text;
  for (size_t i = 0; i < values.size(); ++i) {
    const std::string_view token = nextToken(rest);
    if (token.empty()) throw Error::parse("statm has " + std::to_string(i) + " fields, expected 7");
    values[i] = requireUint(token, "statm field");
  }
  ProcStatm statm;
  statm.size = values[0];
  statm.resident = values[1];
  statm.shared = values[2];
  statm.text = values[3];
  statm.lib = values[4];
  statm.data = values[5];
  statm.dirty = values[6];
  return statm;
}

ProcIo parseProcPidIo(std::string_view text) {
  ProcIo io;
  unsigned seen = 0;
  while (!text.empty()) {
    const std::string_view line = nextLine(text);
    std::string_view value;
    if (fieldValue(line, "rchar", value)) io.rchar = requireUint(value, "rchar"), seen |= 1;
    else if (fieldValue(line, "wchar", value)) io.wchar = requireUint(value, "wchar"), seen |= 2;
    else if (fieldValue(line, "syscr", value)) io.syscr = requireUint(value, "syscr"), seen |= 4;
    else if (fieldValue(line, "syscw", value)) io.syscw = requireUint(value, "syscw"), seen |= 8;
    else if (fieldValue(line, "read_bytes", value)) io.readBytes = requireUint(value, "read_bytes"), seen |= 16;
    else if (fieldValue(line, "write_bytes", value)) io.writeBytes = requireUint(value, "write_bytes"), seen |= 32;
  }
  if (seen != 63) throw Error::parse("io lacks one of rchar, wchar, syscr, syscw, read_bytes, write_bytes");
  return io;
}

std::string_view processStatusName(char state) {
  switch (state) {
    case 'R': return "running";
    case 'S': return "sleeping";
    case 'D': return "disk-sleep";
    case 'T': return "stopped";
    case 't': return "tracing-stop";
    case 'Z': return "zombie";
    case 'X':
    case 'x': return "dead";
    case 'K': return "wake-kill";
    case 'W': return "waking";
    case 'I': return "idle";
    case 'P': return "parked";
    default: return "?";
  }
}

}  // namespace procyon::parse

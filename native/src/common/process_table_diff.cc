#include "common/process_table_diff.h"

#include <utility>
#include <vector>

namespace procyon {

namespace {

bool sameArgs(const std::shared_ptr<const std::vector<std::string>>& a, const std::shared_ptr<const std::vector<std::string>>& b) {
  if (a == b) return true;  // the table's cache hands out the same vector until it re-reads cmdline
  if (!a || !b) return false;
  return *a == *b;
}

}  // namespace

bool sameTableRow(const ProcessTableRow& a, const ProcessTableRow& b) {
  // Doubles compare exactly: a value read again from the same counter is bit-for-bit the same.
  return a.pid == b.pid && a.createTime == b.createTime && a.cpuTimes == b.cpuTimes && a.rss == b.rss && a.status == b.status &&
         a.hasIo == b.hasIo && a.readBytes == b.readBytes && a.writeBytes == b.writeBytes && a.cpuNum == b.cpuNum && a.vms == b.vms &&
         a.numThreads == b.numThreads && a.nice == b.nice && a.ppid == b.ppid && a.name == b.name && a.username == b.username &&
         a.terminal == b.terminal && a.exe == b.exe && a.numFds == b.numFds && a.voluntaryCtxSwitches == b.voluntaryCtxSwitches &&
         a.involuntaryCtxSwitches == b.involuntaryCtxSwitches && a.uss == b.uss && a.cmdlineBytes == b.cmdlineBytes && sameArgs(a.cmdline, b.cmdline);
}

void diffTable(ProcessTableDiffState& state, ProcessTable& table) {
  const uint64_t generation = ++state.generation;
  table.total = table.rows.size();
  if (!state.primed || state.fields != table.fields) {
    state.last.clear();
    state.last.reserve(table.rows.size());
    for (const ProcessTableRow& row : table.rows) state.last.emplace(row.pid, ProcessTableDiffState::Entry{row, generation});
    state.primed = true;
    state.fields = table.fields;
    table.changesOnly = false;
    return;
  }
  std::vector<ProcessTableRow> changed;
  for (ProcessTableRow& row : table.rows) {
    auto it = state.last.find(row.pid);
    if (it == state.last.end()) {
      state.last.emplace(row.pid, ProcessTableDiffState::Entry{row, generation});
    } else if (it->second.row.createTime != row.createTime) {
      // The pid now names another process: the old one is gone, this one is new.
      table.gone.emplace_back(it->second.row.pid, it->second.row.createTime);
      it->second = ProcessTableDiffState::Entry{row, generation};
    } else {
      it->second.seen = generation;
      if (sameTableRow(it->second.row, row)) continue;
      it->second.row = row;
    }
    changed.push_back(std::move(row));
  }
  for (auto it = state.last.begin(); it != state.last.end();) {
    if (it->second.seen == generation) {
      ++it;
    } else {
      table.gone.emplace_back(it->second.row.pid, it->second.row.createTime);
      it = state.last.erase(it);
    }
  }
  table.rows = std::move(changed);
  table.changesOnly = true;
}

}  // namespace procyon

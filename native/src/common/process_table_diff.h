#pragma once

// A change-list reader over processTable: each read hands back only the rows
// that differ from what this reader was given last time, and the processes
// gone since. A monitor redraws every second, and on a machine of mostly idle
// processes almost no row changes from one tick to the next; with the diff
// made here, on the worker thread, the JS thread builds objects for the few
// rows that changed instead of for every process every tick.

#include <cstdint>
#include <mutex>
#include <unordered_map>

#include "common/records_process.h"

namespace procyon {

struct ProcessTableDiffState {
  // One read at a time per reader (the JS side queues them too).
  std::mutex mutex;
  bool primed = false;
  uint32_t fields = 0;
  uint64_t generation = 0;
  struct Entry {
    ProcessTableRow row;
    uint64_t seen = 0;
  };
  std::unordered_map<int64_t, Entry> last;

  // The next read hands back the whole table.
  void reset() {
    primed = false;
    last.clear();
  }
};

// Every field, the command line by content.
bool sameTableRow(const ProcessTableRow& a, const ProcessTableRow& b);

// Reduces `table` (a whole scan) to what changed since `state` last saw one,
// and records it. The first read, or a read with other fields, stays whole
// (table.changesOnly false). The caller holds state.mutex.
void diffTable(ProcessTableDiffState& state, ProcessTable& table);

}  // namespace procyon

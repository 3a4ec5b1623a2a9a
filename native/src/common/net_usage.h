#pragma once

// Per-process network use from successive socket dumps, kept where the dump
// is read: each tracker (a JS NetUsageTracker's handle) holds the counters
// of every TCP socket at its previous dump and the bytes each process has
// moved since it was first watched, and a read hands JS only the per-process
// sums (a few hundred records) instead of every socket (tens of thousands).
//
// Arithmetic: a socket's share of a read is what its counters grew since the
// same tracker's previous dump (all of them when the socket is new to it:
// an inode not seen before, or seen with another cookie, which is an inode
// number the kernel reused); it goes to the process holding it now. The first
// dump of a tracker is the baseline (nothing moved, no rates). A socket that
// left the dump is dropped, and so is the total of a process that holds no
// inet socket any more: the state is bounded by what exists now.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/records_net_process.h"

namespace procyon {

// How many inet socket dumps this process has asked the kernel for (each one
// walks every socket of the machine): a test counts them to see one dump
// serve a whole tick (processNetDumps()).
inline std::atomic<uint64_t>& socketDumps() {
  static std::atomic<uint64_t> count{0};
  return count;
}

// One socket of a dump, as the tracker needs it.
struct NetSocketSample {
  uint32_t inode = 0;
  uint64_t cookie = 0;
  std::optional<int64_t> pid;  // nullopt: no process this user can read holds it
  bool counted = false;        // TCP with tcp_info's byte counters (UDP has none)
  uint64_t sent = 0;
  uint64_t received = 0;
};

class NetUsageState {
 public:
  // Held by the backend for the whole read (dump and advance): two reads of
  // one tracker never interleave, so counters are stored in dump order.
  std::mutex mutex;

  // A counted socket's rates (bytes per second received, sent) over the time
  // since this tracker's previous dump: what advance() of the same dump counts
  // for it, so the per-socket and per-process figures agree. nullopt on the
  // first dump, when no time passed, or for a socket not counted. Caller
  // holds `mutex` and calls it before advance() with that dump.
  std::optional<std::pair<double, double>> rateOf(const NetSocketSample& s, double timestamp) const {
    const double elapsed = timestamp - timestamp_;
    if (!primed_ || !(elapsed > 0) || !s.counted) return std::nullopt;
    const auto was = sockets_.find(s.inode);
    const Totals delta = movedSince(was == sockets_.end() ? nullptr : &was->second, s);
    return std::make_pair(static_cast<double>(delta.received) / elapsed, static_cast<double>(delta.sent) / elapsed);
  }

  // Applies one dump taken at `timestamp` (monotonic seconds). Caller holds `mutex`.
  NetUsageReading advance(double timestamp, const std::vector<NetSocketSample>& samples) {
    const bool first = !primed_;
    const double elapsed = first ? 0 : timestamp - timestamp_;
    const bool rated = !first && elapsed > 0;
    ++generation_;
    struct Moved {
      ProcessNet net;
      uint64_t sent = 0;
      uint64_t received = 0;
    };
    std::vector<Moved> moved;  // per process, in order of first appearance in the dump
    std::unordered_map<int64_t, size_t> slot;
    Moved other;
    for (const NetSocketSample& s : samples) {
      Moved* into = &other;
      if (s.pid) {
        auto [it, added] = slot.try_emplace(*s.pid, moved.size());
        if (added) moved.emplace_back();
        into = &moved[it->second];
      }
      if (!s.counted) {
        ++into->net.uncounted;
        continue;
      }
      ++into->net.sockets;
      auto [it, added] = sockets_.try_emplace(s.inode);
      Counters& was = it->second;
      if (!first) {
        const Totals delta = movedSince(added ? nullptr : &was, s);
        into->sent += delta.sent;
        into->received += delta.received;
      }
      was = {s.cookie, s.sent, s.received, generation_};
    }
    for (auto it = sockets_.begin(); it != sockets_.end();) it = it->second.generation == generation_ ? std::next(it) : sockets_.erase(it);

    NetUsageReading reading;
    reading.timestamp = timestamp;
    const auto finish = [&](Moved& m, Totals& total) {
      total.sent += m.sent;
      total.received += m.received;
      m.net.transmitBytes = static_cast<double>(total.sent);
      m.net.receiveBytes = static_cast<double>(total.received);
      if (rated) {
        m.net.transmitRate = static_cast<double>(m.sent) / elapsed;
        m.net.receiveRate = static_cast<double>(m.received) / elapsed;
      }
    };
    std::unordered_map<int64_t, Totals> totals;
    totals.reserve(moved.size());
    reading.pids.reserve(moved.size());
    reading.processes.reserve(moved.size());
    for (const auto& [pid, index] : slot) {
      const auto before = totals_.find(pid);
      Totals& total = totals[pid] = before == totals_.end() ? Totals{} : before->second;
      finish(moved[index], total);
    }
    // In dump order, so a reader's list is as stable as the kernel's table.
    std::vector<int64_t> order(moved.size());
    for (const auto& [pid, index] : slot) order[index] = pid;
    for (size_t i = 0; i < moved.size(); ++i) {
      reading.pids.push_back(static_cast<double>(order[i]));
      reading.processes.push_back(moved[i].net);
    }
    finish(other, other_);
    reading.otherUsers = other.net;
    totals_ = std::move(totals);
    timestamp_ = timestamp;
    primed_ = true;
    reading.trackerEntries = static_cast<double>(sockets_.size() + totals_.size());
    return reading;
  }

 private:
  struct Counters {
    uint64_t cookie = 0;
    uint64_t sent = 0;
    uint64_t received = 0;
    uint64_t generation = 0;  // the dump that last held it
  };
  struct Totals {
    uint64_t sent = 0;
    uint64_t received = 0;
  };
  // What a socket's counters grew since `was` (its counters at the previous
  // dump): all it carries when it is new since then (no entry, or one with
  // another cookie: an inode number the kernel reused).
  static Totals movedSince(const Counters* was, const NetSocketSample& s) {
    if (was == nullptr || was->cookie != s.cookie) return {s.sent, s.received};
    return {s.sent > was->sent ? s.sent - was->sent : 0, s.received > was->received ? s.received - was->received : 0};
  }
  bool primed_ = false;
  double timestamp_ = 0;
  uint64_t generation_ = 0;
  std::unordered_map<uint32_t, Counters> sockets_;
  std::unordered_map<int64_t, Totals> totals_;
  Totals other_;
};

}  // namespace procyon

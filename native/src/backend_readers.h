#pragma once

// How a whole-system metric (common/metric.h) reaches a platform: through a
// registry of typed readers, not a virtual per metric. A caller asks
// Backend::read<Record>(); the backend looks up the reader its platform's
// files registered for Record (PlatformReader below) and answers
// UNSUPPORTED when there is none. So a new metric edits neither backend.h
// nor any platform's backend class; a platform implements it by one
// registration in the file that reads it.

#include <optional>
#include <vector>

namespace procyon {

// A record type's identity at run time: the address of a variable that
// exists once per Record in the program.
using MetricKey = const void*;
template <typename Record>
inline constexpr char kMetricTag = 0;
template <typename Record>
MetricKey metricKey() {
  return &kMetricTag<Record>;
}

// The readers registered for the backend class Platform (LinuxBackend, a
// later WindowsBackend), filled at load by PlatformReader registrars and
// only read afterwards, so pool threads read it without a lock.
template <typename Platform>
class PlatformReaders {
 public:
  // Fills `out` (a std::optional<Record>* for the Record `key` names).
  using Invoke = void (*)(const Platform& backend, void* out);

  // Whether a reader of `key` is registered; if so, it has filled `out`.
  static bool read(const Platform& backend, MetricKey key, void* out) {
    for (const Entry& entry : entries()) {
      if (entry.key != key) continue;
      entry.invoke(backend, out);
      return true;
    }
    return false;
  }

  static void add(MetricKey key, Invoke invoke) { entries().push_back({key, invoke}); }

 private:
  struct Entry {
    MetricKey key;
    Invoke invoke;
  };
  // Built on first use: registrars in other files run in an order C++ leaves open.
  static std::vector<Entry>& entries() {
    static std::vector<Entry> list;
    return list;
  }
};

// Registers `read` as Platform's reader of Record, from the platform file
// that implements it: `const PlatformReader<LinuxBackend, PressureStall> kRead{read};`
// (Linux wraps this with the files the reader needs: linux/metric_reader.h).
template <typename Platform, typename Record>
class PlatformReader {
 public:
  using Read = Record (*)(const Platform& backend);

  explicit PlatformReader(Read read) {
    slot() = read;
    PlatformReaders<Platform>::add(metricKey<Record>(), [](const Platform& backend, void* out) {
      static_cast<std::optional<Record>*>(out)->emplace(slot()(backend));
    });
  }

 private:
  // The key ties the erased `out` to Record; the slot keeps `read` typed.
  static Read& slot() {
    static Read read = nullptr;
    return read;
  }
};

}  // namespace procyon

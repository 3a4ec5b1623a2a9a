#pragma once

// PROCYON_METRIC(name, Record): a whole-system metric, declared once in its
// area's records header, beside its record. From that line alone come its
// collector function `name` (async, one options object with the roots), its
// snapshot topic of the same name, and its capability; no file lists it
// again. The binding reads the PROCYON_METRIC lines at build time
// (scripts/gyp_metrics.mjs writes the list into the build folder), so this
// layer stays free of N-API; a platform answers it by registering a reader
// (backend_readers.h), and a platform that registers none answers UNSUPPORTED.
//
// Written at namespace procyon scope, after the record, on a line of its own.

#include <string_view>

namespace procyon {

// The name of the metric whose value is Record: specialised by PROCYON_METRIC only.
template <typename Record>
struct MetricOf;

}  // namespace procyon

#define PROCYON_METRIC(name, Record)               \
  template <>                                      \
  struct MetricOf<Record> {                        \
    static constexpr const char kName[] = #name;   \
  };

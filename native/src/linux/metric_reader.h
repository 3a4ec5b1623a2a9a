#pragma once

// A whole-system metric's Linux reader and the files it needs, in one
// declaration in the linux/<area>.cc that reads it:
//
//   PressureStall read(const LinuxBackend& backend);  // reads through backend.procfs()
//   const LinuxReader<PressureStall> kRead{read, {Root::Procfs, {"pressure"}}};
//
// The reader is what Backend::read<PressureStall>() runs here
// (backend_readers.h); the needs become the metric's capability, named by
// its PROCYON_METRIC declaration (linux/requirement.h).

#include <string_view>
#include <utility>
#include <vector>

#include "backend_readers.h"
#include "common/metric.h"
#include "linux/linux_backend.h"
#include "linux/requirement.h"

namespace procyon {

template <typename Record>
class LinuxReader {
 public:
  // Requirement less its name, which is the metric's.
  struct Needs {
    Root root;
    std::vector<std::string_view> anyOf;
    bool liveOnly = false;
    std::string (*probe)(const Roots& roots) = nullptr;
  };

  LinuxReader(Record (*read)(const LinuxBackend& backend), Needs needs)
      : reader_(read), needs_({Requirement{MetricOf<Record>::kName, needs.root, std::move(needs.anyOf), needs.liveOnly, needs.probe}}) {}

 private:
  PlatformReader<LinuxBackend, Record> reader_;
  RequirementRegistrar needs_;
};

}  // namespace procyon

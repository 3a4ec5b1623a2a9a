#include "common/error.h"
#include "common/file_reader.h"
#include "linux/linux_backend.h"
#include "linux/procfs.h"
#include "linux/parse/proc_stat.h"
#include "linux/requirement.h"

namespace procyon {

double LinuxBackend::bootTime() const {
  FileReader& files = reader();
  const std::string_view text = procfs().read("stat");
  return annotatePath(files.path(), [&] { return parse::parseProcStatBootTime(text); });
}

namespace {

// What capabilities() checks for this file's functions (linux/requirement.h).
const RequirementRegistrar kNeeds{
    {"bootTime", Root::Procfs, {"stat"}},
};

}  // namespace

}  // namespace procyon

// Exports: winServiceGet, winServiceStart, winServiceStop (the list,
// winServiceIter, is a metric: common/records_services.h). The name is
// checked by the backend that has services, so a platform without them
// answers UNSUPPORTED whatever the name.

#include <napi.h>

#include "binding/addon_data.h"
#include "binding/args.h"
#include "binding/args_values.h"
#include "binding/native_call.h"
#include "binding/registry.h"
#include "binding/to_js_process.h"
#include "binding/to_js_record.h"

namespace procyon {
namespace {

Napi::Value winServiceGet(const Napi::CallbackInfo& info) {
  return runAsync<WinService>(info, "procyon.winServiceGet", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string name = requiredStringOption(options, "name");
    return [backend = backendFor(info.Env(), options), name = std::move(name)] { return backend->winServiceGet(name); };
  });
}

Napi::Value winServiceStart(const Napi::CallbackInfo& info) {
  return runAsync<ActionDone>(info, "procyon.winServiceStart", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string name = requiredStringOption(options, "name");
    return [backend = backendFor(info.Env(), options), name = std::move(name)] {
      backend->winServiceStart(name);
      return ActionDone{};
    };
  });
}

Napi::Value winServiceStop(const Napi::CallbackInfo& info) {
  return runAsync<ActionDone>(info, "procyon.winServiceStop", [&] {
    const Napi::Object options = optionsArgument(info);
    std::string name = requiredStringOption(options, "name");
    return [backend = backendFor(info.Env(), options), name = std::move(name)] {
      backend->winServiceStop(name);
      return ActionDone{};
    };
  });
}

const ExportRegistrar kExports{
    {{"winServiceGet", winServiceGet}, {"winServiceStart", winServiceStart}, {"winServiceStop", winServiceStop}}};

}  // namespace

}  // namespace procyon

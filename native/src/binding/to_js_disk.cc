#include "binding/to_js_disk.h"

#include <string_view>

namespace procyon {

Napi::Object diskIoToJs(Napi::Env env, const DiskIoCounters& disk, bool withName) {
  Napi::Object object = Napi::Object::New(env);
  DiskIoCounters::forEachField(disk, [&](const char* name, const auto& value) {
    if (withName || std::string_view(name) != "name") object.Set(name, fieldToJs(env, value));
  });
  return object;
}

}  // namespace procyon

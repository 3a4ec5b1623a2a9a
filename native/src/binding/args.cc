#include "binding/args.h"

#include <string>

#include "common/error.h"

namespace procyon {
namespace {

void readRoot(Napi::Object options, const char* name, std::string& target) {
  const Napi::Value value = options.Get(name);
  if (value.IsUndefined()) return;
  if (!value.IsString()) throw Error::invalidArgument(std::string(name) + " must be a string");
  std::string root = value.As<Napi::String>().Utf8Value();
  if (root.empty()) throw Error::invalidArgument(std::string(name) + " must not be empty");
  // A NUL would silently truncate the path handed to open(2).
  if (root.find('\0') != std::string::npos) throw Error::invalidArgument(std::string(name) + " must not contain NUL");
  target = std::move(root);
}

}  // namespace

Napi::Object optionsArgument(const Napi::CallbackInfo& info) {
  if (info.Length() == 0 || info[0].IsUndefined()) return Napi::Object::New(info.Env());
  if (!info[0].IsObject() || info[0].IsArray()) throw Error::invalidArgument("options must be an object");
  return info[0].As<Napi::Object>();
}

BackendSource sourceOption(Napi::Object options) {
  BackendSource source;
  readRoot(options, "procfs", source.procfs);
  readRoot(options, "sysfs", source.sysfs);
  return source;
}

bool booleanOption(Napi::Object options, const char* name, bool fallback) {
  const Napi::Value value = options.Get(name);
  if (value.IsUndefined()) return fallback;
  if (!value.IsBoolean()) throw Error::invalidArgument(std::string(name) + " must be a boolean");
  return value.As<Napi::Boolean>().Value();
}

}  // namespace procyon

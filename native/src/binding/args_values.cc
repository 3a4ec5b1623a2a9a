#include "binding/args_values.h"

#include <cmath>

#include "common/error.h"

namespace procyon {
namespace {

std::string checkedString(const Napi::Value& value, const std::string& what) {
  if (!value.IsString()) throw Error::invalidArgument(what + " must be a string");
  std::string text = value.As<Napi::String>().Utf8Value();
  if (text.find('\0') != std::string::npos) throw Error::invalidArgument(what + " must not contain NUL");
  return text;
}

}  // namespace

std::string stringOption(Napi::Object options, const char* name, const std::string& fallback) {
  const Napi::Value value = options.Get(name);
  if (value.IsUndefined()) return fallback;
  return checkedString(value, name);
}

std::string requiredStringOption(Napi::Object options, const char* name) {
  return checkedString(options.Get(name), name);
}

int64_t integerOption(Napi::Object options, const char* name) {
  const Napi::Value value = options.Get(name);
  if (!value.IsNumber()) throw Error::invalidArgument(std::string(name) + " must be an integer");
  const double number = value.As<Napi::Number>().DoubleValue();
  constexpr double kMaxSafe = 9007199254740991.0;
  if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxSafe) {
    throw Error::invalidArgument(std::string(name) + " must be an integer");
  }
  return static_cast<int64_t>(number);
}

std::vector<std::string> stringListOption(Napi::Object options, const char* name, std::vector<std::string> fallback) {
  const Napi::Value value = options.Get(name);
  if (value.IsUndefined()) return fallback;
  if (!value.IsArray()) throw Error::invalidArgument(std::string(name) + " must be an array of strings");
  const Napi::Array array = value.As<Napi::Array>();
  std::vector<std::string> list;
  list.reserve(array.Length());
  for (uint32_t i = 0; i < array.Length(); ++i) {
    list.push_back(checkedString(array.Get(i), std::string(name) + "[" + std::to_string(i) + "]"));
  }
  return list;
}

}  // namespace procyon

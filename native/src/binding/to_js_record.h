#pragma once

// The JS conversion of every PROCYON_RECORD (common/record.h): an object with
// one property per field, in declaration order, named as the field. No record
// has a hand-written toJs.

#include <napi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "common/record.h"

namespace procyon {

template <typename T>
Napi::Value fieldToJs(Napi::Env env, const T& value);

template <typename T>
Napi::Value optionalToJs(Napi::Env env, const std::optional<T>& value) {
  return value ? fieldToJs(env, *value) : env.Null();
}

template <typename T, std::enable_if_t<IsRecord<T>::value, int> = 0>
Napi::Value toJs(Napi::Env env, const T& record) {
  Napi::Object object = Napi::Object::New(env);
  T::forEachField(record, [&](const char* name, const auto& value) { object.Set(name, fieldToJs(env, value)); });
  return object;
}

template <typename T, std::enable_if_t<IsRecord<T>::value, int> = 0>
Napi::Value toJs(Napi::Env env, const std::vector<T>& records) {
  Napi::Array array = Napi::Array::New(env, records.size());
  for (uint32_t i = 0; i < records.size(); ++i) array.Set(i, toJs(env, records[i]));
  return array;
}

template <typename T>
Napi::Value fieldToJs(Napi::Env env, const T& value) {
  if constexpr (IsRecord<T>::value) {
    return toJs(env, value);
  } else if constexpr (std::is_same_v<T, bool>) {
    return Napi::Boolean::New(env, value);
  } else if constexpr (std::is_arithmetic_v<T>) {
    return Napi::Number::New(env, static_cast<double>(value));
  } else if constexpr (std::is_same_v<T, std::string>) {
    return Napi::String::New(env, value);
  } else {
    return optionalToJs(env, value);
  }
}

}  // namespace procyon

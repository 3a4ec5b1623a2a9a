#pragma once

// The JS conversion of every PROCYON_RECORD (common/record.h): an object with
// one property per field, in declaration order, named as the field. No record
// has a hand-written toJs. A field converts by its C++ type:
//   bool -> boolean; other arithmetic -> number; std::string -> string;
//   a record -> object (recursively); std::optional<T> -> T's value or null;
//   std::vector<T> -> array of T's values; std::pair<A, B> -> [a, b] (names
//   read from files travel as pairs, never as object keys).

#include <napi.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/record.h"

namespace procyon {

namespace record_kind {
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsPair : std::false_type {};
template <typename A, typename B>
struct IsPair<std::pair<A, B>> : std::true_type {};
template <typename T>
inline constexpr bool kUnsupported = false;
}  // namespace record_kind

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

template <typename T>
Napi::Array arrayToJs(Napi::Env env, const std::vector<T>& list) {
  Napi::Array array = Napi::Array::New(env, list.size());
  for (uint32_t i = 0; i < list.size(); ++i) array.Set(i, fieldToJs(env, list[i]));
  return array;
}

template <typename T, std::enable_if_t<IsRecord<T>::value, int> = 0>
Napi::Value toJs(Napi::Env env, const std::vector<T>& records) {
  return arrayToJs(env, records);
}

// A name-keyed object from (name, value) entries in order, for results psutil
// gives as a dict (per NIC, per chip, environ): a repeated name keeps its
// last value, as a Python dict. Not a record field kind: a record field of
// pairs is an array of [name, value] (see above).
template <typename T>
Napi::Object keyedToJs(Napi::Env env, const std::vector<std::pair<std::string, T>>& entries) {
  Napi::Object object = Napi::Object::New(env);
  for (const auto& [name, value] : entries) object.Set(name, fieldToJs(env, value));
  return object;
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
  } else if constexpr (record_kind::IsOptional<T>::value) {
    return optionalToJs(env, value);
  } else if constexpr (record_kind::IsVector<T>::value) {
    return arrayToJs(env, value);
  } else if constexpr (record_kind::IsPair<T>::value) {
    Napi::Array pair = Napi::Array::New(env, 2);
    pair.Set(0u, fieldToJs(env, value.first));
    pair.Set(1u, fieldToJs(env, value.second));
    return pair;
  } else {
    static_assert(record_kind::kUnsupported<T>, "a record field of a type the generic conversion does not know");
  }
}

}  // namespace procyon

#pragma once

// One declaration per record: PROCYON_RECORD(Name, FIELDS) declares the
// struct from an X-list of FIELDS (X(type, name, default)) and, from the same
// list, its field names in order and a visitor over its members. The JS
// conversion (binding/to_js_record.h) and describe().records both come from
// that, so a field is written once in C++; test/describe.test.ts checks the
// TypeScript interface of the same name against describe().records.
//
// A type with a comma (std::pair<A, B>) needs an alias first: the X-list is
// a macro argument.

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace procyon {

struct RecordDescription {
  std::string_view name;
  std::vector<std::string_view> fields;
};

// Every record declared with PROCYON_RECORD, registered at load (inline
// variables: once per program, however many files include the header).
inline std::vector<RecordDescription>& recordRegistry() {
  static std::vector<RecordDescription> records;
  return records;
}

template <typename T>
bool registerRecord() {
  recordRegistry().push_back({T::kRecordName, {std::begin(T::kFields), std::end(T::kFields)}});
  return true;
}

template <typename T, typename = void>
struct IsRecord : std::false_type {};
template <typename T>
struct IsRecord<T, std::void_t<decltype(T::kFields)>> : std::true_type {};

// A member named after a C++ keyword (psutil's Windows `private`) is spelt
// with a trailing underscore; JS and describe() see the name without it.
constexpr std::string_view recordFieldName(std::string_view member) {
  return !member.empty() && member.back() == '_' ? member.substr(0, member.size() - 1) : member;
}
template <std::size_t N>
struct RecordFieldNameText {  // recordFieldName, NUL-terminated for the visitors' const char*
  char text[N] = {};
  constexpr explicit RecordFieldNameText(const char (&member)[N]) {
    for (std::size_t i = 0; i < N; ++i) text[i] = member[i];
    if (N >= 2 && text[N - 2] == '_') text[N - 2] = '\0';
  }
};

}  // namespace procyon

#define PROCYON_RECORD_MEMBER(type, name, init) type name = init;
#define PROCYON_RECORD_FIELD_NAME(type, name, init) ::procyon::recordFieldName(#name),
#define PROCYON_RECORD_VISIT(type, name, init)                                                  \
  {                                                                                           \
    static constexpr ::procyon::RecordFieldNameText<sizeof(#name)> kFieldName_##name(#name); \
    visit(kFieldName_##name.text, record.name);                                               \
  }

#define PROCYON_RECORD(Name, FIELDS)                                               \
  struct Name {                                                                    \
    FIELDS(PROCYON_RECORD_MEMBER)                                                  \
    static constexpr std::string_view kRecordName = #Name;                         \
    static constexpr std::string_view kFields[] = {FIELDS(PROCYON_RECORD_FIELD_NAME)}; \
    template <typename Record, typename Visit>                                     \
    static void forEachField(Record& record, Visit&& visit) {                      \
      FIELDS(PROCYON_RECORD_VISIT)                                                 \
    }                                                                              \
  };                                                                               \
  inline const bool kRegistered##Name = ::procyon::registerRecord<Name>();

#pragma once

// The binary utmp file (glibc's struct utmp, 384 bytes per record on x86_64
// and the other 64-bit ABIs with 32-bit ut_tv), read without getutent(3) so
// it is pure and fuzzable.

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/records_users.h"

namespace procyon::parse {

inline constexpr size_t kUtmpRecordSize = 384;
inline constexpr short kUtmpUserProcess = 7;  // USER_PROCESS

// psutil.users() over a utmp image: USER_PROCESS records only, in file order;
// a trailing partial record is ignored (getutent reads whole records).
// Strings stop at the first NUL or the end of their field; host ":0" and
// ":0.0" become "localhost"; an empty line becomes a null terminal.
// Integers are read in host byte order, as the file is written.
std::vector<User> parseUtmp(std::string_view bytes);

}  // namespace procyon::parse

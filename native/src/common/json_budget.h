// What a string from a process costs once it reaches a client: the addon hands
// it to V8 as UTF-8 (an invalid byte becomes U+FFFD, three bytes), JSON escapes
// it (a control byte becomes \u0001, six bytes) and the socket sends UTF-8.
// Cutting by this cost, not by raw bytes, keeps a message budget honest for
// any bytes a process puts in its argv.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace procyon {

// The bytes `s` takes JSON-encoded, without its quotes (an upper bound for invalid UTF-8).
size_t jsonCost(std::string_view s);

// Cuts `args` so that the JSON array of them costs at most `budget` bytes,
// cutting the last argument kept at a character boundary. `truncated`: the
// last argument is itself a prefix (the file was read only partly), so a
// multi-byte character cut off at its end is dropped. True when anything was cut.
bool cutArgs(std::vector<std::string>& args, size_t budget, bool truncated);

}  // namespace procyon

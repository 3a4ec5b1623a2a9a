#pragma once

#include <string>
#include <vector>

namespace procyon {

// Names of the entries of a directory ("." and ".." excluded). A directory
// that does not exist or cannot be opened yields no entries, as a glob would.
std::vector<std::string> listDirectory(const std::string& path);

}  // namespace procyon

// file_text.cpp — see file_text.h.
#include "file_text.h"

#include <fstream>
#include <sstream>

namespace cleanslate::server {

std::optional<std::string> read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return contents.str();
}

}  // namespace cleanslate::server

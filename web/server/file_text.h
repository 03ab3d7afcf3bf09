// file_text.h — a whole file read into memory, for the small files the server and the desk
// read once (keys, the device database, a site's files, a feed file to check).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace cleanslate::server {

// The file's bytes as they are; nothing when it cannot be opened or a read fails.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace cleanslate::server

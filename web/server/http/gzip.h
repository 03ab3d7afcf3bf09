// gzip.h — gzip (RFC 1952) compression of whole in-memory files, done once at start-up.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cleanslate::server {

// The gzip member for `data` at the best compression level, or nullopt if zlib fails.
std::optional<std::string> gzip_compress(std::string_view data);

}  // namespace cleanslate::server

// gzip.h — gzip (RFC 1952) for whole in-memory files: compressing a file that the site build
// did not pre-compress, and unpacking a pre-compressed one to check it, both once at start-up.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cleanslate::server {

// The gzip member for `data` at the best compression level, or nullopt if zlib fails.
std::optional<std::string> gzip_compress(std::string_view data);

// The bytes a gzip member unpacks to, or nullopt when it is not a whole, valid member.
std::optional<std::string> gzip_decompress(std::string_view member);

// The bytes a brotli stream (RFC 7932) unpacks to, or nullopt when it is not a valid stream.
std::optional<std::string> brotli_decompress(std::string_view stream);

}  // namespace cleanslate::server

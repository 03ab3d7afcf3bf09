// link_key.h — where the HMAC key for notification links comes from.
// Order: an explicit --link-key-file, else the CLEANSLATE_LINK_KEY environment variable,
// else var/link.key (created with 32 random bytes, hex-encoded, mode 0600, on first run).
// The key is the file's text without trailing whitespace, so a key can also be pasted in.
#pragma once
#include <optional>
#include <string>

namespace cleanslate::server {

constexpr const char* kDefaultLinkKeyFile = "var/link.key";
constexpr size_t kShortestLinkKey = 16;

struct LinkKeySource {
    std::string explicit_file;  // from --link-key-file; empty when not given
    bool create_if_missing = true;  // the server may create a key; the mint command may not
};

struct LinkKey {
    std::string key;
    std::string origin;  // for the start-up message: a file path or "CLEANSLATE_LINK_KEY"
};

// nullopt with `error` set when no usable key (at least kShortestLinkKey characters) is found.
std::optional<LinkKey> load_link_key(const LinkKeySource& source, std::string& error);

}  // namespace cleanslate::server

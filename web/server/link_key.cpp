// link_key.cpp — reading, or creating, the link key.
#include "link_key.h"

#include <sys/random.h>
#include <sys/stat.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "file_text.h"

namespace cleanslate::server {

namespace fs = std::filesystem;

namespace {

std::string without_trailing_whitespace(std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    return text;
}

std::optional<std::string> read_key_file(const fs::path& path) {
    auto text = read_whole_file(path);
    if (!text) return std::nullopt;
    return without_trailing_whitespace(std::move(*text));
}

// 32 bytes from the kernel's CSPRNG, as 64 hex characters.
std::optional<std::string> random_hex_key() {
    std::array<unsigned char, 32> bytes{};
    if (getrandom(bytes.data(), bytes.size(), 0) != ssize_t(bytes.size())) return std::nullopt;
    static const char kHexDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char b : bytes) {
        hex.push_back(kHexDigits[b >> 4]);
        hex.push_back(kHexDigits[b & 15]);
    }
    return hex;
}

bool create_key_file(const fs::path& path, std::string& error) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    auto key = random_hex_key();
    if (!key) {
        error = "no random bytes available to create " + path.string();
        return false;
    }
    const mode_t previous_mask = umask(077);  // readable by the server's user only
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << *key << '\n';
    out.close();
    umask(previous_mask);
    if (!out) {
        error = "cannot write " + path.string();
        return false;
    }
    return true;
}

std::optional<LinkKey> checked(LinkKey key, std::string& error) {
    if (key.key.size() < kShortestLinkKey) {
        error = "link key from " + key.origin + " is shorter than " + std::to_string(kShortestLinkKey) +
                " characters";
        return std::nullopt;
    }
    return key;
}

}  // namespace

std::optional<LinkKey> load_link_key(const LinkKeySource& source, std::string& error) {
    if (!source.explicit_file.empty()) {
        auto key = read_key_file(source.explicit_file);
        if (!key && source.create_if_missing && !fs::exists(source.explicit_file)) {
            if (!create_key_file(source.explicit_file, error)) return std::nullopt;
            key = read_key_file(source.explicit_file);
        }
        if (!key) {
            error = "cannot read link key file " + source.explicit_file;
            return std::nullopt;
        }
        return checked({*key, source.explicit_file}, error);
    }
    if (const char* from_environment = std::getenv("CLEANSLATE_LINK_KEY"); from_environment && *from_environment)
        return checked({without_trailing_whitespace(from_environment), "CLEANSLATE_LINK_KEY"}, error);

    auto key = read_key_file(kDefaultLinkKeyFile);
    if (!key && source.create_if_missing) {
        if (!create_key_file(kDefaultLinkKeyFile, error)) return std::nullopt;
        key = read_key_file(kDefaultLinkKeyFile);
    }
    if (!key) {
        error = std::string("no link key: give --link-key-file, set CLEANSLATE_LINK_KEY, or start the server once to create ") +
                kDefaultLinkKeyFile;
        return std::nullopt;
    }
    return checked({*key, kDefaultLinkKeyFile}, error);
}

}  // namespace cleanslate::server

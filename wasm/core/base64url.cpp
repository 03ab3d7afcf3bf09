// base64url.cpp — RFC 4648 §5 encoding and strict decoding.
#include "core/base64url.h"

#include <cstdint>

namespace cleanslate {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The 6-bit value of a base64url character, or -1 for any other character.
int sextet_of(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

}  // namespace

// --- Encoding ---------------------------------------------------------------------
std::string base64url_encode(std::string_view bytes) {
    std::string text;
    text.reserve((bytes.size() * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        uint32_t group = (uint32_t(uint8_t(bytes[i])) << 16) | (uint32_t(uint8_t(bytes[i + 1])) << 8) |
                         uint32_t(uint8_t(bytes[i + 2]));
        text.push_back(kAlphabet[(group >> 18) & 63]);
        text.push_back(kAlphabet[(group >> 12) & 63]);
        text.push_back(kAlphabet[(group >> 6) & 63]);
        text.push_back(kAlphabet[group & 63]);
    }
    const size_t rest = bytes.size() - i;
    if (rest == 1) {
        uint32_t group = uint32_t(uint8_t(bytes[i])) << 16;
        text.push_back(kAlphabet[(group >> 18) & 63]);
        text.push_back(kAlphabet[(group >> 12) & 63]);
    } else if (rest == 2) {
        uint32_t group = (uint32_t(uint8_t(bytes[i])) << 16) | (uint32_t(uint8_t(bytes[i + 1])) << 8);
        text.push_back(kAlphabet[(group >> 18) & 63]);
        text.push_back(kAlphabet[(group >> 12) & 63]);
        text.push_back(kAlphabet[(group >> 6) & 63]);
    }
    return text;
}

// --- Decoding ---------------------------------------------------------------------
std::optional<std::string> base64url_decode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;  // one character carries only 6 bits
    std::string bytes;
    bytes.reserve(text.size() * 3 / 4);
    uint32_t buffer = 0;
    int buffered_bits = 0;
    for (char c : text) {
        int sextet = sextet_of(c);
        if (sextet < 0) return std::nullopt;
        buffer = (buffer << 6) | uint32_t(sextet);
        buffered_bits += 6;
        if (buffered_bits >= 8) {
            buffered_bits -= 8;
            bytes.push_back(char((buffer >> buffered_bits) & 0xff));
        }
    }
    // Bits left over after the last whole byte must be zero in the canonical encoding.
    const uint32_t leftover = buffer & ((1u << buffered_bits) - 1);
    if (leftover != 0) return std::nullopt;
    return bytes;
}

}  // namespace cleanslate

// secrets.cpp — libsodium's randombytes and the core's SHA-256.
#include "auth/secrets.h"

#include <sodium.h>

#include "core/base64url.h"
#include "core/sha256.h"

namespace cleanslate::server {

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return base64url_encode(std::string(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string random_digits(int digits) {
    std::string text;
    for (int i = 0; i < digits; ++i) text.push_back(char('0' + randombytes_uniform(10)));
    return text;
}

std::string sha256_hex(std::string_view text) { return to_hex(sha256(text)); }

bool equal_in_constant_time(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace cleanslate::server

// secrets.h — random values the helpdesk hands out, and comparing them safely.
// Everything comes from the kernel's CSPRNG (libsodium's randombytes).
#pragma once
#include <string>
#include <string_view>

namespace cleanslate::server {

// 32 random bytes as base64url (43 characters): session cookies and CSRF tokens.
std::string random_token();

// `digits` random decimal digits, uniformly drawn ("048213"): session and case codes.
std::string random_digits(int digits);

// Hex SHA-256, for storing a secret by its hash (session cookies).
std::string sha256_hex(std::string_view text);

// Compares in time that does not depend on where the texts differ.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace cleanslate::server

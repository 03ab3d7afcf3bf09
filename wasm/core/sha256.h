// sha256.h — SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) in portable C++17.
// The server and the wizard both sign or check notification links with this one
// implementation, so they agree by construction; no OpenSSL is needed in the browser.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cleanslate {

using Sha256Digest = std::array<uint8_t, 32>;

// --- Incremental hashing --------------------------------------------------------
// For data that arrives in pieces (a file read in chunks); sha256() below is the
// one-call form. finish() may be called once.
class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    Sha256Digest finish();

private:
    void compress_block(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> pending_{};
    size_t pending_size_ = 0;
    uint64_t total_bytes_ = 0;
};

// --- One-call helpers -----------------------------------------------------------
Sha256Digest sha256(std::string_view data);
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

// Lower-case hexadecimal, 64 characters.
std::string to_hex(const Sha256Digest& digest);

// Compares without an early exit, so response timing does not reveal how many leading
// bytes of a forged signature were right.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace cleanslate

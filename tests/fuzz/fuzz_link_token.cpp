// Fuzzes reading a link token: with the key (the server) and without it (the wizard).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/link_token.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view token(reinterpret_cast<const char*>(data), size);
    const auto verified = cleanslate::verify_link_token(token, "fuzz-link-key-0123456789", 1767261600);
    // Nothing but the key can make a token genuine.
    if (verified.status == cleanslate::LinkStatus::ok || verified.status == cleanslate::LinkStatus::expired) {
        const std::string again = cleanslate::mint_link_token(verified.payload, "fuzz-link-key-0123456789");
        if (again.empty()) __builtin_trap();
    }
    cleanslate::parse_link_token(token, 1767261600);
    cleanslate::link_token_from_fragment(token);
    return 0;
}

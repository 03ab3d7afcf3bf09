// Fuzzes the HTTP/1.1 request head parser the server's event loop feeds every byte to.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/request_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    cleanslate::server::Request request;
    cleanslate::server::RequestFraming framing;
    const auto parsed = cleanslate::server::parse_request_head(bytes, cleanslate::server::HeadLimits{}, request, framing);
    if (parsed.state == cleanslate::server::HeadParse::State::complete) {
        if (parsed.head_bytes > bytes.size() || request.target.empty() || request.target[0] != '/') __builtin_trap();
        request.query_parameter("limit");
        request.cookie("__Host-cleanslate_session");
    }
    // Fed a byte at a time, the incremental search finds the same end.
    size_t searched = 0;
    std::optional<size_t> end;
    for (size_t i = 1; i <= bytes.size() && !end; ++i) end = cleanslate::server::find_head_end(bytes.substr(0, i), searched);
    size_t fresh = 0;
    if (end != cleanslate::server::find_head_end(bytes, fresh)) __builtin_trap();
    return 0;
}

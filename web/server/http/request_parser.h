// request_parser.h — reading an HTTP/1.1 request head (RFC 9112) from the bytes received
// so far. Pure: no sockets, no clocks, so it is unit-tested and fuzzed on its own.
//
// Strict where leniency is an attack surface: a body is framed only by Content-Length
// (a chunked request body is refused with 411, and Content-Length together with
// Transfer-Encoding with 400, so no two readers can disagree on where a request ends);
// duplicate Content-Length values must agree; folded header lines are refused; HTTP/1.1
// requests must name one Host. Lenient where clients differ harmlessly: a bare LF ends a
// line as well as CRLF, and empty lines before the request line are skipped.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/http_message.h"

namespace cleanslate::server {

struct HeadLimits {
    size_t longest_request_line = 8 * 1024;  // 414 beyond
    size_t largest_head = 16 * 1024;         // request line and headers; 431 beyond
    size_t most_headers = 100;               // 431 beyond
};

// How the rest of the request is framed, and what the client asked of the connection.
struct RequestFraming {
    uint64_t content_length = 0;  // bytes of body that follow the head
    bool keep_alive = true;       // HTTP/1.1 default; "Connection: close" or HTTP/1.0 turns it off
    bool expects_continue = false;
    bool http_1_0 = false;        // an HTTP/1.0 client that keeps the connection needs to be told so
};

struct HeadParse {
    enum class State { incomplete, complete, refused } state = State::incomplete;
    size_t head_bytes = 0;  // complete: how many bytes of the buffer the head took
    int status = 0;         // refused: the status to answer with (400, 411, 414, 417, 431, 501, 505)
    const char* reason = "";  // refused: a short English explanation for the JSON error
};

// Where the head ends in `buffer` (the index just past its blank line), or nullopt when it
// has not all arrived. `searched` carries how far earlier calls looked, so bytes that
// trickle in one at a time are each looked at a bounded number of times.
std::optional<size_t> find_head_end(std::string_view buffer, size_t& searched);

// Parses `buffer` (everything received for this request so far). On `complete`, fills the
// request's method, target, path, query and headers, and `framing`. `incomplete` means
// more bytes are needed and none of the limits is exceeded yet.
HeadParse parse_request_head(std::string_view buffer, const HeadLimits& limits, Request& request,
                             RequestFraming& framing);

}  // namespace cleanslate::server

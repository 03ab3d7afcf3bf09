// content_negotiation.h — reading the request headers that choose what to send:
// Accept-Encoding (gzip or not) and If-None-Match (send 304 Not Modified).
#pragma once
#include <string_view>

namespace cleanslate::server {

// True when the client accepts gzip: "gzip" or "*" listed without q=0.
bool accepts_gzip(std::string_view accept_encoding);

// True when an If-None-Match header names this entity tag (or is "*"). Weak comparison,
// as RFC 9110 §13.1.2 asks for: W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace cleanslate::server

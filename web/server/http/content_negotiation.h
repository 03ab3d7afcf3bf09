// content_negotiation.h — reading the request headers that choose what to send:
// Accept-Encoding (brotli, gzip or the file as it is) and If-None-Match (304 Not Modified).
#pragma once
#include <string_view>

namespace cleanslate::server {

enum class ContentCoding { identity, gzip, brotli };

// The coding to send, among those the file has: the one the client rates highest (a coding
// not listed takes the q of "*", else it is not acceptable); brotli on a tie, being smaller.
// No header, or nothing acceptable: identity.
ContentCoding choose_coding(std::string_view accept_encoding, bool have_gzip, bool have_brotli);

// True when an If-None-Match header names this entity tag (or is "*"). Weak comparison,
// as RFC 9110 §13.1.2 asks for: W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace cleanslate::server

// base64url.h — the URL- and filename-safe Base64 alphabet of RFC 4648 §5, without padding.
// Notification links carry their payload and signature in this form so they survive
// e-mail clients and URL fragments unchanged.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cleanslate {

// Encodes bytes as base64url with no '=' padding.
std::string base64url_encode(std::string_view bytes);

// Decodes unpadded base64url. Returns nullopt for anything that is not the canonical
// encoding of some byte string: characters outside A-Z a-z 0-9 - _, padding, a length
// that leaves one dangling character, or non-zero unused bits in the last character.
// Being strict means every byte string has exactly one accepted text, so a token cannot
// be altered in a way that still decodes to the same signature.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace cleanslate

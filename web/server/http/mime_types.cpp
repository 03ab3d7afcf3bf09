// mime_types.cpp — the extension table.
#include "http/mime_types.h"

#include <cctype>

namespace cleanslate::server {

namespace {

struct MimeMapping {
    const char* extension;
    const char* mime_type;
};

// Text types carry a charset so non-ASCII Dutch text never depends on browser guessing.
constexpr MimeMapping kMimeTypes[] = {
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"webmanifest", "application/manifest+json; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"wasm", "application/wasm"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"gif", "image/gif"},
    {"ico", "image/x-icon"},
    {"woff2", "font/woff2"},
    {"woff", "font/woff"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"mp3", "audio/mpeg"},
    {"ogg", "audio/ogg"},
    {"webm", "video/webm"},
    {"mp4", "video/mp4"},
    {"map", "application/json; charset=utf-8"},
    {"xml", "application/xml; charset=utf-8"},
};

std::string lower_case(std::string_view text) {
    std::string lowered(text);
    for (char& c : lowered) c = char(std::tolower(static_cast<unsigned char>(c)));
    return lowered;
}

}  // namespace

std::string mime_type_for(std::string_view path) {
    const size_t slash = path.rfind('/');
    const size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return "application/octet-stream";
    const std::string extension = lower_case(path.substr(dot + 1));
    for (const MimeMapping& mapping : kMimeTypes)
        if (extension == mapping.extension) return mapping.mime_type;
    return "application/octet-stream";
}

bool is_compressible(std::string_view mime_type) {
    return mime_type.substr(0, 5) == "text/" || mime_type.substr(0, 16) == "application/json" ||
           mime_type.substr(0, 25) == "application/manifest+json" || mime_type == "application/wasm" ||
           mime_type == "image/svg+xml" || mime_type.substr(0, 15) == "application/xml" ||
           mime_type == "font/ttf" || mime_type == "font/otf" || mime_type == "image/x-icon";
}

}  // namespace cleanslate::server

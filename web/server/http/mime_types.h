// mime_types.h — Content-Type for the files a wizard site contains.
#pragma once
#include <string>
#include <string_view>

namespace cleanslate::server {

// By file extension, case-insensitively; "application/octet-stream" for anything unknown
// (with nosniff, a browser will then not run it as script or render it as a page).
std::string mime_type_for(std::string_view path);

// Whether gzip is worth trying: text and wasm shrink, images and fonts are compressed already.
bool is_compressible(std::string_view mime_type);

}  // namespace cleanslate::server

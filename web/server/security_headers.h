// security_headers.h — headers sent with every response, pages and API alike.
#pragma once
#include <httplib.h>

namespace cleanslate::server {

// The Content-Security-Policy. The wizard is one page of same-origin files: no inline
// script or style, no third-party hosts. 'wasm-unsafe-eval' lets the page compile its
// WebAssembly without allowing JavaScript eval. blob: covers recorded voice notes and
// saved reports; data: covers small inline images.
extern const char* const kContentSecurityPolicy;

httplib::Headers security_headers();

}  // namespace cleanslate::server

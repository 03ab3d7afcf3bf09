// security_headers.h — headers sent with every response, pages and API alike.
#pragma once
#include "http/http_message.h"

namespace cleanslate::server {

// The Content-Security-Policy. The wizard is one page of same-origin files: no inline
// script or style, no third-party hosts. 'wasm-unsafe-eval' lets the page compile its
// WebAssembly without allowing JavaScript eval. blob: covers recorded voice notes and
// saved reports; data: covers small inline images.
extern const char* const kContentSecurityPolicy;

// The CSP plus nosniff, no referrer, no framing, same-origin isolation, HSTS (browsers honour
// it only over HTTPS, where the provider serves this) and a Permissions-Policy that leaves
// the page only the microphone (voice notes) and nothing else a phone could be asked for.
HeaderList security_headers();

}  // namespace cleanslate::server

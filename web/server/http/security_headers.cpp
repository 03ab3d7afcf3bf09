// security_headers.cpp — the header values, in one place so the lead's index.html and
// this server agree on what the page may do.
#include "http/security_headers.h"

namespace cleanslate::server {

const char* const kContentSecurityPolicy =
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'; "
    "img-src 'self' data: blob:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "media-src 'self' blob:; "
    "worker-src 'self'; "
    "manifest-src 'self'; "
    "object-src 'none'; "
    "base-uri 'none'; "
    "form-action 'none'; "
    "frame-ancestors 'none'";

HeaderList security_headers() {
    return {
        {"Content-Security-Policy", kContentSecurityPolicy},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        // Older browsers that ignore frame-ancestors: a phishing page must not frame the wizard.
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
        {"Permissions-Policy",
         "microphone=(self), camera=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), "
         "midi=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=()"},
    };
}

}  // namespace cleanslate::server

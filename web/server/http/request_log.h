// request_log.h — one line per request on stdout, safe to keep.
// It holds time, method, path, status and size, and nothing a customer typed or was sent:
// no query string, no request or response body (link tokens, their evidence and
// credentials, reports), no client address, no cookie.
#pragma once
#include <string>

#include "http/http_server.h"

namespace cleanslate::server {

std::string request_log_line(const ExchangeSummary& exchange);

// A path as it may appear in the log: non-printable bytes escaped, at most 200 characters.
std::string loggable_path(const std::string& path);

}  // namespace cleanslate::server

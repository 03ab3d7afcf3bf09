// http_message.h — a request as the handlers see it and the response they fill in.
// Plain data: the transport (http_server.*) parses into a Request and serialises a Response;
// nothing here does I/O.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cleanslate::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// --- Request ---------------------------------------------------------------------------
struct Request {
    std::string method;   // "GET", "POST", ... (HEAD is answered by GET routes)
    std::string target;   // as sent: "/api/report?x=1"
    std::string path;     // percent-decoded, without the query: "/api/report"
    std::string query;    // raw, without '?'
    HeaderList headers;   // names lower-cased, values trimmed, in arrival order
    std::string body;
    std::string client_address;       // the peer's IP, for rate limits only: never logged or stored
    std::vector<std::string> params;  // what a route's {placeholders} matched, in order

    // The first header of that (lower-case) name, or empty.
    std::string_view header(std::string_view lower_case_name) const;
    // A query parameter, percent-decoded ("+" is a space); empty when absent.
    std::string query_parameter(std::string_view name) const;
    // A cookie's value from the Cookie header; empty when absent.
    std::string cookie(std::string_view name) const;
};

// --- Response --------------------------------------------------------------------------
struct Response {
    int status = 200;
    HeaderList headers;  // the security headers are added by the transport
    std::string body;
    // Static files: the bytes are shared with the site, never copied per request.
    std::shared_ptr<const std::string> shared_body;
    size_t shared_offset = 0;
    size_t shared_length = 0;

    void set_header(std::string name, std::string value);
    std::string_view header(std::string_view name) const;  // case-insensitive; empty when absent
    void share_body(std::shared_ptr<const std::string> bytes, size_t offset, size_t length);
    size_t body_size() const { return shared_body ? shared_length : body.size(); }
    std::string_view body_view() const {
        return shared_body ? std::string_view(*shared_body).substr(shared_offset, shared_length)
                           : std::string_view(body);
    }
};

// The reason phrase for a status code ("Not Found").
const char* status_reason(int status);

// Percent-decodes a URL path or query part. `plus_is_space` for query strings. False on a
// malformed escape ("%G1", a lone "%") or an encoded NUL.
bool percent_decode(std::string_view text, std::string& decoded, bool plus_is_space);

}  // namespace cleanslate::server

// http_message.cpp — header and query look-ups, percent-decoding, reason phrases.
#include "http/http_message.h"

#include "http/text.h"

#include <cctype>

namespace cleanslate::server {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

// --- Request ---------------------------------------------------------------------------
std::string_view Request::header(std::string_view lower_case_name) const {
    for (const auto& [name, value] : headers)
        if (name == lower_case_name) return value;
    return {};
}

std::string Request::query_parameter(std::string_view wanted) const {
    std::string_view rest = query;
    while (!rest.empty()) {
        const size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const size_t equals = pair.find('=');
        std::string name, value;
        if (percent_decode(pair.substr(0, equals), name, true) && name == wanted) {
            if (equals == std::string_view::npos) return {};
            return percent_decode(pair.substr(equals + 1), value, true) ? value : std::string();
        }
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return {};
}

std::string Request::cookie(std::string_view wanted) const {
    // Browsers send one Cookie header of "a=1; b=2" pairs.
    std::string_view rest = header("cookie");
    while (!rest.empty()) {
        const size_t semicolon = rest.find(';');
        const std::string_view pair = trim_spaces(rest.substr(0, semicolon));
        const size_t equals = pair.find('=');
        if (equals != std::string_view::npos && trim_spaces(pair.substr(0, equals)) == wanted)
            return std::string(trim_spaces(pair.substr(equals + 1)));
        if (semicolon == std::string_view::npos) break;
        rest.remove_prefix(semicolon + 1);
    }
    return {};
}

// --- Response --------------------------------------------------------------------------
void Response::set_header(std::string name, std::string value) {
    for (auto& [existing, old_value] : headers)
        if (equals_ignoring_case(existing, name)) {
            old_value = std::move(value);
            return;
        }
    headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::header(std::string_view name) const {
    for (const auto& [existing, value] : headers)
        if (equals_ignoring_case(existing, name)) return value;
    return {};
}

void Response::share_body(std::shared_ptr<const std::string> bytes, size_t offset, size_t length) {
    body.clear();
    shared_body = std::move(bytes);
    shared_offset = offset;
    shared_length = length;
}

const char* status_reason(int status) {
    switch (status) {
        case 100: return "Continue";
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 206: return "Partial Content";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 410: return "Gone";
        case 411: return "Length Required";
        case 413: return "Content Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 416: return "Range Not Satisfiable";
        case 417: return "Expectation Failed";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        case 505: return "HTTP Version Not Supported";
        default: return "Unknown";
    }
}

bool percent_decode(std::string_view text, std::string& decoded, bool plus_is_space) {
    decoded.clear();
    decoded.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return false;
            const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) return false;
            const char byte = char(high * 16 + low);
            if (byte == '\0') return false;
            decoded.push_back(byte);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            decoded.push_back(' ');
        } else {
            decoded.push_back(c);
        }
    }
    return true;
}

}  // namespace cleanslate::server

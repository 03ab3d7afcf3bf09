// request_parser.cpp — request line, header fields, framing.
#include "http/request_parser.h"

#include "http/text.h"

#include <cctype>

namespace cleanslate::server {

namespace {

HeadParse refuse(int status, const char* reason) {
    HeadParse result;
    result.state = HeadParse::State::refused;
    result.status = status;
    result.reason = reason;
    return result;
}

// RFC 9110 §5.6.2 token characters.
bool is_token_char(unsigned char c) {
    if (std::isalnum(c)) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
        case '-': case '.': case '^': case '_': case '`': case '|': case '~': return true;
        default: return false;
    }
}

bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (unsigned char c : text)
        if (!is_token_char(c)) return false;
    return true;
}

// Field values: visible characters, spaces, tabs and obs-text; never CR, LF, NUL or other controls.
bool is_field_value(std::string_view text) {
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    return true;
}

// Whether a comma-separated header value lists `token` (case-insensitively).
bool lists_token(std::string_view value, std::string_view token) {
    while (!value.empty()) {
        const size_t comma = value.find(',');
        if (equals_ignoring_case(trim_spaces(value.substr(0, comma)), token)) return true;
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
    }
    return false;
}

// Splits off the next line (without its CR LF or LF); false when none is left.
bool next_line(std::string_view& rest, std::string_view& line) {
    if (rest.empty()) return false;
    const size_t newline = rest.find('\n');
    line = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
}

}  // namespace

std::optional<size_t> find_head_end(std::string_view buffer, size_t& searched) {
    // The head ends at "\n\r\n" or "\n\n"; step back far enough to catch one split across reads.
    size_t at = searched > 2 ? searched - 2 : 0;
    while (true) {
        const size_t newline = buffer.find('\n', at);
        if (newline == std::string_view::npos) break;
        if (newline + 1 < buffer.size() && buffer[newline + 1] == '\n') return newline + 2;
        if (newline + 2 < buffer.size() && buffer[newline + 1] == '\r' && buffer[newline + 2] == '\n')
            return newline + 3;
        at = newline + 1;
    }
    searched = buffer.size();
    return std::nullopt;
}

HeadParse parse_request_head(std::string_view buffer, const HeadLimits& limits, Request& request,
                             RequestFraming& framing) {
    // Empty lines before the request line are allowed (RFC 9112 §2.2).
    size_t leading = 0;
    while (leading < buffer.size() && (buffer[leading] == '\r' || buffer[leading] == '\n') && leading < 16) ++leading;
    const std::string_view from_request_line = buffer.substr(leading);

    size_t searched = 0;
    const std::optional<size_t> end = find_head_end(from_request_line, searched);
    if (!end) {
        const size_t first_newline = from_request_line.find('\n');
        if ((first_newline == std::string_view::npos ? from_request_line.size() : first_newline) >
            limits.longest_request_line)
            return refuse(414, "request line too long");
        if (from_request_line.size() > limits.largest_head) return refuse(431, "request headers too large");
        return {};
    }
    if (*end > limits.largest_head) {
        const size_t first_newline = from_request_line.find('\n');
        return first_newline > limits.longest_request_line ? refuse(414, "request line too long")
                                                          : refuse(431, "request headers too large");
    }

    std::string_view rest = from_request_line.substr(0, *end);
    std::string_view line;

    // --- Request line: method SP request-target SP HTTP-version -------------------------
    next_line(rest, line);
    if (line.size() > limits.longest_request_line) return refuse(414, "request line too long");
    const size_t first_space = line.find(' ');
    const size_t second_space = first_space == std::string_view::npos ? first_space : line.find(' ', first_space + 1);
    if (second_space == std::string_view::npos || line.find(' ', second_space + 1) != std::string_view::npos)
        return refuse(400, "malformed request line");
    const std::string_view method = line.substr(0, first_space);
    const std::string_view target = line.substr(first_space + 1, second_space - first_space - 1);
    const std::string_view version = line.substr(second_space + 1);
    if (!is_token(method) || method.size() > 16) return refuse(400, "malformed method");
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || !std::isdigit(static_cast<unsigned char>(version[5])) ||
        version[6] != '.' || !std::isdigit(static_cast<unsigned char>(version[7])))
        return refuse(400, "malformed HTTP version");
    if (version[5] != '1') return refuse(505, "only HTTP/1.x is spoken here");
    const bool http_1_0 = version[7] == '0';

    // Origin form only ("/path?query"): no absolute URLs (we are no proxy), no "*".
    if (target.empty() || target.front() != '/') return refuse(400, "request target must start with '/'");
    for (unsigned char c : target)
        if (c <= 0x20 || c >= 0x7f) return refuse(400, "request target has a character that must be encoded");
    const size_t question = target.find('?');
    std::string path;
    if (!percent_decode(target.substr(0, question), path, false)) return refuse(400, "malformed percent-encoding");

    // --- Header fields ---------------------------------------------------------------------
    HeaderList headers;
    while (next_line(rest, line) && !line.empty()) {
        if (line.front() == ' ' || line.front() == '\t') return refuse(400, "folded header lines are not accepted");
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) return refuse(400, "header line without a colon");
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trim_spaces(line.substr(colon + 1));
        if (!is_token(name)) return refuse(400, "malformed header name");
        if (!is_field_value(value)) return refuse(400, "header value with control characters");
        if (headers.size() >= limits.most_headers) return refuse(431, "too many header lines");
        headers.emplace_back(lower_case(name), std::string(value));
    }

    // --- Framing and connection -------------------------------------------------------------
    RequestFraming found;
    found.keep_alive = !http_1_0;
    found.http_1_0 = http_1_0;
    std::optional<uint64_t> content_length;
    int hosts = 0;
    bool transfer_encoding = false;
    for (const auto& [name, value] : headers) {
        if (name == "content-length") {
            const auto length = parse_decimal(value);
            if (!length) return refuse(400, "malformed Content-Length");
            if (content_length && *content_length != *length) return refuse(400, "conflicting Content-Length");
            content_length = length;
        } else if (name == "transfer-encoding") {
            transfer_encoding = true;
        } else if (name == "host") {
            ++hosts;
        } else if (name == "connection") {
            if (lists_token(value, "close")) found.keep_alive = false;
            else if (lists_token(value, "keep-alive") && http_1_0) found.keep_alive = true;
        } else if (name == "expect") {
            if (!equals_ignoring_case(value, "100-continue")) return refuse(417, "only Expect: 100-continue is understood");
            found.expects_continue = true;
        }
    }
    if (transfer_encoding && content_length) return refuse(400, "both Transfer-Encoding and Content-Length");
    if (transfer_encoding) return refuse(411, "send the body with a Content-Length, not chunked");
    if (!http_1_0 && hosts != 1) return refuse(400, "an HTTP/1.1 request names exactly one Host");
    found.content_length = content_length.value_or(0);

    request.method = std::string(method);
    request.target = std::string(target);
    request.path = std::move(path);
    request.query = question == std::string_view::npos ? std::string() : std::string(target.substr(question + 1));
    request.headers = std::move(headers);
    framing = found;

    HeadParse result;
    result.state = HeadParse::State::complete;
    result.head_bytes = leading + *end;
    return result;
}

}  // namespace cleanslate::server

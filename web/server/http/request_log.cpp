// request_log.cpp — formatting the access log line.
#include "http/request_log.h"

#include <cstdio>
#include <ctime>

namespace cleanslate::server {

std::string loggable_path(const std::string& path) {
    constexpr size_t kLongestLoggedPath = 200;
    std::string text;
    for (unsigned char c : path) {
        if (text.size() >= kLongestLoggedPath) {
            text += "...";
            break;
        }
        if (c < 0x20 || c >= 0x7f || c == '"') {  // no forged log lines, no terminal escapes
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            text += escaped;
        } else {
            text.push_back(char(c));
        }
    }
    return text;
}

std::string request_log_line(const ExchangeSummary& exchange) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
    const Request& request = *exchange.request;
    return std::string(when) + " " + loggable_path(request.method) + " \"" + loggable_path(request.path) + "\" " +
           std::to_string(exchange.status) + " " + std::to_string(exchange.body_bytes) +
           (exchange.content_encoding.empty() ? "" : " " + std::string(exchange.content_encoding));
}

}  // namespace cleanslate::server

// request_log.cpp — formatting the access log line.
#include "request_log.h"

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

std::string request_log_line(const httplib::Request& request, const httplib::Response& response) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);

    const size_t bytes = response.body.size() + response.content_length_;
    const std::string encoding = response.get_header_value("Content-Encoding");
    return std::string(when) + " " + loggable_path(request.method) + " \"" + loggable_path(request.path) + "\" " +
           std::to_string(response.status) + " " + std::to_string(bytes) + (encoding.empty() ? "" : " " + encoding);
}

}  // namespace cleanslate::server

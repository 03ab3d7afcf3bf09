// router.cpp — segment matching, first route added wins.
#include "http/router.h"

#include <cctype>

namespace cleanslate::server {

namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
    std::vector<std::string_view> segments;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    while (true) {
        const size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool is_parameter_value(std::string_view segment) {
    if (segment.empty() || segment.size() > 64) return false;
    for (unsigned char c : segment)
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

void Router::add(Route route) {
    auto compiled = std::make_unique<CompiledRoute>();
    std::string_view pattern = route.pattern;
    if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == "/*") {
        compiled->prefix = true;
        pattern.remove_suffix(2);
    }
    if (!pattern.empty())
        for (std::string_view segment : split_segments(pattern))
            compiled->segments.emplace_back(segment.size() > 1 && segment.front() == '{' ? "{}" : std::string(segment));
    compiled->route = std::move(route);
    routes_.push_back(std::move(compiled));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    const std::vector<std::string_view> segments = split_segments(path);
    const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
    RouteMatch result;
    for (const auto& compiled : routes_) {
        const auto& pattern = compiled->segments;
        if (compiled->prefix ? segments.size() < pattern.size() : segments.size() != pattern.size()) continue;
        std::vector<std::string> params;
        bool matches = true;
        for (size_t i = 0; i < pattern.size() && matches; ++i) {
            if (pattern[i] == "{}") {
                matches = is_parameter_value(segments[i]);
                if (matches) params.emplace_back(segments[i]);
            } else {
                matches = pattern[i] == segments[i];
            }
        }
        if (!matches) continue;
        if (compiled->route.method == wanted) {
            result.route = &compiled->route;
            result.params = std::move(params);
            return result;
        }
        if (compiled->prefix) continue;  // a catch-all for files does not make every path "exist"
        const std::string allowed =
            compiled->route.method == "GET" ? std::string("GET, HEAD") : compiled->route.method;
        if (result.allowed_methods.find(allowed) == std::string::npos)
            result.allowed_methods += (result.allowed_methods.empty() ? "" : ", ") + allowed;
    }
    return result;
}

}  // namespace cleanslate::server

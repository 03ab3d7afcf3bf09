// content_negotiation.cpp — small, strict parsers for two list-valued headers.
#include "http/content_negotiation.h"

#include "http/text.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace cleanslate::server {

namespace {

// Calls visit(item) for each comma-separated, trimmed, non-empty item.
template <typename Visit>
void for_each_list_item(std::string_view list, Visit visit) {
    while (!list.empty()) {
        const size_t comma = list.find(',');
        const std::string_view item = trim_spaces(list.substr(0, comma));
        if (!item.empty()) visit(item);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
}

// The q value of an Accept-Encoding item ("gzip;q=0.5" -> 0.5); 1 when absent.
double quality_of(std::string_view parameters) {
    const size_t q = parameters.find("q=");
    if (q == std::string_view::npos) return 1.0;
    const std::string number(trim_spaces(parameters.substr(q + 2)));
    return std::strtod(number.c_str(), nullptr);
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    bool gzip_quality_known = false, gzip_ok = false, any_ok = false;
    for_each_list_item(accept_encoding, [&](std::string_view item) {
        const size_t semicolon = item.find(';');
        const std::string_view coding = trim_spaces(item.substr(0, semicolon));
        const double quality = semicolon == std::string_view::npos ? 1.0 : quality_of(item.substr(semicolon + 1));
        if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) {
            gzip_quality_known = true;
            gzip_ok = quality > 0;
        } else if (coding == "*") {
            any_ok = quality > 0;
        }
    });
    return gzip_quality_known ? gzip_ok : any_ok;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    auto strip_weak = [](std::string_view tag) { return tag.substr(0, 2) == "W/" ? tag.substr(2) : tag; };
    bool matched = false;
    for_each_list_item(if_none_match, [&](std::string_view item) {
        if (item == "*" || strip_weak(item) == strip_weak(etag)) matched = true;
    });
    return matched;
}

}  // namespace cleanslate::server

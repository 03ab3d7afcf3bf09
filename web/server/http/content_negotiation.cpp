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

// The q the client gives each coding we can send; -1 when it does not list the coding.
struct CodingQualities {
    double gzip = -1, brotli = -1, any = -1;
    double of(double listed) const { return listed >= 0 ? listed : any >= 0 ? any : 0; }
};

CodingQualities coding_qualities(std::string_view accept_encoding) {
    CodingQualities q;
    for_each_list_item(accept_encoding, [&](std::string_view item) {
        const size_t semicolon = item.find(';');
        const std::string_view coding = trim_spaces(item.substr(0, semicolon));
        const double quality = semicolon == std::string_view::npos ? 1.0 : quality_of(item.substr(semicolon + 1));
        if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) q.gzip = quality;
        else if (equals_ignoring_case(coding, "br")) q.brotli = quality;
        else if (coding == "*") q.any = quality;
    });
    return q;
}

}  // namespace

ContentCoding choose_coding(std::string_view accept_encoding, bool have_gzip, bool have_brotli) {
    const CodingQualities q = coding_qualities(accept_encoding);
    const double gzip = have_gzip ? q.of(q.gzip) : 0, brotli = have_brotli ? q.of(q.brotli) : 0;
    if (brotli > 0 && brotli >= gzip) return ContentCoding::brotli;
    if (gzip > 0) return ContentCoding::gzip;
    return ContentCoding::identity;
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

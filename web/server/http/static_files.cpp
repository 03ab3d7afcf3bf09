// static_files.cpp — representation choice, conditional requests and ranges.
#include "http/static_files.h"

#include <optional>

#include "http/content_negotiation.h"
#include "http/json_body.h"
#include "http/text.h"

namespace cleanslate::server {

namespace {

struct ByteRange {
    size_t first = 0;
    size_t length = 0;
};

// nullopt: ignore the header (answer 200); a range with length 0: unsatisfiable (416).
std::optional<ByteRange> requested_range(std::string_view header, size_t size) {
    if (header.substr(0, 6) != "bytes=") return std::nullopt;
    const std::string_view spec = header.substr(6);
    if (spec.find(',') != std::string_view::npos) return std::nullopt;  // several ranges: send it all
    const size_t dash = spec.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const std::string_view first_text = spec.substr(0, dash), last_text = spec.substr(dash + 1);
    if (first_text.empty()) {  // "-N": the last N bytes
        const auto suffix = parse_decimal(last_text);
        if (!suffix) return std::nullopt;
        if (*suffix == 0 || size == 0) return ByteRange{0, 0};
        const size_t length = std::min(*suffix, size);
        return ByteRange{size - length, length};
    }
    const auto first = parse_decimal(first_text);
    if (!first) return std::nullopt;
    std::optional<size_t> last;
    if (!last_text.empty()) {
        last = parse_decimal(last_text);
        if (!last || *last < *first) return std::nullopt;  // invalid: ignored
    }
    if (*first >= size) return ByteRange{0, 0};
    const size_t end = last ? std::min(*last, size - 1) : size - 1;
    return ByteRange{*first, end - *first + 1};
}

}  // namespace

void serve_static_file(const StaticSite& site, const Request& request, Response& response) {
    if (!is_safe_url_path(request.path)) return send_error(response, 400, "bad path");
    const auto asset = site.find(request.path);
    if (!asset) return send_error(response, 404, "not found");

    const std::string_view range_header = request.header("range");
    const bool wants_range = !range_header.empty() && request.method == "GET";
    // A range is always of the file as it is, so a ranged request gets no content coding.
    const ContentCoding coding = wants_range ? ContentCoding::identity
                                             : choose_coding(request.header("accept-encoding"),
                                                             asset->gzipped.has_value(), asset->brotli.has_value());
    const bool send_gzip = coding == ContentCoding::gzip, send_brotli = coding == ContentCoding::brotli;
    response.set_header("Content-Type", asset->mime_type);
    response.set_header("Cache-Control", asset->cache_control);
    response.set_header("ETag", send_brotli ? asset->etag_brotli : send_gzip ? asset->etag_gzip : asset->etag);
    response.set_header("Accept-Ranges", "bytes");
    if (asset->gzipped || asset->brotli) response.set_header("Vary", "Accept-Encoding");

    // Any representation's tag means the client holds the current version.
    const std::string_view if_none_match = request.header("if-none-match");
    if (!if_none_match.empty() &&
        (etag_matches(if_none_match, asset->etag) || etag_matches(if_none_match, asset->etag_gzip) ||
         etag_matches(if_none_match, asset->etag_brotli))) {
        response.status = 304;
        return;
    }

    if (wants_range) {
        const std::string_view if_range = request.header("if-range");
        const bool range_still_valid = if_range.empty() || if_range == asset->etag;  // strong comparison
        const auto range = range_still_valid ? requested_range(range_header, asset->identity.size()) : std::nullopt;
        if (range && range->length == 0) {
            send_error(response, 416, "range not satisfiable");
            response.set_header("Content-Range", "bytes */" + std::to_string(asset->identity.size()));
            return;
        }
        if (range) {
            response.status = 206;
            response.set_header("Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                                     std::to_string(range->first + range->length - 1) + "/" +
                                                     std::to_string(asset->identity.size()));
            response.share_body(std::shared_ptr<const std::string>(asset, &asset->identity), range->first,
                                range->length);
            return;
        }
    }

    if (send_gzip || send_brotli) response.set_header("Content-Encoding", send_brotli ? "br" : "gzip");
    const std::string& bytes = send_brotli ? *asset->brotli : send_gzip ? *asset->gzipped : asset->identity;
    // Shares ownership of the asset, so the bytes outlive the response without a copy.
    response.share_body(std::shared_ptr<const std::string>(asset, &bytes), 0, bytes.size());
}

}  // namespace cleanslate::server

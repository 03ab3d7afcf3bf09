// http_routes.cpp — the request handlers.
#include "http_routes.h"

#include <cstdio>

#include "content_negotiation.h"
#include "core/json.h"
#include "json_response.h"
#include "core/link_token.h"
#include "report_api.h"
#include "request_log.h"
#include "security_headers.h"

namespace cleanslate::server {

namespace {

// --- JSON responses ---------------------------------------------------------------
const char* error_message_for(int status) {
    switch (status) {
        case 400: return "bad request";
        case 404: return "not found";
        case 405: return "method not allowed";
        case 413: return "request too large";
        case 414: return "request line too long";
        case 416: return "range not satisfiable";
        default: return status >= 500 ? "internal error" : "request refused";
    }
}

// --- Static files -------------------------------------------------------------------
void serve_static_file(const StaticSite& site, const httplib::Request& request, httplib::Response& response) {
    if (!is_safe_url_path(request.path)) return send_error(response, 400, "bad path");
    const auto asset = site.find(request.path);
    if (!asset) return send_error(response, 404, "not found");

    const ContentCoding coding = choose_coding(request.get_header_value("Accept-Encoding"),
                                               asset->gzipped.has_value(), asset->brotli.has_value());
    const bool send_gzip = coding == ContentCoding::gzip, send_brotli = coding == ContentCoding::brotli;
    response.set_header("Cache-Control", asset->cache_control);
    response.set_header("ETag", send_brotli ? asset->etag_brotli : send_gzip ? asset->etag_gzip : asset->etag);
    if (asset->gzipped || asset->brotli) response.set_header("Vary", "Accept-Encoding");

    // Any representation's tag means the client holds the current version.
    const std::string if_none_match = request.get_header_value("If-None-Match");
    if (!if_none_match.empty() &&
        (etag_matches(if_none_match, asset->etag) || etag_matches(if_none_match, asset->etag_gzip) ||
         etag_matches(if_none_match, asset->etag_brotli))) {
        response.status = 304;
        return;
    }

    const std::string& bytes = send_brotli ? *asset->brotli : send_gzip ? *asset->gzipped : asset->identity;
    if (send_gzip || send_brotli) response.set_header("Content-Encoding", send_brotli ? "br" : "gzip");
    if (bytes.empty()) return response.set_content("", asset->mime_type);
    // A sized content provider, not set_content: httplib would otherwise compress the body
    // a second time for clients that accept br or gzip. The provider shares ownership of the
    // asset, so the bytes outlive the response.
    response.set_content_provider(bytes.size(), asset->mime_type,
                                  [asset, &bytes](size_t offset, size_t length, httplib::DataSink& sink) {
                                      return sink.write(bytes.data() + offset, length);
                                  });
}

// --- Link verification ----------------------------------------------------------------
void verify_link(const RouteContext& context, const httplib::Request& request, httplib::Response& response) {
    const Json body = parse_json(request.body);
    const Json* token = json_member(body, "token");
    if (!token || !token->is_string())
        return send_error(response, 400, "expected a JSON object {\"token\": \"<payload>.<signature>\"}");
    const int64_t now = context.now();
    const LinkParseResult result = verify_link_token(token->get_ref<const std::string&>(), context.link_key, now);
    send_json(response, 200, Json{{"status", link_status_name(result.status)}, {"server_time", now}});
}

}  // namespace

// --- Wiring ---------------------------------------------------------------------------
void install_routes(httplib::Server& server, const RouteContext& context) {
    server.set_default_headers(security_headers());
    server.set_payload_max_length(kLargestRequestBody);

    server.Post("/api/link/verify", [context](const httplib::Request& request, httplib::Response& response) {
        verify_link(context, request, response);
    });
    // Before the catch-all below: httplib tries routes in the order they were added.
    if (context.reports) install_report_routes(server, ReportApiContext{context.reports, context.link_key, context.now});
    server.Get(".*", [site = context.site](const httplib::Request& request, httplib::Response& response) {
        serve_static_file(*site, request, response);
    });

    server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty() && response.content_length_ == 0)
            send_error(response, response.status, error_message_for(response.status));
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        send_error(response, 500, "internal error");  // the exception's text may echo request data: not logged
    });
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
        std::printf("%s\n", request_log_line(request, response).c_str());
        std::fflush(stdout);
    });
}

}  // namespace cleanslate::server

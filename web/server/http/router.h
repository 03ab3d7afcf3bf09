// router.h — which handler answers a request, decided from the head alone.
//
// A route is chosen before any body byte is read, so its limits apply up front: a body larger
// than the route allows is refused with 413 from its Content-Length, and a JSON route refuses
// any other Content-Type with 415 — a cross-site form or a text/plain fetch never reaches a
// handler, and never costs the server the body.
//
// Patterns are literal segments and {placeholders}: "/api/helpdesk/attention/{id}/handled".
// A placeholder matches one segment of 1–64 letters, digits, '-' or '_' (Request::params).
// A pattern ending in "/*" matches everything below its prefix (static files).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_message.h"

namespace cleanslate::server {

class EventStream;

using Handler = std::function<void(const Request&, Response&)>;
// A long-lived answer (server-sent events). The handler fills the head in `response`; with
// status 200 the connection stays open and whatever is sent through `stream` follows.
using StreamHandler = std::function<void(const Request&, Response& response, std::shared_ptr<EventStream> stream)>;

struct Route {
    std::string method;   // "GET" also answers HEAD
    std::string pattern;
    size_t largest_body = 0;     // 0: no body accepted
    bool json_body = false;      // the body must be Content-Type: application/json
    // Cheap, non-blocking handlers (static files, stream set-up) run on the event loop;
    // everything else waits for a worker thread.
    bool on_event_loop = false;
    Handler handler;
    StreamHandler stream_handler;  // instead of handler, for event streams
};

struct RouteMatch {
    const Route* route = nullptr;
    std::vector<std::string> params;
    std::string allowed_methods;  // when the path exists but not for this method: "GET, HEAD"
};

class Router {
public:
    void add(Route route);
    RouteMatch match(std::string_view method, std::string_view path) const;

private:
    struct CompiledRoute {
        Route route;
        std::vector<std::string> segments;  // "{}" for a placeholder
        bool prefix = false;                 // pattern ended in "/*"
    };
    std::vector<std::unique_ptr<CompiledRoute>> routes_;
};

}  // namespace cleanslate::server

// json_response.cpp — JSON answers for the API routes.
#include "json_response.h"

namespace cleanslate::server {

void send_json(httplib::Response& response, int status, const Json& body) {
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    // replace: a request may carry invalid UTF-8; echoing it back must not abort.
    response.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& response, int status, const std::string& message) {
    send_json(response, status, Json{{"error", message}});
}

}  // namespace cleanslate::server

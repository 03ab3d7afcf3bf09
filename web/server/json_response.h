// json_response.h — how every API answer is written: JSON, never cached, and errors as
// {"error": "..."} with the status code.
#pragma once
#include <httplib.h>
#include <string>

#include "core/json.h"

namespace cleanslate::server {

void send_json(httplib::Response& response, int status, const Json& body);
void send_error(httplib::Response& response, int status, const std::string& message);

}  // namespace cleanslate::server

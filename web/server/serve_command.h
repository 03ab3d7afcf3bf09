// serve_command.h — running the HTTP server until SIGINT or SIGTERM.
#pragma once
#include "command_line.h"

namespace cleanslate::server {

// Prints "Listening on <url>", a site summary and "Demo link: <url>" on stdout, then serves.
// Returns the process exit code: 0 after a clean stop, 1 when it cannot start.
int run_serve_command(const ServeOptions& options);

}  // namespace cleanslate::server

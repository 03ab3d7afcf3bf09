// mint_command.h — the abuse desk's way to make one notification link.
#pragma once
#include "command_line.h"

namespace cleanslate::server {

// Prints the link on stdout (one line, nothing else) so scripts can capture it; warnings
// and errors go to stderr. Exit code 0, or 2 for bad input, 1 when there is no key.
int run_mint_command(const MintOptions& options);

}  // namespace cleanslate::server

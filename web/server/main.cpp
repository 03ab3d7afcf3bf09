// main.cpp — cleanslate-server: the ISP-side service (see command_line.h for its commands).
#include <cstdio>
#include <string>
#include <vector>

#include "command_line.h"
#include "mint_command.h"
#include "serve_command.h"

int main(int argc, char** argv) {
    using namespace cleanslate::server;
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    std::string error;
    const auto command_line = parse_command_line(arguments, error);
    if (!command_line) {
        std::fprintf(stderr, "cleanslate-server: %s\n%s", error.c_str(), kUsage);
        return 2;
    }
    switch (command_line->command) {
        case CommandLine::Command::help: std::printf("%s", kUsage); return 0;
        case CommandLine::Command::mint: return run_mint_command(command_line->mint);
        case CommandLine::Command::serve: return run_serve_command(command_line->serve);
    }
    return 2;
}

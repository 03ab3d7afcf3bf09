// agents_command.cpp — reading the password safely and writing the account.
#include "agents_command.h"

#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

#include "auth/agent_password.h"
#include "store/open_store.h"

namespace cleanslate::desk {

namespace {

using namespace cleanslate::server;

int fail(const std::string& message, int status = 2) {
    std::cerr << "cleanslate-desk: " << message << "\n";
    return status;
}

// One line from stdin; on a terminal, without echo.
std::string read_password_line(const char* prompt) {
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        std::cerr << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

int run_agents_command(int argc, char** argv) {
    const std::string command = argv[1];
    std::string name, database = "var/cleanslate.db";
    bool generate = false;
    for (int i = 2; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--database" && i + 1 < argc) database = argv[++i];
        else if (argument == "--generate-password") generate = true;
        else if (argument.rfind("--", 0) != 0 && name.empty()) name = argument;
        else return fail("unknown argument '" + argument + "' (try --help)");
    }
    if (!is_agent_name(name)) return fail(command + " needs a NAME of 1-64 letters, digits, '.', '_', '-' or '@'");

    std::string password;
    if (generate) {
        password = generated_agent_password();
    } else {
        password = read_password_line("Password (at least 12 characters): ");
        if (isatty(STDIN_FILENO) && read_password_line("Once more: ") != password) return fail("the passwords differ");
    }
    if (const std::string problem = agent_password_problem(password); !problem.empty()) return fail(problem);

    std::string error;
    const auto store = open_store(database, StoreOptions{}, error);
    if (!store) return fail(error, 1);
    const std::string hash = hash_agent_password(password);
    if (hash.empty()) return fail("not enough memory to hash the password", 1);

    if (command == "add-agent") {
        Agent agent;
        agent.name = name;
        agent.password_hash = hash;
        agent.created_at = int64_t(std::time(nullptr));
        if (!store->add_agent(agent)) {
            if (store->find_agent(name)) return fail("an agent named '" + name + "' exists already (use set-password)");
            return fail("could not write " + printable_database(database), 1);
        }
        std::cout << "Added helpdesk agent " << name;
    } else {
        if (!store->set_agent_password(name, hash)) return fail("no agent named '" + name + "' in " + printable_database(database));
        std::cout << "New password for " << name;
    }
    if (generate) std::cout << "; password: " << password;
    std::cout << "\n";
    return 0;
}

}  // namespace cleanslate::desk

// Choosing the store: --database is a file path (SQLite) or a postgresql:// URL (PostgreSQL),
// for the server and the desk alike; a database that cannot be opened stops the start with
// its name — never its password.
#include <doctest/doctest.h>

#include "running_server.h"

using namespace cleanslate::testing;

TEST_SUITE("server: choosing the database") {
    TEST_CASE("an unreachable PostgreSQL stops the server and the desk, named without its password") {
        TemporarySite site;
        const std::string url = "postgresql://cleanslate:hunter2@127.0.0.1:1/cleanslate?connect_timeout=2";
        const CommandResult server = run_server_binary(
            {"--site", site.root().string(), "--host", "127.0.0.1", "--port", "0", "--database", url});
        CHECK(server.exit_code == 1);
        CHECK(server.err.find("cannot connect to postgresql://cleanslate:***@127.0.0.1:1/cleanslate") != std::string::npos);
        CHECK(server.err.find("hunter2") == std::string::npos);
        CHECK(server.out.find("hunter2") == std::string::npos);

        const CommandResult desk =
            run_desk_binary({"add-agent", "anna", "--database", url + "&password=hunter2"}, "Tulpen-Molen-Dijk-7\n");
        CHECK(desk.exit_code == 1);
        CHECK(desk.err.find("password=***") != std::string::npos);
        CHECK(desk.err.find("hunter2") == std::string::npos);
    }

    TEST_CASE("the server names the database it uses when it starts") {
        TemporarySite site;
        RunningServer server(site);
        CHECK(server.output().find("database " + site.database() + " (synchronous commits)") != std::string::npos);
    }
}

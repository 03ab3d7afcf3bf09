// test_database.cpp — fresh SQLite files or fresh PostgreSQL databases for the server tests.
#include "test_database.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "store/open_store.h"

namespace cleanslate::testing {

namespace {

// A connection to the cluster's maintenance database, with the PG* variables the wrapper set.
PGconn* connect_to_cluster() {
    PGconn* admin = PQconnectdb("dbname=postgres");
    if (PQstatus(admin) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(admin);
        PQfinish(admin);
        throw std::runtime_error("CLEANSLATE_TEST_DATABASE=postgres, but the cluster is not reachable "
                                 "(run the suite through tests/server/with-postgres): " + message);
    }
    return admin;
}

void run_admin(const std::string& sql) {
    PGconn* admin = connect_to_cluster();
    PGresult* result = PQexec(admin, sql.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    const std::string message = PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(admin);
    if (!ok) throw std::runtime_error(sql + ": " + message);
}

std::string replace_placeholder(std::string sql) {
    for (size_t at = sql.find("?1"); at != std::string::npos; at = sql.find("?1", at)) sql.replace(at, 2, "$1");
    return sql;
}

}  // namespace

bool testing_postgres() {
    const char* choice = std::getenv("CLEANSLATE_TEST_DATABASE");
    return choice && std::string(choice) == "postgres";
}

TestDatabase::TestDatabase(const std::filesystem::path& var_dir) {
    if (!testing_postgres()) {
        location_ = (var_dir / "reports.db").string();
        return;
    }
    static std::atomic<int> made{0};
    postgres_name_ = "cleanslate_test_" + std::to_string(getpid()) + "_" + std::to_string(++made);
    run_admin("CREATE DATABASE " + postgres_name_);
    const char* host = std::getenv("PGHOST");
    location_ = "postgresql:///" + postgres_name_ + (host ? std::string("?host=") + host : std::string());
}

TestDatabase::~TestDatabase() {
    if (postgres_name_.empty()) return;
    try {
        run_admin("DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The cluster goes with the wrapper anyway.
    }
}

std::optional<int64_t> query_number(const std::string& database, const std::string& sql, const std::string& parameter) {
    std::optional<int64_t> number;
    if (server::is_postgres_url(database)) {
        PGconn* db = PQconnectdb(database.c_str());
        const char* values[] = {parameter.c_str()};
        PGresult* result = PQexecParams(db, replace_placeholder(sql).c_str(), 1, nullptr, values, nullptr, nullptr, 0);
        if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) number = std::atoll(PQgetvalue(result, 0, 0));
        PQclear(result);
        PQfinish(db);
        return number;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(statement, 1, parameter.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(statement) == SQLITE_ROW) number = sqlite3_column_int64(statement, 0);
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return number;
}

}  // namespace cleanslate::testing

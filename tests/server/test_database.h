// test_database.h — the database every test server and desk command is given.
//
// By default a fresh SQLite file in the site's var directory. With
// CLEANSLATE_TEST_DATABASE=postgres (set by tests/server/with-postgres, which starts a
// throw-away PostgreSQL cluster and points PGHOST/PGUSER at it) each test site gets a fresh
// PostgreSQL database instead, dropped afterwards: the same suite then runs against both stores.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace cleanslate::testing {

bool testing_postgres();

class TestDatabase {
public:
    explicit TestDatabase(const std::filesystem::path& var_dir);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // What --database is given: a file path or a postgresql:// URL.
    const std::string& location() const { return location_; }

private:
    std::string location_;
    std::string postgres_name_;  // "" for SQLite
};

// The one number `sql` returns for `parameter` (?1 in the SQL), read beside the server with
// the database's own library; nullopt when it cannot be read.
std::optional<int64_t> query_number(const std::string& database, const std::string& sql, const std::string& parameter);

}  // namespace cleanslate::testing

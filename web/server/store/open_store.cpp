// open_store.cpp — choosing the store by the form of --database.
#include "store/open_store.h"

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace cleanslate::server {

bool is_postgres_url(const std::string& database) {
    return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> open_store(const std::string& database, const StoreOptions& options, std::string& error) {
    if (is_postgres_url(database)) {
        PostgresOptions postgres;
        postgres.sync_every_commit = options.sync_every_commit;
        postgres.most_connections = options.most_connections;
        return open_postgres_store(database, postgres, error);
    }
    SqliteOptions sqlite;
    sqlite.sync_every_commit = options.sync_every_commit;
    sqlite.most_readers = options.most_connections;
    return open_sqlite_store(database, sqlite, error);
}

std::string printable_database(const std::string& database) {
    if (!is_postgres_url(database)) return database;
    std::string shown = database;
    // postgresql://user:secret@host/db
    const size_t authority = shown.find("://") + 3;
    const size_t at = shown.find('@', authority);
    const size_t slash = shown.find('/', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
        const size_t colon = shown.find(':', authority);
        if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
    }
    // ...?password=secret&...
    for (size_t key = shown.find("password="); key != std::string::npos; key = shown.find("password=", key + 1)) {
        const size_t value = key + 9;
        const size_t end = shown.find('&', value);
        shown.replace(value, (end == std::string::npos ? shown.size() : end) - value, "***");
    }
    return shown;
}

}  // namespace cleanslate::server

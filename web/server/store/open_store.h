// open_store.h — the one place that turns a --database value into a Store, for the server
// and for cleanslate-desk alike:
//   a file path                  SQLite (WAL), the embedded default: var/cleanslate.db
//   postgresql://... postgres:// PostgreSQL, for several servers behind a load balancer
//                                (libpq's connection URI; a password is better kept in
//                                PGPASSWORD or ~/.pgpass than on a command line)
// Either way the schema's missing migrations are applied on opening.
#pragma once
#include <memory>
#include <string>

#include "store/store.h"

namespace cleanslate::server {

struct StoreOptions {
    // false: an acknowledged write survives a crash of this process, not of the machine (or
    // of the database server): for benchmarks and throw-away databases.
    bool sync_every_commit = true;
    // Connections used at the same time (SQLite: readers beside its one writer).
    int most_connections = 8;
};

bool is_postgres_url(const std::string& database);

// nullptr with `error` set (naming the database, never its password) on failure.
std::unique_ptr<Store> open_store(const std::string& database, const StoreOptions& options, std::string& error);

// The database as it may be printed or logged: a URL's password replaced by "***".
std::string printable_database(const std::string& database);

}  // namespace cleanslate::server

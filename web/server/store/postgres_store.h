// postgres_store.h — the Store in a PostgreSQL database (libpq), for a provider that runs
// several servers behind a load balancer: every server shares reports, sessions, codes and
// cases through the database, and the helpdesk's live view polls it (api/live_hub.h).
//
// Each write is one transaction on a pooled connection; PostgreSQL groups the commits of
// concurrent transactions itself. With synchronous commits (the default) an acknowledged
// write is on the database server's disk. The schema is migrations/postgres/, numbered as
// the SQLite one; servers starting together apply it once (an advisory lock).
#pragma once
#include <memory>
#include <string>

#include "store/store.h"

namespace cleanslate::server {

struct PostgresOptions {
    // false: synchronous_commit = off for this server's sessions (a crash of the database
    // server may lose the last moments of acknowledged writes); for benchmarks.
    bool sync_every_commit = true;
    int most_connections = 8;
};

// `url`: libpq's connection URI (postgresql://user@host:port/database?...). Connects,
// applies missing migrations; nullptr with `error` set (without the password) on failure.
std::unique_ptr<Store> open_postgres_store(const std::string& url, const PostgresOptions& options, std::string& error);

}  // namespace cleanslate::server

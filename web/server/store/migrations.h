// migrations.h — the database's schema as a list of numbered SQL files, applied in order.
//
// The files live in store/migrations/<dialect>/NNNN_name.sql (sqlite/ and postgres/) and are embedded at build time
// (store/embed-migrations.cmake), so the schema is data that a reviewer reads as SQL. A
// database records which versions it has (schema_migrations); opening it applies the rest,
// each in its own transaction. A file, once landed, is never edited: a change is a new file.
#pragma once
#include <vector>

namespace cleanslate::server {

struct Migration {
    int version;
    const char* name;  // "0002_report_kinds"
    const char* sql;
};

// In version order; the same versions in both dialects.
const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();

}  // namespace cleanslate::server

// sqlite_store.h — the Store in one SQLite file (WAL), the embedded default.
//
// Writes go through one writer thread that commits in groups: every write waiting when a
// commit starts joins its transaction (each in its own savepoint, so one failing write does
// not undo the others), and all of them are answered after the one fsync. With synchronous
// commits (the default) an acknowledged write survives a power cut; throughput comes from
// the grouping, not from skipping the sync. Reads use a small pool of read-only
// connections, which WAL lets run beside the writer.
//
// The file (and its -wal and -shm companions, which SQLite creates with the file's mode)
// is readable by the server's user only (0600); its directory is created 0700.
#pragma once
#include <memory>
#include <string>

#include "store/store.h"

namespace cleanslate::server {

struct SqliteOptions {
    // FULL: fsync the WAL at every commit (survives power loss). NORMAL: survives a crash of
    // the process (kill -9), not of the machine; for benchmarks and throw-away test databases.
    bool sync_every_commit = true;
    int most_readers = 8;
};

// Opens or creates the database and applies missing migrations. nullptr with `error` set
// (naming the file) on failure.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, const SqliteOptions& options, std::string& error);

}  // namespace cleanslate::server

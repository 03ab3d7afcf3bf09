// verify_command.h — cleanslate-desk verify --quiet-days N: did it work?
//
//   cleanslate-desk verify --quiet-days N [--database var/cleanslate.db]
//
// Run after each feed import (the same cron job). A case whose customer reported
// 'remediated' becomes verified clean once the imported feed reaches N days past that report
// with no sighting of the customer's connection since; a sighting after the report has
// already made it reinfected at import (import_command.h), and a later one makes a verified
// case reinfected again. "The feed reaches" means the newest sighting of any customer: days
// with no import verify nothing. N is also kept in the database, so the server can tell the
// customer on the finish screen how many days to wait before opening the link again — and
// says nothing of the kind when verify never ran.
//
// Prints one line: how many cases became verified clean, how many are still being watched,
// and the feed's newest time. Exit status: 0 done; 2 a bad argument; 1 the database failed.
#pragma once

namespace cleanslate::desk {

int run_verify_command(int argc, char** argv);

}  // namespace cleanslate::desk

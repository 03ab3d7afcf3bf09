// agents_command.h — helpdesk accounts, kept in the server's database:
//   cleanslate-desk add-agent NAME [--database var/cleanslate.db] [--generate-password]
//   cleanslate-desk set-password NAME [--database var/cleanslate.db] [--generate-password]
// The password is read from stdin (one line), or asked twice without echo when stdin is a
// terminal; --generate-password makes one and prints it instead. It is stored only as an
// Argon2id hash. A new password ends the agent's open sessions.
#pragma once

namespace cleanslate::desk {

// Exit status: 0 done, 1 the database failed, 2 bad input (a message on stderr).
int run_agents_command(int argc, char** argv);

}  // namespace cleanslate::desk

// agent_password.h — helpdesk agents' passwords, kept only as Argon2id hashes (libsodium's
// crypto_pwhash_str at libsodium's "interactive" cost: 64 MB of memory and a noticeable
// fraction of a second per guess, on the attacker's hardware as on ours).
//
// Hashing is deliberately slow and memory-hungry, so the server lets only a few logins
// hash at once (others wait their turn); logins are rate-limited before they get here.
#pragma once
#include <string>

namespace cleanslate::server {

// The encoded hash ("$argon2id$v=19$m=...") or an empty string when memory ran out.
std::string hash_agent_password(const std::string& password);

// True when `password` matches. An empty or malformed hash never verifies.
bool verify_agent_password(const std::string& password, const std::string& encoded_hash);

// Spends the same time as a verification, for a login name that does not exist, so the
// answer's timing does not tell which names are agents.
void pretend_to_verify_agent_password(const std::string& password);

// A login name: 1-64 letters, digits, '.', '_', '-' or '@'.
bool is_agent_name(const std::string& name);

// A password an agent may choose: 12 to 256 characters. Returns the reason when not.
std::string agent_password_problem(const std::string& password);

// Sixteen random letters and digits in groups of four ("k7mq-2xpa-9trw-hb4e", about 79
// bits), for the first login that the server prints; letters that look alike are left out.
std::string generated_agent_password();

}  // namespace cleanslate::server

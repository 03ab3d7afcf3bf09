// agent_password.cpp — Argon2id via libsodium, with a small gate on concurrent hashing.
#include "auth/agent_password.h"

#include <sodium.h>

#include <cctype>
#include <condition_variable>
#include <mutex>

namespace cleanslate::server {

namespace {

// Two hashes at a time: each takes crypto_pwhash_MEMLIMIT_MODERATE of memory.
class HashingGate {
public:
    void enter() {
        std::unique_lock<std::mutex> lock(mutex_);
        free_.wait(lock, [this] { return running_ < 2; });
        ++running_;
    }
    void leave() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            --running_;
        }
        free_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable free_;
    int running_ = 0;
};

HashingGate& gate() {
    static HashingGate instance;
    return instance;
}

struct GateTurn {
    GateTurn() { gate().enter(); }
    ~GateTurn() { gate().leave(); }
};

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

std::string hash_agent_password(const std::string& password) {
    if (!sodium_ready()) return {};
    char encoded[crypto_pwhash_STRBYTES];
    GateTurn turn;
    if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return encoded;
}

bool verify_agent_password(const std::string& password, const std::string& encoded_hash) {
    if (!sodium_ready() || encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
    GateTurn turn;
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

void pretend_to_verify_agent_password(const std::string& password) {
    static const std::string decoy = hash_agent_password("a password nobody has, for timing only");
    verify_agent_password(password, decoy);
}

bool is_agent_name(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (unsigned char c : name)
        if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@')) return false;
    return true;
}

std::string agent_password_problem(const std::string& password) {
    if (password.size() < 12) return "a helpdesk password has at least 12 characters";
    if (password.size() > 256) return "a helpdesk password has at most 256 characters";
    return {};
}

std::string generated_agent_password() {
    static const char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
    sodium_ready();
    std::string password;
    for (int i = 0; i < 16; ++i) {
        if (i && i % 4 == 0) password += '-';
        password += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    }
    return password;
}

}  // namespace cleanslate::server

// rate_limiter.h — token buckets by key (a ticket, an address, a login name), in memory.
//
// Each key may spend `burst` requests at once and earns them back at `per_second`. Memory is
// bounded: past `most_keys`, keys whose bucket has refilled (they cost nothing to forget) are
// dropped, and if none has, the oldest is. Limits are per server process; behind a load
// balancer each server keeps its own, so a deployment divides the figures by its servers.
#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cleanslate::server {

class RateLimiter {
public:
    RateLimiter(double burst, double per_second, size_t most_keys = 100000);

    struct Decision {
        bool allowed = true;
        int retry_after_seconds = 0;  // when not allowed: until one request is earned back
    };
    // Takes one request from the key's bucket. `now` in seconds (any monotonic origin).
    Decision take(const std::string& key, double now);
    // Whether the key could take one now, without taking it.
    Decision peek(const std::string& key, double now);
    // Gives a key its full burst back (a successful login forgets the failures).
    void forget(const std::string& key);

private:
    struct Bucket {
        double tokens = 0;
        double updated = 0;
    };
    Bucket& bucket(const std::string& key, double now);
    void make_room(double now);

    const double burst_, per_second_;
    const size_t most_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

// Seconds on a monotonic clock, for RateLimiter.
double monotonic_seconds();

}  // namespace cleanslate::server

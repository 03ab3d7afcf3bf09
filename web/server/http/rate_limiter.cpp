// rate_limiter.cpp — refill on use; eviction when the table is full.
#include "http/rate_limiter.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace cleanslate::server {

RateLimiter::RateLimiter(double burst, double per_second, size_t most_keys)
    : burst_(burst), per_second_(per_second), most_keys_(most_keys) {}

RateLimiter::Bucket& RateLimiter::bucket(const std::string& key, double now) {
    auto found = buckets_.find(key);
    if (found == buckets_.end()) {
        if (buckets_.size() >= most_keys_) make_room(now);
        return buckets_.emplace(key, Bucket{burst_, now}).first->second;
    }
    Bucket& b = found->second;
    b.tokens = std::min(burst_, b.tokens + (now - b.updated) * per_second_);
    b.updated = now;
    return b;
}

void RateLimiter::make_room(double now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        const double tokens = it->second.tokens + (now - it->second.updated) * per_second_;
        it = tokens >= burst_ ? buckets_.erase(it) : std::next(it);
    }
    if (buckets_.size() < most_keys_) return;
    auto oldest = std::min_element(buckets_.begin(), buckets_.end(),
                                   [](const auto& a, const auto& b) { return a.second.updated < b.second.updated; });
    buckets_.erase(oldest);
}

RateLimiter::Decision RateLimiter::take(const std::string& key, double now) {
    std::lock_guard<std::mutex> lock(mutex_);
    Bucket& b = bucket(key, now);
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return {};
    }
    return {false, int(std::ceil((1 - b.tokens) / per_second_))};
}

RateLimiter::Decision RateLimiter::peek(const std::string& key, double now) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = buckets_.find(key);
    if (found == buckets_.end()) return {};
    const Bucket& b = bucket(key, now);
    if (b.tokens >= 1) return {};
    return {false, int(std::ceil((1 - b.tokens) / per_second_))};
}

void RateLimiter::forget(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    buckets_.erase(key);
}

double monotonic_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace cleanslate::server

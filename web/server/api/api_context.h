// api_context.h — what every API handler may use: the store, the link key, the clock, the
// report schema, the live hub and the rate limits. Built once by serve_command.cpp.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/json_schema.h"
#include "http/rate_limiter.h"
#include "store/store.h"

namespace cleanslate::server {

class LiveHub;

// Every limit in one place, with the reasoning next to the figure.
struct ApiLimits {
    // A journey sends a progress report per screen (a fast customer: one every few seconds)
    // and one final report; the outbox retries politely. 30 at once, then one a second.
    RateLimiter reports_per_ticket{30, 1.0};
    // A case stores at most this much: some journeys over days, several devices, resends.
    int64_t reports_per_ticket_stored = 2000;
    int64_t bytes_per_ticket_stored = 20 << 20;
    // Wrong tokens, wrong case codes and wrong session codes from one address: a person
    // mistypes a few times; a guesser is slowed to a crawl. (Many homes can share one
    // address behind carrier NAT, so it is generous per minute and strict per day.)
    RateLimiter failures_per_address{20, 1.0 / 30};
    // Case codes are guessed across addresses too: all wrong case codes together.
    RateLimiter case_code_failures{60, 1.0};
    // A customer asks for a session code when the agent asks; a new one each minute at most.
    RateLimiter session_codes_per_ticket{5, 1.0 / 60};
    // An agent types session codes; a dozen tries, then one every five seconds.
    RateLimiter code_tries_per_agent{12, 1.0 / 5};
    // Logins: per name, five wrong passwords then one a minute; per address twenty, then
    // one every ten seconds. A right password forgets the name's failures.
    RateLimiter login_failures_per_name{5, 1.0 / 60};
    RateLimiter logins_per_address{20, 1.0 / 10};
};

struct ApiContext {
    Store* store = nullptr;
    std::string link_key;
    std::function<int64_t()> now;  // unix seconds; injectable so expiry is testable
    std::shared_ptr<const JsonSchema> report_schema;
    LiveHub* live = nullptr;
    ApiLimits* limits = nullptr;
    std::string helpdesk_phone;  // put into links minted for helpdesk cases
};

}  // namespace cleanslate::server

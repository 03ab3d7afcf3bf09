// notification.h — building the payload of a notification link, for the abuse desk's
// mint command and for the demo link the server prints when it starts.
#pragma once
#include <cstdint>
#include <string>

#include "core/link_token.h"

namespace cleanslate::server {

constexpr int64_t kLinkValidDays = 14;  // the walled-garden study: most customers act within 14 days
// Fictional: for demos and tests only. A deployment passes its real helpdesk number.
constexpr const char* kDemoHelpdeskPhone = "088 123 4567";

LinkPayload notification_payload(std::string ticket, std::string lang, std::string helpdesk, Json evidence,
                                 int64_t now, int64_t valid_days = kLinkValidDays);

// A realistic case: a XiongMai (XMEye) video recorder seen answering Telnet on port 23
// with the Mirai credential root/xc3511, ticket "CS-<year>-<six digits>", language nl.
LinkPayload demo_notification(int64_t now);

// Case numbers go into e-mails, links and the helpdesk's search box: 1-64 letters, digits
// and dashes.
bool is_ticket_id(const std::string& ticket);

// "CS-2026-104233": the year of `now` and six digits taken from `serial`.
std::string ticket_id(int64_t now, uint32_t serial);

}  // namespace cleanslate::server

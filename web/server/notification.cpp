// notification.cpp — the payload builders and the demo case.
#include "notification.h"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <random>

namespace cleanslate::server {

LinkPayload notification_payload(std::string ticket, std::string lang, std::string helpdesk, Json evidence,
                                 int64_t now, int64_t valid_days) {
    LinkPayload payload;
    payload.ticket = std::move(ticket);
    payload.issued_at = now;
    payload.expires_at = now + valid_days * 24 * 3600;
    payload.lang = std::move(lang);
    payload.helpdesk = std::move(helpdesk);
    payload.evidence = std::move(evidence);
    return payload;
}

bool is_ticket_id(const std::string& ticket) {
    if (ticket.empty() || ticket.size() > 64) return false;
    for (unsigned char c : ticket)
        if (!(std::isalnum(c) || c == '-')) return false;
    return true;
}

std::string ticket_id(int64_t now, uint32_t serial) {
    const std::time_t seconds = std::time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::snprintf(text, sizeof text, "CS-%04d-%06u", utc.tm_year + 1900, unsigned(serial % 1000000));
    return text;
}

LinkPayload demo_notification(int64_t now) {
    Json evidence = Json::object();
    evidence["tag"] = "mirai";
    evidence["infection"] = "mirai";
    evidence["port"] = 23;
    evidence["device_vendor"] = "XiongMai";
    evidence["device_type"] = "DVR";
    evidence["http_server"] = "uc-httpd 1.0.0";
    evidence["http_title"] = "NETSurveillance WEB";
    evidence["credential"] = "root/xc3511";
    evidence["seen_at"] = now - 3 * 3600;  // the feed saw it a few hours before the mail went out

    std::random_device entropy;
    return notification_payload(ticket_id(now, entropy()), "nl", kDemoHelpdeskPhone, std::move(evidence), now);
}

}  // namespace cleanslate::server

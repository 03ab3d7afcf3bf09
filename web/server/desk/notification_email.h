// notification_email.h — the e-mail that tells a customer about their infected device, in
// their language, as a MIME message (.eml) for the provider's own mail system.
//
// Every sentence comes from the locale's email.* texts (locales/nl.json, en.json); a follow-up
// (email.again.*, email.quiet.*) tells news about a case the customer already heard of. What was
// seen is named in plain words ("a camera or video recorder that answered on the internet
// with a factory password"); the case number, the helpdesk's number and how to check that
// the e-mail is genuine are always there. The customer's IP address never is: the link
// carries only the case, the language, the helpdesk number and the device evidence.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/i18n.h"

namespace cleanslate::desk {

// Which e-mail: the first about a case, or news after the customer reported it done.
enum class EmailNews {
    first_notice,  // a new case: what was seen, why it matters, the link to start
    seen_again,    // seen again after the customer's report of 'remediated': do the steps again
    quiet,         // verify found the connection quiet since that report: good news, no link
};

struct EmailFacts {
    EmailNews news = EmailNews::first_notice;
    std::string ticket;
    std::string link;            // the signed link to the wizard (none in a quiet e-mail)
    std::string helpdesk_phone;
    std::string provider;        // signs the e-mail (the sender's name)
    int64_t seen_at = 0;         // first notice: the first sighting; seen again: that sighting
    int64_t reported_at = 0;     // follow-ups: the customer's report of 'remediated'
    int64_t link_expires_at = 0;
    std::string device_words;    // evidence_words(): "camera", "router", ... or "device"
    bool factory_password = false;  // the feed saw it let a bot in with a default login
};

struct NotificationText {
    std::string subject;
    std::string plain;  // paragraphs separated by blank lines, "\n" line ends
    std::string html;   // a whole document; texts escaped
};

// Which words name the device: the engine's category when it was confident ("camera" also
// for recorders: customers do not tell them apart), else "device" — never a guess.
std::string evidence_words(std::string_view category, bool confident);

// "3 December 2026" / "3 december 2026", in the desk's local time zone (TZ).
std::string spoken_date(const Catalog& texts, int64_t unix_seconds);

// "https://schoon.example.net/#t=..." -> "https://schoon.example.net".
std::string link_site(std::string_view link);

NotificationText compose_notification(const Catalog& texts, const EmailFacts& facts);

struct EmailEnvelope {
    std::string from;         // "Example Abuse Desk <abuse@example.net>" (printable ASCII)
    std::string to;           // one plain address, or "" for the provider's mail system to fill
    std::string customer;     // X-CleanSlate-Customer, so the mail system can find the address
    std::string ticket;       // X-CleanSlate-Case
    std::string language;     // Content-Language
    int64_t date = 0;
};

// A MIME message: multipart/alternative (text/plain, then text/html), UTF-8, quoted-printable,
// CRLF line ends, a non-ASCII subject as RFC 2047 encoded words.
std::string eml_message(const EmailEnvelope& envelope, const NotificationText& text);

// Whether `from` can go into the From: header as it is: "Name <user@host>" or "user@host",
// printable ASCII, no line breaks.
bool is_sender(std::string_view from);

}  // namespace cleanslate::desk

// notification_email.cpp — texts -> plain and HTML bodies -> a MIME message.
#include "notification_email.h"

#include <ctime>
#include <sstream>
#include <vector>

#include "core/escape_html.h"

namespace cleanslate::desk {

// --- Words ---------------------------------------------------------------------------------
std::string evidence_words(std::string_view category, bool confident) {
    if (!confident) return "device";
    if (category == "camera" || category == "recorder") return "camera";
    if (category == "router" || category == "access-point") return "router";
    if (category == "tv-box" || category == "media-receiver") return "tv";
    if (category == "printer" || category == "nas") return std::string(category);
    if (category == "voip") return "phone";
    if (category == "smart-home") return "smart_home";
    return "device";
}

std::string spoken_date(const Catalog& texts, int64_t unix_seconds) {
    const std::time_t seconds = std::time_t(unix_seconds);
    std::tm local{};
    localtime_r(&seconds, &local);
    std::vector<std::string> months;
    std::istringstream names(texts.text("email.months"));
    for (std::string name; std::getline(names, name, ',');) months.push_back(name);
    const std::string month = months.size() == 12 ? months[size_t(local.tm_mon)] : std::to_string(local.tm_mon + 1);
    return std::to_string(local.tm_mday) + " " + month + " " + std::to_string(local.tm_year + 1900);
}

std::string link_site(std::string_view link) {
    const size_t scheme = link.find("://");
    if (scheme == std::string_view::npos) return std::string(link);
    const size_t path = link.find_first_of("/?#", scheme + 3);
    return std::string(link.substr(0, path));
}

// --- The bodies ------------------------------------------------------------------------------
namespace {

// One e-mail as the parts both bodies draw, so the plain text and the HTML say the same.
struct Part {
    enum class Kind { paragraph, start_here, heading } kind = Kind::paragraph;
    std::string lead;  // paragraph: words in bold before the text (HTML), plain before it
    std::string text;
};

std::vector<Part> parts_of(const Catalog& texts, const EmailFacts& facts) {
    const TextArgs args = {{"ticket", facts.ticket},
                           {"date", spoken_date(texts, facts.seen_at)},
                           {"reported", spoken_date(texts, facts.reported_at)},
                           {"phone", facts.helpdesk_phone},
                           {"site", link_site(facts.link)}};
    auto say = [&](const std::string& key) { return texts.format(key, args); };
    // The last whole day the link works: the day it expires it stops at the time it was made.
    auto link_valid = [&] {
        return texts.format("email.link_valid", {{"date", spoken_date(texts, facts.link_expires_at - 24 * 3600)}});
    };
    using Kind = Part::Kind;
    std::vector<Part> parts = {{Kind::paragraph, "", say("email.greeting")}};
    switch (facts.news) {
        case EmailNews::first_notice:
            parts.push_back({Kind::paragraph, "", say("email.seen") + " " +
                             say("email.evidence." + facts.device_words + (facts.factory_password ? ".password" : ".open"))});
            parts.push_back({Kind::paragraph, "", say("email.why")});
            parts.push_back({Kind::start_here, "", say("email.action")});
            parts.push_back({Kind::paragraph, "", link_valid()});
            break;
        case EmailNews::seen_again:
            parts.push_back({Kind::paragraph, "", say("email.again.seen")});
            parts.push_back({Kind::paragraph, "", say("email.again.why")});
            parts.push_back({Kind::start_here, "", say("email.again.action")});
            parts.push_back({Kind::paragraph, "", link_valid()});
            break;
        case EmailNews::quiet:
            parts.push_back({Kind::paragraph, "", say("email.quiet.seen")});
            parts.push_back({Kind::paragraph, "", say("email.quiet.keep")});
            break;
    }
    parts.push_back({Kind::paragraph, say("email.case"), say("email.help")});
    parts.push_back({Kind::heading, "", say("email.genuine_title")});
    parts.push_back({Kind::paragraph, "", say(facts.news == EmailNews::quiet ? "email.quiet.genuine" : "email.genuine")});
    parts.push_back({Kind::paragraph, "", say("email.signoff") + "\n" + facts.provider});
    return parts;
}

const char* subject_key(EmailNews news) {
    switch (news) {
        case EmailNews::seen_again: return "email.again.subject";
        case EmailNews::quiet: return "email.quiet.subject";
        case EmailNews::first_notice: break;
    }
    return "email.subject";
}

}  // namespace

NotificationText compose_notification(const Catalog& texts, const EmailFacts& facts) {
    const std::vector<Part> parts = parts_of(texts, facts);
    NotificationText out;
    out.subject = texts.format(subject_key(facts.news), {{"ticket", facts.ticket}});

    // Plain text: one paragraph per part, the link alone on its line so every client makes it
    // clickable; a heading stays with the paragraph it heads.
    for (size_t i = 0; i < parts.size(); ++i) {
        const Part& part = parts[i];
        if (i > 0) out.plain += parts[i - 1].kind == Part::Kind::heading ? "\n" : "\n\n";
        out.plain += part.lead.empty() ? part.text : part.lead + " " + part.text;
        if (part.kind == Part::Kind::start_here) out.plain += "\n" + facts.link;
    }
    out.plain += "\n";

    // HTML: the same parts; a large button, and the address written out beside it so the
    // customer can see where it goes before clicking.
    const std::string p = "<p style=\"margin:0 0 16px\">";
    std::string& h = out.html;
    h = "<!DOCTYPE html>\n<html lang=\"" + escape_html(texts.code()) + "\">\n<head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape_html(out.subject) +
        "</title></head>\n<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:17px;"
        "line-height:1.5;color:#1a1a1a;background:#ffffff\">\n<div style=\"max-width:36em;margin:0 auto\">\n";
    for (const Part& part : parts) {
        std::string text = escape_html(part.text);
        for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) text.replace(at, 1, "<br>");
        switch (part.kind) {
            case Part::Kind::heading:
                h += "<h2 style=\"margin:24px 0 8px;font-size:19px\">" + text + "</h2>\n";
                break;
            case Part::Kind::start_here:
                h += p + text + "</p>\n";
                h += p + "<a href=\"" + escape_html(facts.link) +
                     "\" style=\"display:inline-block;padding:12px 24px;min-height:20px;background:#0b5cad;color:#ffffff;"
                     "font-size:18px;font-weight:bold;text-decoration:none;border-radius:6px\">" +
                     escape_html(texts.text("email.button")) + "</a></p>\n";
                h += "<p style=\"margin:0 0 16px;font-size:16px;word-break:break-all\">" + escape_html(facts.link) + "</p>\n";
                break;
            case Part::Kind::paragraph:
                h += p + (part.lead.empty() ? "" : "<strong>" + escape_html(part.lead) + "</strong> ") + text + "</p>\n";
                break;
        }
    }
    h += "</div>\n</body>\n</html>\n";
    return out;
}

// --- MIME ------------------------------------------------------------------------------------------
namespace {

// Quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line ends.
std::string quoted_printable(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out, line;
    auto flush = [&](bool hard) {
        out += line;
        out += hard ? "\r\n" : "=\r\n";
        line.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            // A space or tab at a line's end would be lost in transport: encode it.
            if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
                const char last = line.back();
                line.pop_back();
                line += {'=', kHex[last >> 4], kHex[last & 15]};
            }
            flush(true);
            continue;
        }
        std::string piece;
        if ((c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t') piece = char(c);
        else piece = {'=', kHex[c >> 4], kHex[c & 15]};
        if (line.size() + piece.size() > 75) flush(false);
        line += piece;
    }
    if (!line.empty()) flush(true);
    return out;
}

std::string base64(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        uint32_t n = uint32_t(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size()) n |= uint32_t(static_cast<unsigned char>(bytes[i + 1])) << 8;
        if (i + 2 < bytes.size()) n |= uint32_t(static_cast<unsigned char>(bytes[i + 2]));
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

// A header value: as it is when printable ASCII, else RFC 2047 encoded words of at most 45
// bytes each (never splitting a UTF-8 character), folded onto continuation lines.
std::string header_text(std::string_view text) {
    bool ascii = true;
    for (unsigned char c : text) ascii = ascii && c >= 32 && c < 127;
    if (ascii) return std::string(text);
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = std::min(text.size(), at + 45);
        while (end < text.size() && end > at && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + base64(text.substr(at, end - at)) + "?=";
        at = end;
    }
    return out;
}

std::string mail_date(int64_t unix_seconds) {
    const std::time_t seconds = std::time_t(unix_seconds);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);  // C locale names, as RFC 5322 wants
    return text;
}

}  // namespace

bool is_sender(std::string_view from) {
    if (from.empty() || from.size() > 200) return false;
    for (unsigned char c : from)
        if (c < 32 || c >= 127) return false;
    const size_t open = from.find('<');
    const std::string_view address =
        open == std::string_view::npos ? from : from.substr(open + 1, from.size() - open - 2);
    if (open != std::string_view::npos && from.back() != '>') return false;
    const size_t at = address.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
           address.find_first_of(" <>,;\"") == std::string_view::npos;
}

std::string eml_message(const EmailEnvelope& envelope, const NotificationText& text) {
    const std::string boundary = "cleanslate-" + envelope.ticket + "-" + std::to_string(envelope.date);
    const size_t at = envelope.from.rfind('@');
    std::string domain = at == std::string::npos ? "cleanslate.invalid" : envelope.from.substr(at + 1);
    if (!domain.empty() && domain.back() == '>') domain.pop_back();

    std::string m;
    m += "From: " + envelope.from + "\r\n";
    if (!envelope.to.empty()) m += "To: " + envelope.to + "\r\n";
    m += "Subject: " + header_text(text.subject) + "\r\n";
    m += "Date: " + mail_date(envelope.date) + "\r\n";
    m += "Message-ID: <" + envelope.ticket + "." + std::to_string(envelope.date) + "@" + domain + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Language: " + envelope.language + "\r\n";
    m += "X-CleanSlate-Case: " + envelope.ticket + "\r\n";
    if (!envelope.customer.empty()) m += "X-CleanSlate-Customer: " + header_text(envelope.customer) + "\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    m += quoted_printable(text.plain);
    m += "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    m += quoted_printable(text.html);
    m += "--" + boundary + "--\r\n";
    return m;
}

}  // namespace cleanslate::desk

// mint_command.cpp — validating the desk's input and signing it.
#include "mint_command.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <iterator>

#include "core/evidence.h"
#include "core/link_token.h"
#include "file_text.h"
#include "link_key.h"
#include "notification.h"

namespace cleanslate::server {

namespace {

// --- Input ----------------------------------------------------------------------------
std::optional<std::string> evidence_text(const std::string& argument) {
    if (argument == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
    if (!argument.empty() && argument[0] == '@') {
        return read_whole_file(argument.substr(1));
    }
    return argument;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "cleanslate-server mint: %s\n", message.c_str());
    return 2;
}

}  // namespace

// --- The command ----------------------------------------------------------------------
int run_mint_command(const MintOptions& options) {
    if (!is_ticket_id(options.ticket)) return fail("--ticket must be letters, digits and dashes (e.g. CS-2026-104233)");
    if (options.lang != "nl" && options.lang != "en") return fail("--lang must be nl or en");

    const auto text = evidence_text(options.evidence);
    if (!text) return fail("cannot read evidence file " + options.evidence.substr(1));
    const Json evidence = parse_json(*text);
    if (!evidence.is_object()) return fail("--evidence must be a JSON object");
    const EvidenceParse checked = parse_evidence(evidence);
    if (!checked.ok()) return fail("evidence: " + checked.error);

    // Say what stays out of the link, so nobody wonders where a feed column went.
    const Json kept = link_evidence_allowed_fields(evidence);
    for (const auto& [name, value] : evidence.items())
        if (!kept.contains(name)) std::fprintf(stderr, "cleanslate-server mint: left out of the link: %s\n", name.c_str());

    std::string error;
    const auto key = load_link_key({options.link_key_file, /*create_if_missing=*/false}, error);
    if (!key) {
        std::fprintf(stderr, "cleanslate-server mint: %s\n", error.c_str());
        return 1;
    }

    const std::string helpdesk = options.helpdesk.empty() ? kDemoHelpdeskPhone : options.helpdesk;
    const LinkPayload payload = notification_payload(options.ticket, options.lang, helpdesk, evidence,
                                                     int64_t(std::time(nullptr)), options.days);
    const std::string token = mint_link_token(payload, key->key);
    if (token.empty()) return fail("the evidence makes the link too long");

    std::string base_url = options.base_url;
    if (base_url.empty()) {
        const char* from_environment = std::getenv("CLEANSLATE_PUBLIC_URL");
        base_url = from_environment && *from_environment ? from_environment : "http://127.0.0.1:8080";
    }
    std::printf("%s\n", link_url(base_url, token).c_str());
    return 0;
}

}  // namespace cleanslate::server

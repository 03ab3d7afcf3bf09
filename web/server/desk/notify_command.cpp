// notify_command.cpp — cases -> signed links -> e-mail files, in pages.
#include "notify_command.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/i18n.h"
#include "core/link_token.h"
#include "link_key.h"
#include "notification.h"
#include "notification_email.h"
#include "store/open_store.h"

namespace cleanslate::server {
// The locale files as they were at build time (desk.cmake embeds them).
const char* desk_locale_en();
const char* desk_locale_nl();
}  // namespace cleanslate::server

namespace cleanslate::desk {

namespace {

using namespace cleanslate::server;

constexpr int kCasesPerPage = 500;

int fail(const std::string& message, int status = 2) {
    std::cerr << "cleanslate-desk: " << message << "\n";
    return status;
}

// Written beside the target and renamed into place, so the mail system never picks up half a file.
bool write_file(const std::filesystem::path& path, const std::string& contents) {
    const std::filesystem::path partial = path.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out.write(contents.data(), std::streamsize(contents.size())) || !out.flush()) return false;
    }
    chmod(partial.c_str(), 0640);
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    return !ec;
}

// "20261203": the day of a follow-up's news, in the desk's local time zone, for its file name.
std::string file_day(int64_t unix_seconds) {
    const std::time_t seconds = std::time_t(unix_seconds);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y%m%d", &local);
    return text;
}

}  // namespace

int run_notify_command(int argc, char** argv) {
    std::string out_dir, from, helpdesk, base_url, database = "var/cleanslate.db", link_key_file;
    long days = kLinkValidDays;
    for (int i = 2; i < argc; ++i) {
        const std::string argument = argv[i];
        const bool has_value = i + 1 < argc;
        if (argument == "--out" && has_value) out_dir = argv[++i];
        else if (argument == "--from" && has_value) from = argv[++i];
        else if (argument == "--helpdesk" && has_value) helpdesk = argv[++i];
        else if (argument == "--base-url" && has_value) base_url = argv[++i];
        else if (argument == "--database" && has_value) database = argv[++i];
        else if (argument == "--link-key-file" && has_value) link_key_file = argv[++i];
        else if (argument == "--days" && has_value) days = std::strtol(argv[++i], nullptr, 10);
        else return fail("unknown argument '" + argument + "' (try --help)");
    }
    if (base_url.empty())
        if (const char* from_environment = std::getenv("CLEANSLATE_PUBLIC_URL")) base_url = from_environment;
    if (out_dir.empty()) return fail("notify needs --out DIR (where the .eml files go)");
    if (!is_sender(from)) return fail("notify needs --from \"Name <address>\" in plain ASCII (the e-mail's sender)");
    if (helpdesk.empty()) return fail("notify needs --helpdesk PHONE (the number the e-mail gives)");
    if (base_url.rfind("https://", 0) != 0 && base_url.rfind("http://", 0) != 0)
        return fail("notify needs --base-url https://... (or CLEANSLATE_PUBLIC_URL): where the wizard is");
    if (days < 1 || days > 90) return fail("--days must be 1 to 90");
    const size_t name_start = from.find('<');
    std::string provider = name_start == std::string::npos ? std::string() : from.substr(0, name_start);
    while (!provider.empty() && (provider.back() == ' ' || provider.back() == '"')) provider.pop_back();
    while (!provider.empty() && provider.front() == '"') provider.erase(0, 1);
    if (provider.empty()) return fail("--from needs a name to sign the e-mail: \"Name <address>\"");

    Catalog english, dutch;
    if (!english.load(desk_locale_en()) || !dutch.load(desk_locale_nl())) return fail("the built-in texts do not load", 1);

    std::string error;
    const auto key = load_link_key({link_key_file, /*create_if_missing=*/false}, error);
    if (!key) return fail(error, 1);
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) return fail("cannot create " + out_dir + ": " + ec.message(), 1);
    const auto store = open_store(database, StoreOptions{}, error);
    if (!store) return fail(error, 1);

    const auto clock_started = std::chrono::steady_clock::now();
    const int64_t now = int64_t(std::time(nullptr));
    uint64_t written = 0, in_dutch = 0, by_news[3] = {0, 0, 0};

    // One case's e-mail, as a file: 1 written, 0 skipped (said why), -1 the file cannot be written.
    auto write_email = [&](const FeedCase& c, EmailNews news, int64_t reported_at) -> int {
        const Catalog& texts = c.language == "en" ? english : dutch;
        Json evidence = parse_json(c.evidence_json);
        if (!evidence.is_object()) evidence = Json::object();
        EmailFacts facts;
        facts.news = news;
        facts.ticket = c.ticket;
        facts.helpdesk_phone = helpdesk;
        facts.provider = provider;
        facts.seen_at = news == EmailNews::seen_again ? c.reinfected_at : c.first_seen;
        facts.reported_at = reported_at;
        facts.device_words = evidence_words(c.device_category, c.confident);
        facts.factory_password = evidence.contains("credential");
        if (news != EmailNews::quiet) {  // good news asks nothing: no link to click
            const LinkPayload payload = notification_payload(c.ticket, texts.code(), helpdesk, evidence, now, days);
            const std::string token = mint_link_token(payload, key->key);
            if (token.empty()) {
                std::cerr << "cleanslate-desk: case " << c.ticket << ": its evidence makes the link too long; skipped\n";
                return 0;
            }
            facts.link = link_url(base_url, token);
            facts.link_expires_at = payload.expires_at;
        }
        EmailEnvelope envelope;
        envelope.from = from;
        envelope.to = c.email;
        envelope.customer = c.customer;
        envelope.ticket = c.ticket;
        envelope.language = texts.code();
        envelope.date = now;
        // The first e-mail is <case>.eml; news is named for what it tells and when it happened.
        const std::string name = news == EmailNews::first_notice ? c.ticket + ".eml"
                                 : news == EmailNews::seen_again ? c.ticket + "-seen-again-" + file_day(c.reinfected_at) + ".eml"
                                                                 : c.ticket + "-quiet-" + file_day(c.verified_at) + ".eml";
        if (!write_file(std::filesystem::path(out_dir) / name, eml_message(envelope, compose_notification(texts, facts)))) {
            std::cerr << "cleanslate-desk: cannot write " << out_dir << "/" << name << "\n";
            return -1;
        }
        ++written;
        ++by_news[int(news)];
        if (texts.code() == "nl") ++in_dutch;
        return 1;
    };

    // New cases: the first e-mail.
    PageRequest page;
    page.limit = kCasesPerPage;
    while (true) {
        const std::vector<FeedCase> cases = store->cases_to_notify(page);
        if (cases.empty()) break;
        std::vector<int64_t> notified;
        for (const FeedCase& c : cases) {
            page.after = c.id;
            const int result = write_email(c, EmailNews::first_notice, 0);
            if (result < 0) return 1;
            if (result > 0) notified.push_back(c.id);
        }
        if (!store->mark_notified(notified, now)) return fail("could not write " + printable_database(database), 1);
    }
    // Cases the customer already heard of, with news: seen again after their report, or quiet since.
    page = PageRequest{};
    page.limit = kCasesPerPage;
    while (true) {
        const std::vector<FeedCase> cases = store->cases_with_news(page);
        if (cases.empty()) break;
        std::vector<FeedCase> told;
        for (const FeedCase& c : cases) {
            page.after = c.id;
            const bool quiet = c.status == "verified_clean";
            int64_t reported_at = c.clean_since;
            if (!quiet) {
                const auto standing = store->case_standing(c.ticket);
                reported_at = standing ? standing->remediated_at : 0;
            }
            const int result = write_email(c, quiet ? EmailNews::quiet : EmailNews::seen_again, reported_at);
            if (result < 0) return 1;
            if (result > 0) told.push_back(c);
        }
        if (!store->mark_news_told(told)) return fail("could not write " + printable_database(database), 1);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_started).count();
    std::printf("%llu e-mails written to %s (%llu in Dutch, %llu in English) (%.1f s, %.0f e-mails/s)\n",
                static_cast<unsigned long long>(written), out_dir.c_str(), static_cast<unsigned long long>(in_dutch),
                static_cast<unsigned long long>(written - in_dutch), seconds,
                seconds > 0 ? double(written) / seconds : 0.0);
    std::printf("new cases: %llu; seen again after their report: %llu; quiet since their report: %llu\n",
                static_cast<unsigned long long>(by_news[int(EmailNews::first_notice)]),
                static_cast<unsigned long long>(by_news[int(EmailNews::seen_again)]),
                static_cast<unsigned long long>(by_news[int(EmailNews::quiet)]));
    return 0;
}

}  // namespace cleanslate::desk

// The page chrome's data: who runs the wizard (provider.json, checked like any input from
// outside) and the journey's named task list ("1 Device found ✓ · 2 Internet off ✓ · 3 Reset"),
// derived from the step machine, so every numbered step has its names in every language.
#include <doctest/doctest.h>
#include "core/flow.h"
#include "core/i18n.h"
#include "core/provider.h"
#include "test_support.h"
#include <set>

using namespace cleanslate;

TEST_CASE("provider.json: names and hours per language, a host name, a phone number, a logo of the site") {
    ProviderParse p = parse_provider_config(R"({
        "name": {"nl": "Voorbeeld Internet", "en": "Example Internet"},
        "website": "www.voorbeeld.nl", "logo": "provider/logo.svg", "logo_aspect": 3.5,
        "helpdesk_phone": "+31 (0)88 000 1234", "helpdesk_hours": "8:00-20:00"})");
    REQUIRE(p.ok());
    CHECK(ProviderConfig::localized(p.config.name, "en") == "Example Internet");
    CHECK(ProviderConfig::localized(p.config.name, "de").empty());                 // no text for every language
    CHECK(ProviderConfig::localized(p.config.helpdesk_hours, "nl") == "8:00-20:00");   // one text for all
    CHECK(p.config.website == "www.voorbeeld.nl");
    CHECK(p.config.logo_aspect == doctest::Approx(3.5));
    CHECK(p.config.helpdesk_phone == "+31 (0)88 000 1234");
}

TEST_CASE("the site's own provider.json is neutral and valid") {
    ProviderParse p = parse_provider_config(test::source_file("web/static/provider.json"));
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.config.name.empty());   // no provider's name in the product itself
    CHECK_FALSE(p.config.helpdesk_phone.empty());
}

TEST_CASE("provider.json: anything unexpected is refused, naming the field") {
    auto error = [](const char* text) { return parse_provider_config(text).error; };
    CHECK(error("[]") == "provider.json: must be one JSON object");
    CHECK(error("{nope") == "provider.json: must be one JSON object");
    CHECK(error(R"({"colour": "red"})") == "colour: unknown field");
    CHECK(error(R"({"website": "https://evil.example/x"})").rfind("website:", 0) == 0);
    CHECK(error(R"({"logo": "https://evil.example/logo.png"})").rfind("logo:", 0) == 0);
    CHECK(error(R"({"logo": "../../etc/passwd"})").rfind("logo:", 0) == 0);
    CHECK(error(R"({"helpdesk_phone": "call 0900-CROOKS"})").rfind("helpdesk_phone:", 0) == 0);
    CHECK(error(R"({"name": {"nederlands": "X"}})") == "name.nederlands: not a language code");
    CHECK(error(R"({"name": ""})").rfind("name:", 0) == 0);
    CHECK(error(R"({"logo_aspect": 100})").rfind("logo_aspect:", 0) == 0);
    // A refused file gives no half-read details.
    ProviderParse bad = parse_provider_config(R"({"helpdesk_phone": "088 000 1234", "website": "not a host"})");
    CHECK_FALSE(bad.ok());
    CHECK(bad.config.helpdesk_phone.empty());
}

TEST_CASE("the task list has a name for every numbered step, in every language, done and to do") {
    std::set<int> numbers;
    for (Step step : kStepsInOrder) {
        int number = step_number(step);
        if (number <= 0 || !numbers.insert(number).second) continue;   // a task is named by its first step
        for (const std::string& code : supported_locales()) {
            Catalog catalog = test::locale_catalog(code);
            std::string key = std::string("task.") + step_id(step);
            CHECK_MESSAGE(catalog.has(key), code << ": " << key);
            CHECK_MESSAGE(catalog.has(key + ".done"), code << ": " << key << ".done");
        }
    }
    CHECK(numbers.size() == static_cast<size_t>(kNumberedSteps));
    // Numbers run 1, 2, 3... in journey order, so the list reads in the order it is walked.
    int last = 0;
    for (Step step : kStepsInOrder) {
        CHECK(step_number(step) >= last);
        last = step_number(step);
    }
}

TEST_CASE("every screen's step is in the ordered list the task list is derived from") {
    std::set<Step> listed(std::begin(kStepsInOrder), std::end(kStepsInOrder));
    for (const char* id : {"welcome", "identify_evidence", "identify_category", "identify_app", "identify_brand",
                           "identify_model", "identify_candidates", "identify_unknown", "unsafe_choice", "unsafe_steps",
                           "disconnect_prepare", "disconnect_line", "disconnect", "reset_connection", "reset_method",
                           "reset_steps", "reset_join_wifi", "verify_question", "verify_retry", "verify_help",
                           "password_choose", "password_own", "password_steps", "password_hardening", "cannot_secure",
                           "reconnect", "finish"}) {
        Screen screen;
        REQUIRE(screen_from_id(id, screen));
        CHECK_MESSAGE(listed.count(step_of(screen)) == 1, id);
    }
}

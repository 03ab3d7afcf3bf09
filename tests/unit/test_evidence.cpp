// What the link and the desk command may carry as evidence, and how bad input is refused.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/evidence.h"
#include "test_support.h"

using namespace cleanslate;

TEST_SUITE("evidence") {

TEST_CASE("all fields are read") {
    auto parsed = parse_evidence(parse_json(R"({
        "tag": "mirai", "infection": "mirai", "port": 23,
        "device_vendor": "Hikvision", "device_type": "DVR", "device_model": "DS-7208",
        "http_server": "DNVRS-Webs", "http_title": "Login", "telnet_banner": "login:",
        "credential": "root/xc3511",
        "answers": {"category": "recorder", "brand": "hikvsion", "app": "Hik-Connect",
                    "model": "DS-7208HQHI", "label": "Made in China"}})"));
    REQUIRE(parsed.ok());
    const Evidence& e = parsed.evidence;
    CHECK(e.tag == "mirai");
    CHECK(e.port == 23);
    CHECK(e.device_model == "DS-7208");
    CHECK(e.credential == "root/xc3511");
    CHECK(e.answers.category == std::optional<std::string>("recorder"));
    CHECK(e.answers.label == std::optional<std::string>("Made in China"));
}

TEST_CASE("every field is optional; null and \"\" answers mean I don't know") {
    auto empty = parse_evidence(parse_json("{}"));
    REQUIRE(empty.ok());
    CHECK_FALSE(empty.evidence.port.has_value());
    CHECK_FALSE(empty.evidence.answers.brand.has_value());

    auto dont_know = parse_evidence(parse_json(R"({"answers": {"brand": null, "category": ""}})"));
    REQUIRE(dont_know.ok());
    CHECK(dont_know.evidence.answers.brand == std::optional<std::string>(""));
    CHECK(dont_know.evidence.answers.category == std::optional<std::string>(""));
}

TEST_CASE("unknown fields are ignored so newer links still open") {
    CHECK(parse_evidence(parse_json(R"({"future_field": [1, 2], "tag": "mirai"})")).ok());
}

TEST_CASE("wrong types and impossible values are reported, never aborting") {
    struct Bad { const char* json; const char* says; };
    const Bad cases[] = {
        {R"([1, 2])", "evidence must be a JSON object"},
        {R"("text")", "evidence must be a JSON object"},
        {R"({"port": "23"})", "evidence.port must be an integer"},
        {R"({"port": 70000})", "evidence.port must be between 1 and 65535"},
        {R"({"port": 2.5})", "evidence.port must be an integer"},
        {R"({"device_vendor": 5})", "evidence.device_vendor must be a string"},
        {R"({"tag": {"a": 1}})", "evidence.tag must be a string"},
        {R"({"credential": "rootxc3511"})", "evidence.credential must look like user/password"},
        {R"({"answers": "camera"})", "evidence.answers must be an object"},
        {R"({"answers": {"brand": 3}})", "evidence.answers.brand must be a string or null"},
        {R"({"answers": {"category": "toaster"}})", "evidence.answers.category 'toaster' is not a known category"},
    };
    for (const auto& bad : cases) {
        CAPTURE(bad.json);
        auto parsed = parse_evidence(parse_json(bad.json));
        CHECK_FALSE(parsed.ok());
        CHECK(parsed.error == bad.says);
    }
    CHECK_FALSE(parse_evidence(parse_json("not json")).ok());  // a discarded value is not an object
}

TEST_CASE("credentials split at the first slash; an empty password is allowed") {
    std::string user, password;
    REQUIRE(split_credential("root/", user, password));
    CHECK(user == "root");
    CHECK(password == "");
    REQUIRE(split_credential("admin/a/b", user, password));
    CHECK(password == "a/b");
    CHECK_FALSE(split_credential("admin", user, password));
}

TEST_CASE("evidence survives a round trip through JSON") {
    Evidence e;
    e.tag = "mirai";
    e.port = 2323;
    e.credential = "admin/";
    e.answers.category = "camera";
    e.answers.brand = "";
    auto again = parse_evidence(evidence_to_json(e));
    REQUIRE(again.ok());
    CHECK(again.evidence.port == 2323);
    CHECK(again.evidence.credential == "admin/");
    CHECK(again.evidence.answers.brand == std::optional<std::string>(""));
    CHECK(evidence_to_json(again.evidence) == evidence_to_json(e));
}

TEST_CASE("the category list is the schema's") {
    Json schema = parse_json(test::source_file("devices/schema.json"));
    REQUIRE(schema.is_object());
    const Json& categories = schema["definitions"]["category"]["enum"];
    REQUIRE(categories.is_array());
    REQUIRE(categories.size() == kDeviceCategories.size());
    for (size_t i = 0; i < categories.size(); ++i) CHECK(categories[i].get<std::string>() == kDeviceCategories[i]);
}

}

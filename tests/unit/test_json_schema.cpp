// JSON Schema validation (core/json_schema.*) and its pattern matcher (core/schema_pattern.*):
// the official JSON-Schema-Test-Suite (Debian's json-schema-test-suite, draft 7) for every
// keyword the validator implements, plus the properties the collector relies on.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <set>

#include "core/json_schema.h"
#include "core/schema_pattern.h"
#include "test_support.h"

using namespace cleanslate;

namespace {

bool pattern_finds(const char* pattern, const std::string& text) {
    std::string error;
    const auto compiled = SchemaPattern::compile(pattern, error);
    REQUIRE_MESSAGE(compiled, pattern << ": " << error);
    return compiled->search(text);
}

std::string pattern_error(const char* pattern) {
    std::string error;
    return SchemaPattern::compile(pattern, error) ? std::string() : error;
}

JsonSchema compiled_schema(const std::string& text) {
    std::string error;
    auto schema = JsonSchema::compile(parse_json(text), error);
    REQUIRE_MESSAGE(schema, error);
    return *schema;
}

constexpr const char* kSuite = "/usr/share/json-schema-test-suite/tests/draft7/";

// The suite's files for the keywords the validator implements (not refRemote: references
// to other documents are refused by design; not "definitions", which validates against the
// draft-07 meta-schema fetched by URL).
const char* const kSuiteFiles[] = {
    "additionalItems", "additionalProperties", "allOf", "anyOf", "boolean_schema", "const", "contains",
    "default", "dependencies", "enum", "exclusiveMaximum", "exclusiveMinimum", "if-then-else", "items",
    "maxItems", "maxLength", "maxProperties", "maximum", "minItems", "minLength", "minProperties", "minimum",
    "multipleOf", "not", "oneOf", "pattern", "patternProperties", "properties", "propertyNames", "ref",
    "required", "type", "uniqueItems"};

// Groups whose schema is refused on purpose, each with the reason.
const std::set<std::string> kRefusedGroups = {
    "ref/remote ref, containing refs itself",  // a reference to the draft-07 meta-schema by URL
    "ref/Recursive references between schemas",  // "$id"-based resolution of relative references
    "ref/escaped pointer ref",  // keeps subschemas under unknown keywords, which this validator refuses
};

}  // namespace

TEST_SUITE("json schema: patterns") {
    TEST_CASE("the forms the report schema uses match as in JavaScript") {
        CHECK(pattern_finds("^[A-Za-z0-9_-]{8,64}$", "r-7f3a9c2e_01"));
        CHECK_FALSE(pattern_finds("^[A-Za-z0-9_-]{8,64}$", "short"));
        CHECK_FALSE(pattern_finds("^[A-Za-z0-9_-]{8,64}$", "has space in it"));
        CHECK(pattern_finds("^\\+[1-9][0-9]{7,14}$", "+31612345678"));
        CHECK_FALSE(pattern_finds("^\\+[1-9][0-9]{7,14}$", "0612345678"));
        CHECK(pattern_finds("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", "eyJ2IjoxfQ.c2ln"));
        CHECK_FALSE(pattern_finds("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", "eyJ2IjoxfQ.c2ln.extra"));
        CHECK(pattern_finds("^[a-z][a-z0-9_]{0,47}$", "verify_question"));
    }

    TEST_CASE("unanchored patterns search anywhere; anchors, alternation, groups and classes") {
        CHECK(pattern_finds("ell", "hello"));
        CHECK(pattern_finds("^(?:cat|dog)s?$", "dogs"));
        CHECK_FALSE(pattern_finds("^(?:cat|dog)s?$", "cow"));
        CHECK(pattern_finds("^a(b|c)*d$", "abcbcbd"));
        CHECK(pattern_finds("[^0-9]", "12a3"));
        CHECK_FALSE(pattern_finds("[^0-9]", "123"));
        CHECK(pattern_finds("^\\d+\\s\\w+$", "42 dogs"));
        CHECK(pattern_finds("^.$", "\xC3\xA9"));  // "é" is one character
        CHECK_FALSE(pattern_finds("^.$", "\n"));
        CHECK(pattern_finds("^a{2,3}$", "aaa"));
        CHECK_FALSE(pattern_finds("^a{2,3}$", "aaaa"));
        CHECK(pattern_finds("^x{2}$", "xx"));
        CHECK(pattern_finds("a{,3}", "a{,3}"));  // not a quantifier: literal braces, as browsers read it
        CHECK(pattern_finds("^[\\u00e9]$", "\xC3\xA9"));
        CHECK(pattern_finds("^(a|)$", ""));
        CHECK(pattern_finds("^(a*)*$", "aaaa"));
    }

    TEST_CASE("what the matcher does not support is refused at compile time, not misread") {
        CHECK(pattern_error("(?=a)").find("look-around") != std::string::npos);
        CHECK(pattern_error("(a)\\1").find("not supported") != std::string::npos);
        CHECK(pattern_error("\\bword").find("word boundary") != std::string::npos);
        CHECK_FALSE(pattern_error("(abc").empty());
        CHECK_FALSE(pattern_error("abc)").empty());
        CHECK_FALSE(pattern_error("[z-a]").empty());
        CHECK_FALSE(pattern_error("*a").empty());
        CHECK_FALSE(pattern_error("a{1001}").empty());
        CHECK_FALSE(pattern_error("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))").empty());
    }

    TEST_CASE("long input and hostile patterns take linear time and no stack") {
        const std::string voice(300000, 'A');
        CHECK(pattern_finds("^[A-Za-z0-9+/]+={0,2}$", voice + "=="));
        CHECK_FALSE(pattern_finds("^[A-Za-z0-9+/]+={0,2}$", voice + "!"));
        // The classic catastrophic-backtracking case: fast here.
        const auto start = std::chrono::steady_clock::now();
        CHECK_FALSE(pattern_finds("^(a+)+$", std::string(5000, 'a') + "!"));
        CHECK_FALSE(pattern_finds("^(a|aa)*$", std::string(5000, 'a') + "b"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    }

    TEST_CASE("lengths are counted in characters, not bytes") {
        CHECK(utf8_length("abc") == 3);
        CHECK(utf8_length("\xC3\xA9t\xC3\xA9") == 3);
        CHECK(utf8_length("\xF0\x9F\x92\xA9") == 1);
    }
}

TEST_SUITE("json schema: the official test suite (draft 7)") {
    TEST_CASE("every test of every implemented keyword gives the suite's answer") {
        REQUIRE_MESSAGE(std::filesystem::exists(kSuite), "install Debian's json-schema-test-suite (scripts/setup)");
        int groups = 0, tests = 0;
        std::set<std::string> refused;
        for (const char* file : kSuiteFiles) {
            const Json suite = parse_json(test::read_text(std::string(kSuite) + file + ".json"));
            REQUIRE_MESSAGE(suite.is_array(), file);
            for (const Json& group : suite) {
                const std::string name = std::string(file) + "/" + json_string(group, "description");
                std::string error;
                const auto schema = JsonSchema::compile(group["schema"], error);
                if (!schema) {
                    refused.insert(name);
                    CHECK_MESSAGE(kRefusedGroups.count(name), name << " was refused: " << error);
                    continue;
                }
                ++groups;
                for (const Json& test_case : group["tests"]) {
                    ++tests;
                    SchemaViolation violation;
                    const bool valid = schema->validate(test_case["data"], &violation);
                    CHECK_MESSAGE(valid == json_bool(test_case, "valid"),
                                  name << " / " << json_string(test_case, "description") << ": got "
                                       << (valid ? "valid" : "invalid: " + violation.to_string()));
                }
            }
        }
        MESSAGE("JSON-Schema-Test-Suite draft 7: " << tests << " tests in " << groups << " groups pass; "
                                                   << refused.size() << " groups refused by design");
        CHECK(tests > 350);
    }
}

TEST_SUITE("json schema: what the collector relies on") {
    TEST_CASE("an unknown field is rejected and named, however deep") {
        const JsonSchema schema = compiled_schema(R"({
            "type": "object", "additionalProperties": false,
            "properties": {"devices": {"type": "array", "items": {
                "type": "object", "additionalProperties": false,
                "properties": {"device_id": {"type": "string"}}}}}})");
        SchemaViolation violation;
        CHECK_FALSE(schema.validate(parse_json(R"({"devices": [{"device_id": "x"}, {"device_id": "y", "wifi_password": "hunter2"}]})"),
                                    &violation));
        CHECK(violation.location == "/devices/1/wifi_password");
        CHECK(violation.problem == "is not an allowed field");
    }

    TEST_CASE("among alternatives, the failure that got deepest is the one reported") {
        const JsonSchema schema = compiled_schema(R"({
            "oneOf": [{"$ref": "#/definitions/progress"}, {"$ref": "#/definitions/final"}],
            "definitions": {
              "progress": {"type": "object", "additionalProperties": false, "required": ["kind", "sequence"],
                           "properties": {"kind": {"const": "progress"}, "sequence": {"type": "integer"}}},
              "final": {"type": "object", "additionalProperties": false, "required": ["kind", "outcome"],
                        "properties": {"kind": {"const": "final"}, "outcome": {"enum": ["remediated", "needs_help"]}}}}})");
        SchemaViolation violation;
        CHECK_FALSE(schema.validate(parse_json(R"({"kind": "final", "outcome": "remediated", "password": "x"})"), &violation));
        CHECK(violation.location == "/password");
        CHECK_FALSE(schema.validate(parse_json(R"({"kind": "final", "outcome": "fixed"})"), &violation));
        CHECK(violation.location == "/outcome");
        CHECK(violation.problem.find("must be one of") == 0);
        CHECK(schema.validate(parse_json(R"({"kind": "progress", "sequence": 3})")));
        CHECK_FALSE(schema.validate(parse_json(R"({"kind": "progress"})"), &violation));
        CHECK(violation.problem == "missing the required field 'sequence'");
    }

    TEST_CASE("keywords the validator does not know make the schema fail to compile") {
        std::string error;
        CHECK_FALSE(JsonSchema::compile(parse_json(R"({"type": "string", "unevaluatedProperties": false})"), error));
        CHECK(error.find("unevaluatedProperties") != std::string::npos);
        CHECK_FALSE(JsonSchema::compile(parse_json(R"({"$ref": "https://example.org/other.json"})"), error));
        CHECK_FALSE(JsonSchema::compile(parse_json(R"({"pattern": "(?<=x)y"})"), error));
        CHECK(JsonSchema::compile(parse_json(R"({"title": "t", "description": "d", "format": "email", "$comment": "c"})"), error));
    }

    TEST_CASE("a schema that refers to itself endlessly fails the document instead of the process") {
        const JsonSchema schema = compiled_schema(R"({"$ref": "#"})");
        SchemaViolation violation;
        CHECK_FALSE(schema.validate(Json::object(), &violation));
        CHECK(violation.problem.find("recurses") != std::string::npos);
    }

    TEST_CASE("uniqueItems on a long array stays fast") {
        const JsonSchema schema = compiled_schema(R"({"type": "array", "uniqueItems": true})");
        Json items = Json::array();
        for (int i = 0; i < 50000; ++i) items.push_back(i);
        const auto start = std::chrono::steady_clock::now();
        CHECK(schema.validate(items));
        items.push_back(49999.0);  // 49999 and 49999.0 are the same number
        CHECK_FALSE(schema.validate(items));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    }
}

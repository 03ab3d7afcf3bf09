// json_schema.h — validating JSON against a JSON Schema (draft-07), in the portable core so
// the server, the desk tools, the unit tests and (if it wants) the wizard check reports
// against the same file, web/schemas/report.schema.json.
//
// The draft-07 keywords this project's schemas use, and their neighbours, are implemented:
//   any:     type, enum, const, allOf, anyOf, oneOf, not, if/then/else, $ref, definitions
//   numbers: minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
//   strings: minLength, maxLength (in code points), pattern (schema_pattern.h)
//   arrays:  items (one schema or a list), additionalItems, minItems, maxItems, uniqueItems, contains
//   objects: properties, patternProperties, additionalProperties, required, minProperties,
//            maxProperties, propertyNames, dependencies
// Annotations (title, description, $comment, default, examples, $schema, $id, format,
// readOnly, writeOnly, contentMediaType, contentEncoding) are read and ignored, as the
// specification allows for format. Any other keyword makes compile() fail: a validator that
// silently skipped a constraint it did not know would let through what the schema forbids.
// $ref resolves JSON pointers within the same document ("#", "#/definitions/x", with ~0, ~1
// and %-escapes); references to other documents are refused at compile time.
//
// Checked against Debian's json-schema-test-suite for these keywords (tests/unit/test_json_schema.cpp).
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/json.h"

namespace cleanslate {

// Why an instance failed: where (a JSON pointer into the instance, "" for the whole of it,
// "/devices/0/outcome") and what, in a short English sentence.
struct SchemaViolation {
    std::string location;
    std::string problem;
    std::string to_string() const { return (location.empty() ? std::string("(the document)") : location) + ": " + problem; }
};

class JsonSchema {
public:
    // nullopt with `error` set when the schema is not valid or uses something unsupported.
    static std::optional<JsonSchema> compile(const Json& schema, std::string& error);

    // True when `instance` is valid. Otherwise fills `violation` (if given) with the most
    // telling failure. Among alternatives (anyOf, oneOf) that is not one whose const did not
    // match (that alternative was not meant), then the one that got deepest into the instance:
    // "/password: is not an allowed field" rather than "/kind: must be "progress"".
    bool validate(const Json& instance, SchemaViolation* violation = nullptr) const;

    struct Node;  // the compiled schema (internal)

private:
    std::shared_ptr<const void> storage_;  // owns every Node
    const Node* root_ = nullptr;
};

}  // namespace cleanslate

// json_schema.cpp — compiling a schema document into nodes (references resolved once), and
// walking an instance against them.
#include "core/json_schema.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>

#include "core/schema_pattern.h"

namespace cleanslate {

// --- The compiled schema -------------------------------------------------------------------------
struct JsonSchema::Node {
    bool is_boolean = false;  // the schema was `true` or `false`
    bool boolean_value = true;
    const Node* reference = nullptr;  // draft-07: a $ref replaces its siblings

    unsigned types = 0;  // bit set of kType*; 0 = any
    std::optional<Json> enum_values;
    std::optional<Json> const_value;

    std::optional<double> minimum, maximum, exclusive_minimum, exclusive_maximum, multiple_of;

    std::optional<size_t> min_length, max_length;
    std::optional<SchemaPattern> pattern;
    std::string pattern_text;

    const Node* items = nullptr;  // one schema for every item
    std::vector<const Node*> item_list;  // or one per position
    bool items_is_list = false;
    const Node* additional_items = nullptr;
    std::optional<size_t> min_items, max_items;
    bool unique_items = false;
    const Node* contains = nullptr;

    std::map<std::string, const Node*> properties;
    std::vector<std::pair<SchemaPattern, const Node*>> pattern_properties;
    const Node* additional_properties = nullptr;
    std::vector<std::string> required;
    std::optional<size_t> min_properties, max_properties;
    const Node* property_names = nullptr;
    std::vector<std::pair<std::string, std::vector<std::string>>> dependent_fields;
    std::vector<std::pair<std::string, const Node*>> dependent_schemas;

    std::vector<const Node*> all_of, any_of, one_of;
    const Node* not_schema = nullptr;
    const Node* if_schema = nullptr;
    const Node* then_schema = nullptr;
    const Node* else_schema = nullptr;
};

namespace {

using Node = JsonSchema::Node;

enum : unsigned {
    kTypeNull = 1,
    kTypeBoolean = 2,
    kTypeObject = 4,
    kTypeArray = 8,
    kTypeNumber = 16,
    kTypeString = 32,
    kTypeInteger = 64,
};

constexpr int kDeepestSchema = 200;

const char* const kAnnotations[] = {"title",   "description", "$comment",   "default",          "examples",
                                    "$schema", "$id",         "format",     "readOnly",         "writeOnly",
                                    "contentMediaType",       "contentEncoding", "definitions"};

bool is_annotation(const std::string& keyword) {
    for (const char* annotation : kAnnotations)
        if (keyword == annotation) return true;
    return false;
}

std::string_view type_name(unsigned type) {
    switch (type) {
        case kTypeNull: return "null";
        case kTypeBoolean: return "boolean";
        case kTypeObject: return "object";
        case kTypeArray: return "array";
        case kTypeNumber: return "number";
        case kTypeString: return "string";
        case kTypeInteger: return "integer";
        default: return "?";
    }
}

unsigned type_of_name(std::string_view name) {
    for (unsigned type = kTypeNull; type <= kTypeInteger; type <<= 1)
        if (type_name(type) == name) return type;
    return 0;
}

bool is_integer(const Json& value) {
    if (value.is_number_integer()) return true;
    if (!value.is_number_float()) return false;
    const double number = value.get<double>();
    return std::isfinite(number) && std::floor(number) == number;
}

bool has_type(const Json& value, unsigned type) {
    switch (type) {
        case kTypeNull: return value.is_null();
        case kTypeBoolean: return value.is_boolean();
        case kTypeObject: return value.is_object();
        case kTypeArray: return value.is_array();
        case kTypeNumber: return value.is_number();
        case kTypeString: return value.is_string();
        case kTypeInteger: return is_integer(value);
        default: return false;
    }
}

// A JSON pointer token for a member name ("a/b" -> "a~1b").
std::string pointer_token(const std::string& name) {
    std::string token;
    for (char c : name) {
        if (c == '~') token += "~0";
        else if (c == '/') token += "~1";
        else token += c;
    }
    return token;
}

std::string short_json(const Json& value) {
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

// --- Compiling ----------------------------------------------------------------------------------
class Compiler {
public:
    Compiler(const Json& document, std::deque<Node>& nodes) : document_(document), nodes_(nodes) {}

    const Node* compile(const Json& schema, const std::string& pointer, int depth) {
        if (!error_.empty()) return nullptr;
        auto known = by_pointer_.find(pointer);
        if (known != by_pointer_.end()) return known->second;
        if (depth > kDeepestSchema) return fail(pointer, "nested too deeply");
        nodes_.emplace_back();
        Node& node = nodes_.back();
        by_pointer_[pointer] = &node;

        if (schema.is_boolean()) {
            node.is_boolean = true;
            node.boolean_value = schema.get<bool>();
            return &node;
        }
        if (!schema.is_object()) return fail(pointer, "a schema is an object or a boolean");

        for (const auto& [keyword, value] : schema.items()) {
            const std::string at = pointer + "/" + pointer_token(keyword);
            if (!read_keyword(node, keyword, value, at, depth)) return nullptr;
        }
        return error_.empty() ? &node : nullptr;
    }

    const std::string& error() const { return error_; }

private:
    std::nullptr_t fail(const std::string& pointer, const std::string& message) {
        if (error_.empty()) error_ = "schema " + (pointer.empty() ? std::string("#") : "#" + pointer) + ": " + message;
        return nullptr;
    }

    std::optional<double> number(const Json& value, const std::string& at) {
        if (!value.is_number()) {
            fail(at, "must be a number");
            return std::nullopt;
        }
        return value.get<double>();
    }

    std::optional<size_t> count(const Json& value, const std::string& at) {
        if (!is_integer(value) || value.get<double>() < 0) {
            fail(at, "must be a non-negative integer");
            return std::nullopt;
        }
        return size_t(value.get<double>());
    }

    std::optional<SchemaPattern> regex(const Json& value, const std::string& at) {
        if (!value.is_string()) {
            fail(at, "must be a string");
            return std::nullopt;
        }
        std::string problem;
        auto compiled = SchemaPattern::compile(value.get_ref<const std::string&>(), problem);
        if (!compiled) fail(at, "pattern " + short_json(value) + ": " + problem);
        return compiled;
    }

    const Node* subschema(const Json& value, const std::string& at, int depth) { return compile(value, at, depth + 1); }

    bool schema_list(const Json& value, const std::string& at, int depth, std::vector<const Node*>& into) {
        if (!value.is_array() || value.empty()) return fail(at, "must be a non-empty array of schemas"), false;
        for (size_t i = 0; i < value.size(); ++i) {
            const Node* child = subschema(value[i], at + "/" + std::to_string(i), depth);
            if (!child) return false;
            into.push_back(child);
        }
        return true;
    }

    // Finds the value a "#/a/b" reference points at in the document.
    const Json* resolve(const std::string& reference, std::string& pointer) {
        if (reference.empty() || reference[0] != '#') return nullptr;
        pointer.clear();
        const Json* at = &document_;
        std::string rest = reference.substr(1);
        if (rest.empty()) return at;
        if (rest[0] != '/') return nullptr;
        size_t start = 1;
        while (start <= rest.size()) {
            size_t slash = rest.find('/', start);
            if (slash == std::string::npos) slash = rest.size();
            std::string token;
            for (size_t i = start; i < slash; ++i) {
                if (rest[i] == '%' && i + 2 < slash) {
                    const std::string hex = rest.substr(i + 1, 2);
                    token += char(std::strtol(hex.c_str(), nullptr, 16));
                    i += 2;
                } else {
                    token += rest[i];
                }
            }
            std::string name;
            for (size_t i = 0; i < token.size(); ++i) {
                if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
                    name += token[i + 1] == '0' ? '~' : '/';
                    ++i;
                } else {
                    name += token[i];
                }
            }
            pointer += "/" + pointer_token(name);
            if (at->is_object()) {
                auto found = at->find(name);
                if (found == at->end()) return nullptr;
                at = &*found;
            } else if (at->is_array()) {
                if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) return nullptr;
                const size_t index = size_t(std::strtoul(name.c_str(), nullptr, 10));
                if (index >= at->size()) return nullptr;
                at = &(*at)[index];
            } else {
                return nullptr;
            }
            start = slash + 1;
        }
        return at;
    }

    bool read_keyword(Node& node, const std::string& keyword, const Json& value, const std::string& at, int depth) {
        if (keyword == "$ref") {
            if (!value.is_string()) return fail(at, "must be a string"), false;
            std::string pointer;
            const Json* target = resolve(value.get_ref<const std::string&>(), pointer);
            if (!target) return fail(at, "cannot resolve " + short_json(value) + " (only references within this document)"), false;
            node.reference = compile(*target, pointer, depth + 1);
            return node.reference != nullptr;
        }
        if (keyword == "definitions") {
            if (!value.is_object()) return fail(at, "must be an object"), false;
            for (const auto& [name, definition] : value.items())
                if (!subschema(definition, at + "/" + pointer_token(name), depth)) return false;
            return true;
        }
        if (is_annotation(keyword)) return true;
        if (keyword == "type") {
            const Json names = value.is_array() ? value : Json::array({value});
            for (const Json& name : names) {
                const unsigned type = name.is_string() ? type_of_name(name.get_ref<const std::string&>()) : 0;
                if (!type) return fail(at, "unknown type " + short_json(name)), false;
                node.types |= type;
            }
            return true;
        }
        if (keyword == "enum") {
            if (!value.is_array()) return fail(at, "must be an array"), false;
            node.enum_values = value;
            return true;
        }
        if (keyword == "const") {
            node.const_value = value;
            return true;
        }
        if (keyword == "minimum") return bool(node.minimum = number(value, at));
        if (keyword == "maximum") return bool(node.maximum = number(value, at));
        if (keyword == "exclusiveMinimum") return bool(node.exclusive_minimum = number(value, at));
        if (keyword == "exclusiveMaximum") return bool(node.exclusive_maximum = number(value, at));
        if (keyword == "multipleOf") {
            node.multiple_of = number(value, at);
            if (node.multiple_of && *node.multiple_of <= 0) return fail(at, "must be greater than 0"), false;
            return bool(node.multiple_of);
        }
        if (keyword == "minLength") return bool(node.min_length = count(value, at));
        if (keyword == "maxLength") return bool(node.max_length = count(value, at));
        if (keyword == "pattern") {
            node.pattern = regex(value, at);
            if (node.pattern) node.pattern_text = value.get<std::string>();
            return bool(node.pattern);
        }
        if (keyword == "items") {
            if (value.is_array()) {
                node.items_is_list = true;
                for (size_t i = 0; i < value.size(); ++i) {
                    const Node* item = subschema(value[i], at + "/" + std::to_string(i), depth);
                    if (!item) return false;
                    node.item_list.push_back(item);
                }
                return true;
            }
            return (node.items = subschema(value, at, depth)) != nullptr;
        }
        if (keyword == "additionalItems") return (node.additional_items = subschema(value, at, depth)) != nullptr;
        if (keyword == "minItems") return bool(node.min_items = count(value, at));
        if (keyword == "maxItems") return bool(node.max_items = count(value, at));
        if (keyword == "uniqueItems") {
            if (!value.is_boolean()) return fail(at, "must be a boolean"), false;
            node.unique_items = value.get<bool>();
            return true;
        }
        if (keyword == "contains") return (node.contains = subschema(value, at, depth)) != nullptr;
        if (keyword == "properties") {
            if (!value.is_object()) return fail(at, "must be an object"), false;
            for (const auto& [name, property] : value.items()) {
                const Node* child = subschema(property, at + "/" + pointer_token(name), depth);
                if (!child) return false;
                node.properties.emplace(name, child);
            }
            return true;
        }
        if (keyword == "patternProperties") {
            if (!value.is_object()) return fail(at, "must be an object"), false;
            for (const auto& [pattern_text, property] : value.items()) {
                auto compiled = regex(Json(pattern_text), at + "/" + pointer_token(pattern_text));
                const Node* child = compiled ? subschema(property, at + "/" + pointer_token(pattern_text), depth) : nullptr;
                if (!child) return false;
                node.pattern_properties.emplace_back(std::move(*compiled), child);
            }
            return true;
        }
        if (keyword == "additionalProperties")
            return (node.additional_properties = subschema(value, at, depth)) != nullptr;
        if (keyword == "required") {
            if (!value.is_array()) return fail(at, "must be an array of names"), false;
            for (const Json& name : value) {
                if (!name.is_string()) return fail(at, "must be an array of names"), false;
                node.required.push_back(name.get<std::string>());
            }
            return true;
        }
        if (keyword == "minProperties") return bool(node.min_properties = count(value, at));
        if (keyword == "maxProperties") return bool(node.max_properties = count(value, at));
        if (keyword == "propertyNames") return (node.property_names = subschema(value, at, depth)) != nullptr;
        if (keyword == "dependencies") {
            if (!value.is_object()) return fail(at, "must be an object"), false;
            for (const auto& [name, dependency] : value.items()) {
                if (dependency.is_array()) {
                    std::vector<std::string> fields;
                    for (const Json& field : dependency) {
                        if (!field.is_string()) return fail(at, "a dependency list holds names"), false;
                        fields.push_back(field.get<std::string>());
                    }
                    node.dependent_fields.emplace_back(name, std::move(fields));
                } else {
                    const Node* child = subschema(dependency, at + "/" + pointer_token(name), depth);
                    if (!child) return false;
                    node.dependent_schemas.emplace_back(name, child);
                }
            }
            return true;
        }
        if (keyword == "allOf") return schema_list(value, at, depth, node.all_of);
        if (keyword == "anyOf") return schema_list(value, at, depth, node.any_of);
        if (keyword == "oneOf") return schema_list(value, at, depth, node.one_of);
        if (keyword == "not") return (node.not_schema = subschema(value, at, depth)) != nullptr;
        if (keyword == "if") return (node.if_schema = subschema(value, at, depth)) != nullptr;
        if (keyword == "then") return (node.then_schema = subschema(value, at, depth)) != nullptr;
        if (keyword == "else") return (node.else_schema = subschema(value, at, depth)) != nullptr;
        return fail(at, "keyword '" + keyword + "' is not supported by this validator"), false;
    }

    const Json& document_;
    std::deque<Node>& nodes_;
    std::map<std::string, const Node*> by_pointer_;
    std::string error_;
};

// --- Validating --------------------------------------------------------------------------------------
struct Failure {
    std::string location;
    std::string problem;
    size_t depth = 0;  // segments in location
    // How much the failure says about the value rather than about which alternative was
    // meant: a const mismatch ("kind" is not "progress") says "wrong alternative"; a type or
    // enum mismatch a little less; anything else is about the value itself.
    enum class Kind { value, type_or_enum, constant } kind = Kind::value;
};

// Whether failure `a` tells more than `b`: not a wrong-alternative const, then deeper into
// the instance, then about the value rather than its type.
bool more_telling(const Failure& a, const Failure& b) {
    if ((a.kind == Failure::Kind::constant) != (b.kind == Failure::Kind::constant)) return b.kind == Failure::Kind::constant;
    if (a.depth != b.depth) return a.depth > b.depth;
    return a.kind < b.kind;
}

class Validator {
public:
    bool check(const Node* node, const Json& value, int depth) {
        if (depth > kDeepestSchema) return fail("the schema recurses too deeply for this document");
        if (node->is_boolean) return node->boolean_value || fail("no value is allowed here");
        if (node->reference) return check(node->reference, value, depth + 1);

        if (node->types) {
            bool matches = false;
            for (unsigned type = kTypeNull; type <= kTypeInteger && !matches; type <<= 1)
                matches = (node->types & type) && has_type(value, type);
            if (!matches) return fail("must be " + expected_types(node->types), Failure::Kind::type_or_enum);
        }
        if (node->const_value && !(value == *node->const_value))
            return fail("must be " + short_json(*node->const_value), Failure::Kind::constant);
        if (node->enum_values) {
            bool listed = false;
            for (const Json& allowed : *node->enum_values) listed = listed || value == allowed;
            if (!listed) return fail("must be one of " + short_json(*node->enum_values), Failure::Kind::type_or_enum);
        }

        if (value.is_number() && !check_number(*node, value.get<double>())) return false;
        if (value.is_string() && !check_string(*node, value.get_ref<const std::string&>())) return false;
        if (value.is_array() && !check_array(*node, value, depth)) return false;
        if (value.is_object() && !check_object(*node, value, depth)) return false;

        for (const Node* part : node->all_of)
            if (!check(part, value, depth + 1)) return false;
        if (!node->any_of.empty() && !check_any_of(node->any_of, value, depth)) return false;
        if (!node->one_of.empty() && !check_one_of(node->one_of, value, depth)) return false;
        if (node->not_schema && passes(node->not_schema, value, depth))
            return fail("must not have the form this schema excludes");
        if (node->if_schema) {
            const Node* branch = passes(node->if_schema, value, depth) ? node->then_schema : node->else_schema;
            if (branch && !check(branch, value, depth + 1)) return false;
        }
        return true;
    }

    std::string location;
    Failure failure;

private:
    bool fail(std::string problem, Failure::Kind kind = Failure::Kind::value) {
        failure.location = location;
        failure.problem = std::move(problem);
        failure.depth = size_t(std::count(location.begin(), location.end(), '/'));
        failure.kind = kind;
        return false;
    }

    static std::string expected_types(unsigned types) {
        std::string text;
        for (unsigned type = kTypeNull; type <= kTypeInteger; type <<= 1)
            if (types & type) text += (text.empty() ? "" : " or ") + std::string(type_name(type) == "integer" ? "an " : "a ") +
                                      std::string(type_name(type));
        return text;
    }

    // Runs a check whose failure is not reported (not, if).
    bool passes(const Node* node, const Json& value, int depth) {
        const Failure saved = failure;
        const std::string saved_location = location;
        const bool ok = check(node, value, depth + 1);
        failure = saved;
        location = saved_location;
        return ok;
    }

    bool check_any_of(const std::vector<const Node*>& alternatives, const Json& value, int depth) {
        std::optional<Failure> best;
        const std::string here = location;
        for (const Node* alternative : alternatives) {
            if (check(alternative, value, depth + 1)) return true;
            if (!best || more_telling(failure, *best)) best = failure;
            location = here;
        }
        failure = *best;
        return false;
    }

    bool check_one_of(const std::vector<const Node*>& alternatives, const Json& value, int depth) {
        std::optional<Failure> best;
        const std::string here = location;
        int passed = 0;
        for (const Node* alternative : alternatives) {
            if (check(alternative, value, depth + 1)) ++passed;
            else if (!best || more_telling(failure, *best)) best = failure;
            location = here;
        }
        if (passed == 1) return true;
        if (passed > 1) return fail("matches more than one of the forms allowed here");
        failure = *best;
        return false;
    }

    bool check_number(const Node& node, double number) {
        if (node.minimum && number < *node.minimum) return fail("must be at least " + short_json(Json(*node.minimum)));
        if (node.maximum && number > *node.maximum) return fail("must be at most " + short_json(Json(*node.maximum)));
        if (node.exclusive_minimum && number <= *node.exclusive_minimum)
            return fail("must be more than " + short_json(Json(*node.exclusive_minimum)));
        if (node.exclusive_maximum && number >= *node.exclusive_maximum)
            return fail("must be less than " + short_json(Json(*node.exclusive_maximum)));
        if (node.multiple_of) {
            const double quotient = number / *node.multiple_of;
            if (!std::isfinite(quotient) || std::fabs(quotient - std::round(quotient)) > 1e-9 * std::max(1.0, std::fabs(quotient)))
                return fail("must be a multiple of " + short_json(Json(*node.multiple_of)));
        }
        return true;
    }

    bool check_string(const Node& node, const std::string& text) {
        if (node.min_length || node.max_length) {
            const size_t length = utf8_length(text);
            if (node.min_length && length < *node.min_length)
                return fail("must be at least " + std::to_string(*node.min_length) + " characters long");
            if (node.max_length && length > *node.max_length)
                return fail("must be at most " + std::to_string(*node.max_length) + " characters long");
        }
        if (node.pattern && !node.pattern->search(text)) return fail("does not have the form " + node.pattern_text);
        return true;
    }

    bool check_item(const Node* schema, const Json& item, size_t index, int depth) {
        const size_t length = location.size();
        location += "/" + std::to_string(index);
        const bool ok = check(schema, item, depth + 1);
        if (ok) location.resize(length);
        return ok;
    }

    bool check_array(const Node& node, const Json& array, int depth) {
        // Counts first: they are cheap and bound the work below.
        if (node.max_items && array.size() > *node.max_items)
            return fail("must have at most " + std::to_string(*node.max_items) + " items");
        if (node.min_items && array.size() < *node.min_items)
            return fail("must have at least " + std::to_string(*node.min_items) + " items");
        for (size_t i = 0; i < array.size(); ++i) {
            const Node* schema = node.items_is_list ? (i < node.item_list.size() ? node.item_list[i] : node.additional_items)
                                                    : node.items;
            if (schema && !check_item(schema, array[i], i, depth)) return false;
        }
        if (node.unique_items && array.size() > 1) {
            std::vector<const Json*> sorted;
            for (const Json& item : array) sorted.push_back(&item);
            std::sort(sorted.begin(), sorted.end(), [](const Json* a, const Json* b) { return *a < *b; });
            for (size_t i = 1; i < sorted.size(); ++i)
                if (*sorted[i - 1] == *sorted[i]) return fail("must not list " + short_json(*sorted[i]) + " twice");
        }
        if (node.contains) {
            bool found = false;
            for (size_t i = 0; i < array.size() && !found; ++i) found = passes(node.contains, array[i], depth);
            if (!found) return fail("must contain an item of the required form");
        }
        return true;
    }

    bool check_member(const Node* schema, const std::string& name, const Json& member, int depth) {
        const size_t length = location.size();
        location += "/" + pointer_token(name);
        const bool ok = check(schema, member, depth + 1);
        if (ok) location.resize(length);
        return ok;
    }

    bool check_object(const Node& node, const Json& object, int depth) {
        if (node.max_properties && object.size() > *node.max_properties)
            return fail("must have at most " + std::to_string(*node.max_properties) + " fields");
        if (node.min_properties && object.size() < *node.min_properties)
            return fail("must have at least " + std::to_string(*node.min_properties) + " fields");
        // Described fields first, so a mismatch that shows this is the wrong alternative (a
        // const "kind") is found before an unknown field that only this alternative lacks.
        std::vector<const std::string*> undescribed;
        for (const auto& [name, member] : object.items()) {
            bool described = false;
            auto property = node.properties.find(name);
            if (property != node.properties.end()) {
                described = true;
                if (!check_member(property->second, name, member, depth)) return false;
            }
            for (const auto& [pattern, schema] : node.pattern_properties) {
                if (!pattern.search(name)) continue;
                described = true;
                if (!check_member(schema, name, member, depth)) return false;
            }
            if (!described) undescribed.push_back(&name);
        }
        if (node.additional_properties) {
            for (const std::string* name : undescribed) {
                if (node.additional_properties->is_boolean && !node.additional_properties->boolean_value) {
                    const size_t length = location.size();
                    location += "/" + pointer_token(*name);
                    fail("is not an allowed field");
                    location.resize(length);
                    return false;
                }
                if (!check_member(node.additional_properties, *name, object[*name], depth)) return false;
            }
        }
        if (node.property_names) {
            for (const auto& [name, member] : object.items()) {
                if (check(node.property_names, Json(name), depth + 1)) continue;
                failure.problem = "field name " + short_json(Json(name)) + " " + failure.problem;
                return false;
            }
        }
        for (const std::string& name : node.required)
            if (!object.contains(name)) return fail("missing the required field '" + name + "'");
        for (const auto& [name, fields] : node.dependent_fields) {
            if (!object.contains(name)) continue;
            for (const std::string& field : fields)
                if (!object.contains(field)) return fail("with '" + name + "' it needs '" + field + "'");
        }
        for (const auto& [name, schema] : node.dependent_schemas)
            if (object.contains(name) && !check(schema, object, depth + 1)) return false;
        return true;
    }
};

}  // namespace

// --- Public face ---------------------------------------------------------------------------------------------
std::optional<JsonSchema> JsonSchema::compile(const Json& schema, std::string& error) {
    struct Storage {
        Json document;
        std::deque<Node> nodes;
    };
    auto storage = std::make_shared<Storage>();
    storage->document = schema;
    Compiler compiler(storage->document, storage->nodes);
    const Node* root = compiler.compile(storage->document, "", 0);
    if (!root) {
        error = compiler.error().empty() ? "schema could not be compiled" : compiler.error();
        return std::nullopt;
    }
    JsonSchema compiled;
    compiled.root_ = root;
    compiled.storage_ = std::move(storage);
    return compiled;
}

bool JsonSchema::validate(const Json& instance, SchemaViolation* violation) const {
    Validator validator;
    if (validator.check(root_, instance, 0)) return true;
    if (violation) *violation = SchemaViolation{validator.failure.location, validator.failure.problem};
    return false;
}

}  // namespace cleanslate

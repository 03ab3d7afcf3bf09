// Fuzzes what POST /api/report does with a body before anything is stored: the depth scan in
// front of the parser, the parser, and validation against web/schemas/report.schema.json.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/json_schema.h"
#include "http/json_body.h"

namespace {

const cleanslate::JsonSchema& report_schema() {
    static const cleanslate::JsonSchema schema = [] {
        std::ifstream in(CS_SOURCE_DIR "/web/schemas/report.schema.json");
        std::stringstream text;
        text << in.rdbuf();
        std::string error;
        auto compiled = cleanslate::JsonSchema::compile(cleanslate::parse_json(text.str()), error);
        if (!compiled) __builtin_trap();
        return *compiled;
    }();
    return schema;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    if (cleanslate::server::json_nesting_depth(body) > cleanslate::server::kDeepestJson) return 0;
    const cleanslate::Json report = cleanslate::parse_json(body);
    if (report.is_discarded()) return 0;
    cleanslate::SchemaViolation violation;
    report_schema().validate(report, &violation);
    return 0;
}

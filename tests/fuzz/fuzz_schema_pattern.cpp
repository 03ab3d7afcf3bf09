// Fuzzes the JSON Schema pattern matcher: the first line is a pattern, the rest the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/schema_pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t newline = input.find('\n');
    if (newline == std::string_view::npos) return 0;
    std::string error;
    const auto pattern = cleanslate::SchemaPattern::compile(input.substr(0, newline), error);
    if (pattern) pattern->search(input.substr(newline + 1));
    return 0;
}

// schema_pattern.h — the regular expressions of JSON Schema's "pattern" keyword.
//
// JSON Schema patterns are ECMA-262 regular expressions, tested unanchored (like JavaScript's
// RegExp.test). std::regex cannot be used on untrusted input: libstdc++ matches by recursion,
// one stack frame per character, and overflows the stack on a long string (a 200 KB voice
// note against "^[A-Za-z0-9+/]+={0,2}$"), and backtracking makes some patterns exponential.
// This matcher compiles the pattern to a small program and runs it as a Pike VM: every input
// position is visited once with at most one thread per instruction, so the time is
// O(input × program) and the stack use is constant, whatever the input.
//
// Supported: literals and escapes (\. \\ \/ \t \n \r \f \v \0 \xHH \uHHHH), \d \D \w \W \s \S,
// ".", classes with ranges and negation ("[^a-z_]"), groups "(...)" and "(?:...)",
// alternation "|", the quantifiers * + ? {n} {n,} {n,m} (and their lazy forms, which match the
// same strings), anchors ^ and $. Not supported (compile() says which): back-references,
// look-around, \b, named groups, flags. Text is matched by Unicode code point (UTF-8 decoded).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cleanslate {

class SchemaPattern {
public:
    // nullopt with `error` set when the pattern is malformed, unsupported, or would compile to
    // more than a few thousand instructions (counted repetitions are expanded).
    static std::optional<SchemaPattern> compile(std::string_view pattern, std::string& error);

    // Whether the pattern matches anywhere in `text` (UTF-8; invalid bytes are matched as
    // U+FFFD, so they can never satisfy a class of ASCII letters).
    bool search(std::string_view text) const;

    struct Instruction;  // the compiled program (internal)

private:
    std::shared_ptr<const std::vector<Instruction>> program_;
};

// The number of Unicode code points in UTF-8 text (what minLength and maxLength count).
size_t utf8_length(std::string_view text);

}  // namespace cleanslate

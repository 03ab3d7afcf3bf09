// schema_pattern.cpp — parsing a pattern into a tree, compiling the tree to a program, and
// running the program over the text as a Pike VM (no backtracking, no recursion on input).
#include "core/schema_pattern.h"

#include <algorithm>
#include <utility>

namespace cleanslate {

namespace {

using CodePoint = uint32_t;
using Ranges = std::vector<std::pair<CodePoint, CodePoint>>;  // inclusive, sorted, merged

constexpr CodePoint kLastCodePoint = 0x10FFFF;
constexpr CodePoint kReplacement = 0xFFFD;
constexpr size_t kLargestProgram = 20000;
constexpr int kDeepestGroups = 64;
constexpr int kLargestCount = 1000;

// --- UTF-8 ---------------------------------------------------------------------------------
// Decodes one code point at `at`, advancing it; malformed or overlong input is U+FFFD.
CodePoint next_code_point(std::string_view text, size_t& at) {
    const unsigned char lead = static_cast<unsigned char>(text[at++]);
    if (lead < 0x80) return lead;
    int extra = 0;
    CodePoint value = 0, smallest = 0;
    if ((lead & 0xE0) == 0xC0) { extra = 1; value = lead & 0x1F; smallest = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { extra = 2; value = lead & 0x0F; smallest = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { extra = 3; value = lead & 0x07; smallest = 0x10000; }
    else return kReplacement;
    for (int i = 0; i < extra; ++i) {
        if (at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) return kReplacement;
        value = (value << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
    }
    if (value < smallest || value > kLastCodePoint || (value >= 0xD800 && value <= 0xDFFF)) return kReplacement;
    return value;
}

// --- Character sets ------------------------------------------------------------------------------
Ranges normalized(Ranges ranges) {
    std::sort(ranges.begin(), ranges.end());
    Ranges merged;
    for (const auto& range : ranges) {
        if (!merged.empty() && range.first <= merged.back().second + 1)
            merged.back().second = std::max(merged.back().second, range.second);
        else
            merged.push_back(range);
    }
    return merged;
}

Ranges complement(const Ranges& ranges) {
    Ranges gaps;
    CodePoint next = 0;
    for (const auto& [first, last] : normalized(ranges)) {
        if (first > next) gaps.emplace_back(next, first - 1);
        next = last + 1;
    }
    if (next <= kLastCodePoint) gaps.emplace_back(next, kLastCodePoint);
    return gaps;
}

const Ranges kDigits = {{'0', '9'}};
const Ranges kWordCharacters = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
const Ranges kWhitespace = {{0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A},
                            {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
                            {0xFEFF, 0xFEFF}};
const Ranges kLineTerminators = {{0x0A, 0x0A}, {0x0D, 0x0D}, {0x2028, 0x2029}};

bool contains(const Ranges& ranges, CodePoint c) {
    for (const auto& [first, last] : ranges) {
        if (c < first) return false;
        if (c <= last) return true;
    }
    return false;
}

// --- The tree ---------------------------------------------------------------------------------------
struct Node {
    enum class Kind { empty, set, concat, alternation, repeat, line_start, line_end } kind = Kind::empty;
    Ranges set;
    std::vector<Node> children;
    int min = 0, max = 0;  // repeat; max < 0: unbounded
};

class Parser {
public:
    explicit Parser(std::string_view pattern) : pattern_(pattern) {}

    std::optional<Node> parse(std::string& error) {
        Node tree = alternation(0);
        if (!error_.empty()) {
            error = error_;
            return std::nullopt;
        }
        if (at_ != pattern_.size()) {
            error = "unbalanced ')' at " + std::to_string(at_);
            return std::nullopt;
        }
        return tree;
    }

private:
    bool done() const { return at_ >= pattern_.size() || !error_.empty(); }
    char peek() const { return pattern_[at_]; }
    void fail(std::string message) {
        if (error_.empty()) error_ = std::move(message) + " at " + std::to_string(at_);
    }

    Node alternation(int depth) {
        if (depth > kDeepestGroups) {
            fail("groups nested too deeply");
            return {};
        }
        Node first = sequence(depth);
        if (done() || peek() != '|') return first;
        Node alternatives;
        alternatives.kind = Node::Kind::alternation;
        alternatives.children.push_back(std::move(first));
        while (!done() && peek() == '|') {
            ++at_;
            alternatives.children.push_back(sequence(depth));
        }
        return alternatives;
    }

    Node sequence(int depth) {
        Node concat;
        concat.kind = Node::Kind::concat;
        while (!done() && peek() != '|' && peek() != ')') {
            Node atom_node = atom(depth);
            if (!error_.empty()) return {};
            concat.children.push_back(quantified(std::move(atom_node)));
        }
        return concat;
    }

    Node atom(int depth) {
        const char c = pattern_[at_++];
        Node node;
        switch (c) {
            case '^': node.kind = Node::Kind::line_start; return node;
            case '$': node.kind = Node::Kind::line_end; return node;
            case '.': return set_node(complement(kLineTerminators));
            case '[': return character_class();
            case '(': {
                if (at_ < pattern_.size() && peek() == '?') {
                    if (at_ + 1 < pattern_.size() && pattern_[at_ + 1] == ':') {
                        at_ += 2;
                    } else {
                        fail("look-around and named groups are not supported");
                        return {};
                    }
                }
                Node inner = alternation(depth + 1);
                if (done() || peek() != ')') {
                    fail("missing ')'");
                    return {};
                }
                ++at_;
                return inner;
            }
            case ')': fail("unbalanced ')'"); return {};
            case '*': case '+': case '?': fail("nothing to repeat"); return {};
            case '\\': {
                Ranges ranges;
                if (!escape(false, ranges)) return {};
                return set_node(std::move(ranges));
            }
            default: {
                --at_;
                const CodePoint literal_point = next_code_point(pattern_, at_);
                return set_node(Ranges{{literal_point, literal_point}});
            }
        }
    }

    static Node set_node(Ranges ranges) {
        Node node;
        node.kind = Node::Kind::set;
        node.set = normalized(std::move(ranges));
        return node;
    }

    // After a backslash. In a class, \b is a backspace; outside it is a word boundary.
    bool escape(bool in_class, Ranges& out) {
        if (at_ >= pattern_.size()) {
            fail("pattern ends with '\\'");
            return false;
        }
        const char c = pattern_[at_++];
        switch (c) {
            case 'd': out = kDigits; return true;
            case 'D': out = complement(kDigits); return true;
            case 'w': out = kWordCharacters; return true;
            case 'W': out = complement(kWordCharacters); return true;
            case 's': out = kWhitespace; return true;
            case 'S': out = complement(kWhitespace); return true;
            case 't': out = {{'\t', '\t'}}; return true;
            case 'n': out = {{'\n', '\n'}}; return true;
            case 'r': out = {{'\r', '\r'}}; return true;
            case 'f': out = {{'\f', '\f'}}; return true;
            case 'v': out = {{'\v', '\v'}}; return true;
            case '0': out = {{0, 0}}; return true;
            case 'b':
                if (in_class) {
                    out = {{8, 8}};
                    return true;
                }
                fail("\\b (word boundary) is not supported");
                return false;
            case 'x':
            case 'u': {
                const int digits = c == 'x' ? 2 : 4;
                if (at_ + size_t(digits) > pattern_.size()) {
                    fail("short \\x or \\u escape");
                    return false;
                }
                CodePoint value = 0;
                for (int i = 0; i < digits; ++i) {
                    const char h = pattern_[at_++];
                    const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                      : h >= 'A' && h <= 'F'              ? h - 'A' + 10
                                                                                          : -1;
                    if (v < 0) {
                        fail("malformed \\x or \\u escape");
                        return false;
                    }
                    value = value * 16 + CodePoint(v);
                }
                out = {{value, value}};
                return true;
            }
            default:
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9')) {
                    fail(std::string("escape \\") + c + " is not supported");
                    return false;
                }
                --at_;
                const CodePoint literal_point = next_code_point(pattern_, at_);
                out = {{literal_point, literal_point}};
                return true;
        }
    }

    Node character_class() {
        bool negated = false;
        if (at_ < pattern_.size() && peek() == '^') {
            negated = true;
            ++at_;
        }
        Ranges ranges;
        while (true) {
            if (at_ >= pattern_.size()) {
                fail("missing ']'");
                return {};
            }
            if (peek() == ']') break;  // "[]" matches nothing and "[^]" everything, as in ECMAScript
            Ranges low;
            if (!class_atom(low)) return {};
            // A range "a-z": both ends single code points; "-" first or last is literal.
            if (at_ + 1 < pattern_.size() && peek() == '-' && pattern_[at_ + 1] != ']') {
                ++at_;
                Ranges high;
                if (!class_atom(high)) return {};
                if (low.size() != 1 || high.size() != 1 || low[0].first != low[0].second ||
                    high[0].first != high[0].second) {
                    fail("a class range needs single characters at both ends");
                    return {};
                }
                if (low[0].first > high[0].first) {
                    fail("class range out of order");
                    return {};
                }
                ranges.emplace_back(low[0].first, high[0].first);
            } else {
                ranges.insert(ranges.end(), low.begin(), low.end());
            }
        }
        ++at_;  // ']'
        Node node;
        node.kind = Node::Kind::set;
        node.set = negated ? complement(ranges) : normalized(ranges);
        return node;
    }

    bool class_atom(Ranges& out) {
        if (peek() == '\\') {
            ++at_;
            return escape(true, out);
        }
        const CodePoint c = next_code_point(pattern_, at_);
        out = {{c, c}};
        return true;
    }

    // Reads "{n}", "{n,}" or "{n,m}" at at_ if there is one; otherwise leaves at_ alone
    // (a lone "{" is a literal, as browsers read it).
    bool counted(int& min, int& max) {
        size_t at = at_ + 1;
        auto number = [&](int& value) {
            const size_t start = at;
            value = 0;
            while (at < pattern_.size() && pattern_[at] >= '0' && pattern_[at] <= '9') {
                value = std::min(value * 10 + (pattern_[at] - '0'), kLargestCount + 1);
                ++at;
            }
            return at > start;
        };
        if (!number(min)) return false;
        max = min;
        if (at < pattern_.size() && pattern_[at] == ',') {
            ++at;
            if (!number(max)) max = -1;
        }
        if (at >= pattern_.size() || pattern_[at] != '}') return false;
        at_ = at + 1;
        return true;
    }

    Node quantified(Node atom_node) {
        while (!done()) {
            int min = 0, max = 0;
            const char c = peek();
            if (c == '*') { min = 0; max = -1; ++at_; }
            else if (c == '+') { min = 1; max = -1; ++at_; }
            else if (c == '?') { min = 0; max = 1; ++at_; }
            else if (c == '{' && counted(min, max)) {
                if (min > kLargestCount || max > kLargestCount) {
                    fail("repetition count above " + std::to_string(kLargestCount));
                    return {};
                }
                if (max >= 0 && max < min) {
                    fail("repetition {n,m} with m < n");
                    return {};
                }
            } else {
                return atom_node;
            }
            if (!done() && peek() == '?') ++at_;  // lazy: the same strings match
            if (atom_node.kind == Node::Kind::line_start || atom_node.kind == Node::Kind::line_end) {
                fail("nothing to repeat");
                return {};
            }
            Node repeat;
            repeat.kind = Node::Kind::repeat;
            repeat.min = min;
            repeat.max = max;
            repeat.children.push_back(std::move(atom_node));
            atom_node = std::move(repeat);
        }
        return atom_node;
    }

    std::string_view pattern_;
    size_t at_ = 0;
    std::string error_;
};

}  // namespace

// --- The program -------------------------------------------------------------------------------------------
struct SchemaPattern::Instruction {
    enum class Op { set, split, jump, line_start, line_end, match } op = Op::match;
    Ranges set;
    int x = 0, y = 0;
};

namespace {

using Instruction = SchemaPattern::Instruction;
using Op = Instruction::Op;

class Compiler {
public:
    bool emit_tree(const Node& node) {
        if (program.size() > kLargestProgram) return false;
        switch (node.kind) {
            case Node::Kind::empty: return true;
            case Node::Kind::set: program.push_back({Op::set, node.set, 0, 0}); return true;
            case Node::Kind::line_start: program.push_back({Op::line_start, {}, 0, 0}); return true;
            case Node::Kind::line_end: program.push_back({Op::line_end, {}, 0, 0}); return true;
            case Node::Kind::concat:
                for (const Node& child : node.children)
                    if (!emit_tree(child)) return false;
                return true;
            case Node::Kind::alternation: {
                std::vector<size_t> jumps_to_end;
                for (size_t i = 0; i < node.children.size(); ++i) {
                    const bool last = i + 1 == node.children.size();
                    size_t split = 0;
                    if (!last) {
                        split = program.size();
                        program.push_back({Op::split, {}, int(split + 1), 0});
                    }
                    if (!emit_tree(node.children[i])) return false;
                    if (!last) {
                        jumps_to_end.push_back(program.size());
                        program.push_back({Op::jump, {}, 0, 0});
                        program[split].y = int(program.size());
                    }
                }
                for (size_t jump : jumps_to_end) program[jump].x = int(program.size());
                return true;
            }
            case Node::Kind::repeat: {
                const Node& body = node.children[0];
                for (int i = 0; i < node.min; ++i)
                    if (!emit_tree(body)) return false;
                if (node.max < 0) {
                    const size_t loop = program.size();
                    program.push_back({Op::split, {}, int(loop + 1), 0});
                    if (!emit_tree(body)) return false;
                    program.push_back({Op::jump, {}, int(loop), 0});
                    program[loop].y = int(program.size());
                    return true;
                }
                std::vector<size_t> splits;
                for (int i = node.min; i < node.max; ++i) {
                    splits.push_back(program.size());
                    program.push_back({Op::split, {}, int(program.size() + 1), 0});
                    if (!emit_tree(body)) return false;
                }
                for (size_t split : splits) program[split].y = int(program.size());
                return true;
            }
        }
        return false;
    }

    std::vector<Instruction> program;
};

// A set of program counters with O(1) insert, membership and clear.
class ThreadList {
public:
    explicit ThreadList(size_t size) : sparse_(size), dense_(size) {}
    bool insert(int pc) {
        const size_t index = sparse_[size_t(pc)];
        if (index < count_ && dense_[index] == pc) return false;
        sparse_[size_t(pc)] = count_;
        dense_[count_++] = pc;
        return true;
    }
    void clear() { count_ = 0; }
    size_t size() const { return count_; }
    int operator[](size_t i) const { return dense_[i]; }

private:
    std::vector<size_t> sparse_;
    std::vector<int> dense_;
    size_t count_ = 0;
};

}  // namespace

std::optional<SchemaPattern> SchemaPattern::compile(std::string_view pattern, std::string& error) {
    Parser parser(pattern);
    const std::optional<Node> tree = parser.parse(error);
    if (!tree) return std::nullopt;
    Compiler compiler;
    if (!compiler.emit_tree(*tree) || compiler.program.size() > kLargestProgram) {
        error = "pattern too large once its repetitions are written out";
        return std::nullopt;
    }
    compiler.program.push_back({Op::match, {}, 0, 0});
    SchemaPattern compiled;
    compiled.program_ = std::make_shared<const std::vector<Instruction>>(std::move(compiler.program));
    return compiled;
}

bool SchemaPattern::search(std::string_view text) const {
    const std::vector<Instruction>& program = *program_;
    ThreadList current(program.size()), next(program.size());
    std::vector<int> stack;
    bool matched = false;

    // Follows jumps, splits and anchors from pc at text position `at` (an explicit stack, no recursion).
    auto add = [&](ThreadList& list, int start, size_t at) {
        stack.push_back(start);
        while (!stack.empty()) {
            const int pc = stack.back();
            stack.pop_back();
            if (!list.insert(pc)) continue;
            const Instruction& instruction = program[size_t(pc)];
            switch (instruction.op) {
                case Op::jump: stack.push_back(instruction.x); break;
                case Op::split:
                    stack.push_back(instruction.y);
                    stack.push_back(instruction.x);
                    break;
                case Op::line_start:
                    if (at == 0) stack.push_back(pc + 1);
                    break;
                case Op::line_end:
                    if (at == text.size()) stack.push_back(pc + 1);
                    break;
                case Op::match: matched = true; break;
                case Op::set: break;
            }
        }
    };

    size_t at = 0;
    while (true) {
        add(current, 0, at);  // a match may start at every position (the search is unanchored)
        if (matched) return true;
        if (at >= text.size()) return false;
        size_t after = at;
        const CodePoint c = next_code_point(text, after);
        next.clear();
        for (size_t i = 0; i < current.size(); ++i) {
            const Instruction& instruction = program[size_t(current[i])];
            if (instruction.op == Op::set && contains(instruction.set, c)) add(next, current[i] + 1, after);
            if (matched) return true;
        }
        std::swap(current, next);
        at = after;
    }
}

size_t utf8_length(std::string_view text) {
    size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace cleanslate

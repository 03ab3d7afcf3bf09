// password_dictionaries.cpp — loading ranked word lists from text, and the UTF-8 helpers.
#include "core/password_dictionaries.h"

#include <algorithm>

#include "core/json.h"
#include "core/text_lines.h"

namespace cleanslate {

// --- UTF-8 ----------------------------------------------------------------------------
std::u32string utf8_to_code_points(std::string_view utf8) {
    constexpr char32_t kReplacement = 0xFFFD;
    std::u32string out;
    out.reserve(utf8.size());
    size_t k = 0;
    while (k < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[k]);
        int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || k + static_cast<size_t>(extra) >= utf8.size()) {
            out.push_back(kReplacement);
            ++k;
            continue;
        }
        char32_t code = extra == 0 ? lead : extra == 1 ? (lead & 0x1F) : extra == 2 ? (lead & 0x0F) : (lead & 0x07);
        bool valid = true;
        for (int c = 1; c <= extra; ++c) {
            const auto next = static_cast<unsigned char>(utf8[k + c]);
            if ((next & 0xC0) != 0x80) { valid = false; break; }
            code = (code << 6) | (next & 0x3F);
        }
        if (!valid) {
            out.push_back(kReplacement);
            ++k;
            continue;
        }
        out.push_back(code);
        k += 1 + extra;
    }
    return out;
}

std::string code_points_to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::u32string to_lower(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& c : out) {
        const bool ascii_upper = c >= U'A' && c <= U'Z';
        const bool latin1_upper = c >= 0xC0 && c <= 0xDE && c != 0xD7;  // À..Þ except ×
        if (ascii_upper || latin1_upper) c += 0x20;
    }
    return out;
}

// --- Loading -----------------------------------------------------------------------------
void RankedList::add(std::u32string word) {
    const int next_rank = static_cast<int>(ranks.size()) + 1;
    add(std::move(word), next_rank);
}

void RankedList::add(std::u32string word, int rank) {
    if (word.empty()) return;
    longest_word = std::max(longest_word, word.size());
    // emplace keeps the first (best) rank should a word appear twice
    if (ranks.emplace(std::move(word), rank).second) ++words_at_rank[rank];
}

int RankedList::last_position(int rank) const {
    auto it = words_at_rank.find(rank);
    return it == words_at_rank.end() ? rank : rank + it->second - 1;
}

RankedList& PasswordDictionaries::list_named(std::string_view list_name) {
    for (RankedList& list : lists_)
        if (list.name == list_name) return list;
    lists_.push_back(RankedList{std::string(list_name), {}, 0});
    return lists_.back();
}

const RankedList* PasswordDictionaries::find(std::string_view list_name) const {
    for (const RankedList& list : lists_)
        if (list.name == list_name) return &list;
    return nullptr;
}

namespace {

// N of a "#rank N" header: a positive decimal integer, nothing else; 0 if it is not one.
int bucket_rank(std::string_view digits) {
    if (digits.empty() || digits.size() > 9) return 0;  // 9 digits cannot overflow an int
    int rank = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return 0;
        rank = rank * 10 + (c - '0');
    }
    return rank;
}

}  // namespace

void PasswordDictionaries::add_ranked_text(std::string_view list_name, std::string_view text) {
    constexpr std::string_view kListHeader = "#list ";
    constexpr std::string_view kRankHeader = "#rank ";
    ++revision_;
    std::string current(list_name);
    int bucket = 0;  // the current bucket's rank; 0 = none, words rank by position
    for_each_line(text, [&](std::string_view line) {
        if (line.empty()) return;
        if (line.substr(0, kListHeader.size()) == kListHeader) {
            current = std::string(line.substr(kListHeader.size()));
            bucket = 0;
            return;
        }
        if (line.substr(0, kRankHeader.size()) == kRankHeader) {
            bucket = bucket_rank(line.substr(kRankHeader.size()));
            return;
        }
        RankedList& list = list_named(current);
        if (bucket > 0)
            list.add(to_lower(utf8_to_code_points(line)), bucket);
        else
            list.add(to_lower(utf8_to_code_points(line)));
    });
}

bool PasswordDictionaries::add_mirai_credentials(std::string_view json_text) {
    const Json document = parse_json(json_text);
    const Json* credentials = json_member(document, "credentials");
    if (!credentials || !credentials->is_array() || credentials->empty()) return false;
    RankedList mirai{std::string(kMiraiList), {}, 0};
    for (const Json& entry : *credentials) {
        const Json* password = json_member(entry, "password");
        if (!password || !password->is_string()) return false;
        const std::string text = password->get<std::string>();
        // The empty password cannot be matched as a word; too_short refuses it anyway.
        mirai.add(to_lower(utf8_to_code_points(text)));
    }
    list_named(kMiraiList) = std::move(mirai);
    ++revision_;
    return true;
}

}  // namespace cleanslate

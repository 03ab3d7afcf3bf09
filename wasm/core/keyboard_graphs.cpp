// keyboard_graphs.cpp — the layouts as rows of keys, turned into neighbour graphs.
#include "core/keyboard_graphs.h"

#include <map>
#include <string_view>
#include <utility>

namespace cleanslate {
namespace {

// --- Layouts ----------------------------------------------------------------------------
// A row lists its keys left to right, separated by spaces, starting at column `first_x`.
// Typing keyboards are drawn slanted as zxcvbn does: each row sits half a key to the right
// of the one above, so a key touches two keys above and two below.
struct KeyRow {
    int first_x;
    std::u32string_view keys;
};

struct Layout {
    const char* name;
    bool slanted;  // typing keyboard (6 neighbours, shift-aware) vs keypad grid (8 neighbours)
    std::vector<KeyRow> rows;
};

std::vector<Layout> layouts() {
    return {
        {"qwerty", true,
         {{0, U"`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+"},
          {1, U"qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|"},
          {1, U"aA sS dD fF gG hH jJ kK lL ;: '\""},
          {1, U"zZ xX cC vV bB nN mM ,< .> /?"}}},
        // Belgian AZERTY: the digits are the shifted symbols of the top row, and the key
        // left of W (<>) exists on these ISO keyboards.
        {"azerty", true,
         {{0, U"\u00B2\u00B3 &1 \u00E92 \"3 '4 (5 \u00A76 \u00E87 !8 \u00E79 \u00E00 )\u00B0 -_"},
          {1, U"aA zZ eE rR tT yY uU iI oO pP ^\u00A8 $*"},
          {1, U"qQ sS dD fF gG hH jJ kK lL mM \u00F9% \u00B5\u00A3"},
          {0, U"<> wW xX cC vV bB nN ,? ;. :/ =+"}}},
        {"keypad", false,
         {{1, U"/ * -"}, {0, U"7 8 9 +"}, {0, U"4 5 6"}, {0, U"1 2 3"}, {1, U"0 ."}}},
        {"mac_keypad", false,
         {{1, U"= / *"}, {0, U"7 8 9 -"}, {0, U"4 5 6 +"}, {0, U"1 2 3"}, {1, U"0 ."}}},
    };
}

// --- Geometry -----------------------------------------------------------------------------
// Direction order matters only in that it is fixed: a walk that changes direction takes a turn.
std::vector<std::pair<int, int>> directions(bool slanted) {
    if (slanted) return {{-1, 0}, {0, -1}, {1, -1}, {1, 0}, {0, 1}, {-1, 1}};
    return {{-1, 0}, {-1, -1}, {0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}};
}

KeyboardGraph build(const Layout& layout) {
    std::map<std::pair<int, int>, std::u32string> key_at;
    for (size_t y = 0; y < layout.rows.size(); ++y) {
        const KeyRow& row = layout.rows[y];
        int x = row.first_x;
        size_t start = 0;
        while (start < row.keys.size()) {
            size_t end = row.keys.find(U' ', start);
            if (end == std::u32string_view::npos) end = row.keys.size();
            key_at[{x++, static_cast<int>(y)}] = std::u32string(row.keys.substr(start, end - start));
            start = end + 1;
        }
    }

    KeyboardGraph graph;
    graph.name = layout.name;
    graph.shift_aware = layout.slanted;
    double degree_sum = 0;
    for (const auto& [position, key] : key_at) {
        for (size_t index = 0; index < key.size(); ++index) {
            std::vector<std::u32string>& around = graph.neighbours[key[index]];
            for (auto [dx, dy] : directions(layout.slanted)) {
                auto it = key_at.find({position.first + dx, position.second + dy});
                around.push_back(it == key_at.end() ? std::u32string() : it->second);
                if (it != key_at.end()) degree_sum += 1;
            }
            graph.is_shifted[key[index]] = layout.slanted && index == 1;
        }
    }
    graph.starting_positions = static_cast<double>(graph.neighbours.size());
    graph.average_degree = degree_sum / graph.starting_positions;
    return graph;
}

}  // namespace

const std::vector<KeyboardGraph>& keyboard_graphs() {
    static const std::vector<KeyboardGraph> graphs = [] {
        std::vector<KeyboardGraph> built;
        for (const Layout& layout : layouts()) built.push_back(build(layout));
        return built;
    }();
    return graphs;
}

}  // namespace cleanslate

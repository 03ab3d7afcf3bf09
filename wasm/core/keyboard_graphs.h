// keyboard_graphs.h — which keys neighbour which, for spotting keyboard walks (qwerty, 1qaz2wsx).
// Built the way zxcvbn builds its graphs: every key knows its neighbour in each direction
// (a missing neighbour keeps its slot, so a change of direction can be counted as a turn).
// Layouts: QWERTY (NL/UK/US), AZERTY (Belgium), and the numeric keypad (PC and Mac).
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

namespace cleanslate {

struct KeyboardGraph {
    std::string name;               // "qwerty", "azerty", "keypad", "mac_keypad"
    bool shift_aware = false;       // typing keyboards: the second symbol on a key is shifted
    // For each character: the key (both its symbols, unshifted first) in each direction,
    // empty where the edge of the keyboard is.
    std::unordered_map<char32_t, std::vector<std::u32string>> neighbours;
    std::unordered_map<char32_t, bool> is_shifted;  // true for the shifted symbol of a key
    double starting_positions = 0;  // characters on the layout
    double average_degree = 0;      // mean number of existing neighbours per character
};

// The layouts, built once on first use; immutable afterwards.
const std::vector<KeyboardGraph>& keyboard_graphs();

}  // namespace cleanslate

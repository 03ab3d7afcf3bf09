// password_matching.h — finds every pattern in a password that an attacker's tools would try:
// ranked words (also reversed, with capitals, with l33t symbols), keyboard walks, repeats,
// sequences, years and dates. After zxcvbn 4.4's matching.py; scoring is password_scoring.h.
#pragma once
#include <string>
#include <vector>

#include "core/password_dictionaries.h"
#include "core/password_scoring.h"

namespace cleanslate {

// The ranked lists to match against for one password: the loaded dictionaries plus lists
// made for this check (the device's default passwords, the customer's own inputs).
struct MatchLists {
    std::vector<const RankedList*> lists;
};

// All candidate matches, ordered by (i, j). The password is in code points, as typed.
std::vector<PasswordMatch> find_all_matches(const std::u32string& password, const MatchLists& lists);

}  // namespace cleanslate

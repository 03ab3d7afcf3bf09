// phone_number.cpp — reading a typed phone number into E.164, with the Dutch numbering plan.
#include "core/phone_number.h"

#include <array>

namespace cleanslate {

namespace {

constexpr size_t kDutchDigits = 10;          // "0" + 9, e.g. 0612345678
constexpr size_t kShortestInternational = 8; // country code + subscriber number, E.164 bounds
constexpr size_t kLongestInternational = 15;

// Two-digit Dutch area codes (the rest of 01x–05x, 07x use three digits): for display only.
constexpr std::array<const char*, 30> kTwoDigitAreas = {
    "010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038", "040", "043", "045",
    "046", "050", "053", "055", "058", "070", "071", "072", "073", "074", "075", "076", "077", "078", "079"};

bool is_separator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '\t'; }

// Removes every "(0)" — the Dutch way of writing "+31 (0)6 ...": the 0 is dialled only at home.
std::string without_trunk_zero_in_brackets(std::string_view typed) {
    std::string out;
    for (size_t i = 0; i < typed.size(); ++i) {
        if (typed.compare(i, 3, "(0)") == 0) { i += 2; continue; }
        out += typed[i];
    }
    return out;
}

PhoneCheck dutch(const std::string& national) {   // national: "0" followed by digits
    // Service numbers first: they have their own lengths (0800 1234, 0900 123 4567).
    const char second = national.size() > 1 ? national[1] : ' ', third = national.size() > 2 ? national[2] : ' ';
    bool service = (second == '6' && (third == '6' || third == '7')) || (second == '8' && third == '0') || second == '9';
    if (service && national.size() >= 4) return {PhoneProblem::service_number, ""};
    if (national.size() < kDutchDigits) return {PhoneProblem::too_short, ""};
    if (national.size() > kDutchDigits) return {PhoneProblem::too_long, ""};
    bool answered_by_a_person = (second == '6' && ((third >= '1' && third <= '5') || third == '8')) ||
                                (second >= '1' && second <= '5') || second == '7' ||
                                (second == '8' && (third == '5' || third == '8'));
    if (!answered_by_a_person) return {PhoneProblem::unknown_dutch, ""};
    return {PhoneProblem::none, "+31" + national.substr(1)};
}

}  // namespace

PhoneCheck check_phone_number(std::string_view typed) {
    std::string text = without_trunk_zero_in_brackets(typed);
    std::string digits;
    bool plus = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= '0' && c <= '9') digits += static_cast<char>(c);
        else if (c == '+' && digits.empty() && !plus) plus = true;
        else if (is_separator(static_cast<char>(c))) continue;
        else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) ++i;  // no-break space
        else return {PhoneProblem::not_a_number, ""};
    }
    if (digits.empty()) return {plus ? PhoneProblem::too_short : PhoneProblem::empty, ""};

    std::string international;
    if (plus) international = digits;
    else if (digits.compare(0, 2, "00") == 0) international = digits.substr(2);
    else if (digits[0] == '0') return dutch(digits);
    else return {digits.size() < kDutchDigits - 1 ? PhoneProblem::too_short : PhoneProblem::unknown_dutch, ""};

    if (international.empty()) return {PhoneProblem::too_short, ""};
    if (international[0] == '0') return {PhoneProblem::not_a_number, ""};
    if (international.compare(0, 2, "31") == 0) {
        std::string rest = international.substr(2);
        if (!rest.empty() && rest[0] == '0') rest.erase(0, 1);   // "+31 06..." written with the home 0
        return dutch("0" + rest);
    }
    if (international.size() < kShortestInternational) return {PhoneProblem::too_short, ""};
    if (international.size() > kLongestInternational) return {PhoneProblem::too_long, ""};
    return {PhoneProblem::none, "+" + international};
}

const char* phone_problem_code(PhoneProblem problem) {
    switch (problem) {
        case PhoneProblem::none: return "none";
        case PhoneProblem::empty: return "empty";
        case PhoneProblem::not_a_number: return "not_a_number";
        case PhoneProblem::too_short: return "too_short";
        case PhoneProblem::too_long: return "too_long";
        case PhoneProblem::service_number: return "service_number";
        case PhoneProblem::unknown_dutch: return "unknown_dutch";
    }
    return "not_a_number";
}

std::string phone_for_display(const std::string& e164) {
    if (e164.compare(0, 3, "+31") != 0 || e164.size() != 12) return e164;
    const std::string national = "0" + e164.substr(3);
    if (national[1] == '6') return national.substr(0, 2) + " " + national.substr(2);
    size_t area = 4;
    for (const char* two : kTwoDigitAreas)
        if (national.compare(0, 3, two) == 0) area = 3;
    if (national.compare(0, 3, "085") == 0 || national.compare(0, 3, "088") == 0) area = 3;
    std::string rest = national.substr(area);
    if (area == 3) return national.substr(0, 3) + " " + rest.substr(0, 3) + " " + rest.substr(3);
    return national.substr(0, 4) + " " + rest;
}

}  // namespace cleanslate

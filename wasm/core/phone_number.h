// phone_number.h — the number a customer types for "Please call me back", checked and
// written in one standard form (E.164: "+31612345678") before it goes to the helpdesk.
//
// Accepted as people write them: spaces, dashes, dots, slashes and brackets anywhere;
// "+31 (0)6 ...", "0031 6 ...", "06-12345678", "020 123 4567". Dutch numbers must be a real
// kind a person answers: mobile (061–065, 068), geographic (01x–05x, 07x), internet
// telephony (085) or company (088) numbers; service numbers (0800, 090x), pagers (066),
// dial-up (067) and machine numbers (097) are refused because nobody answers a call-back there. Other countries: "+" or "00", a
// country code, and 8 to 15 digits in all (the E.164 limits), since the helpdesk dials them as
// written.
#pragma once
#include <string>
#include <string_view>

namespace cleanslate {

enum class PhoneProblem {
    none,
    empty,
    not_a_number,      // letters or other characters a phone number does not have
    too_short,
    too_long,
    service_number,    // 0800, 0900, 097...: no person answers a call-back there
    unknown_dutch,     // a Dutch number that does not start like a real one (e.g. 00, 0 then 6 digits)
};

struct PhoneCheck {
    PhoneProblem problem = PhoneProblem::empty;
    std::string e164;        // "+31612345678" when problem == none, else empty
    bool ok() const { return problem == PhoneProblem::none; }
};

PhoneCheck check_phone_number(std::string_view typed);

// Stable codes for locale keys (callback.problem.<code>): "none", "empty", "not_a_number", ...
const char* phone_problem_code(PhoneProblem problem);

// "+31612345678" -> "06 12345678", "+31201234567" -> "020 123 4567"; others unchanged. For
// showing the customer the number we will call, the way they know it.
std::string phone_for_display(const std::string& e164);

}  // namespace cleanslate

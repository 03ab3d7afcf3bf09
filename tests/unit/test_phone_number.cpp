// "Please call me back": the number is read the way people write it and checked against the
// Dutch numbering plan (a real person must answer) or, abroad, the E.164 limits.
#include <doctest/doctest.h>
#include "core/phone_number.h"

using namespace cleanslate;

namespace {
std::string e164(const char* typed) { return check_phone_number(typed).e164; }
PhoneProblem problem(const char* typed) { return check_phone_number(typed).problem; }
}  // namespace

TEST_CASE("Dutch numbers as people write them") {
    CHECK(e164("0612345678") == "+31612345678");
    CHECK(e164("06-12345678") == "+31612345678");
    CHECK(e164(" 06 12 34 56 78 ") == "+31612345678");
    CHECK(e164("06.1234.5678") == "+31612345678");
    CHECK(e164("+31 6 12345678") == "+31612345678");
    CHECK(e164("+31 (0)6 12345678") == "+31612345678");
    CHECK(e164("+31 06 12345678") == "+31612345678");
    CHECK(e164("0031 6 1234 5678") == "+31612345678");
    CHECK(e164("020-1234567") == "+31201234567");
    CHECK(e164("(020) 123 45 67") == "+31201234567");
    CHECK(e164("0111 123456") == "+31111123456");
    CHECK(e164("088 000 1234") == "+31880001234");
    CHECK(e164("085 123 4567") == "+31851234567");
    CHECK(e164("06\xC2\xA0" "12345678") == "+31612345678");   // a no-break space pasted from a web page
}

TEST_CASE("numbers abroad: a country code and 8 to 15 digits") {
    CHECK(e164("+32 470 12 34 56") == "+32470123456");
    CHECK(e164("0049 30 1234567") == "+49301234567");
    CHECK(e164("+44 20 7946 0958") == "+442079460958");
    CHECK(problem("+49 123") == PhoneProblem::too_short);
    CHECK(problem("+1 234 567 890 123 456") == PhoneProblem::too_long);
    CHECK(problem("+0 123 456 789") == PhoneProblem::not_a_number);
}

TEST_CASE("numbers nobody can be called back on are refused, with the reason") {
    CHECK(problem("") == PhoneProblem::empty);
    CHECK(problem("   ") == PhoneProblem::empty);
    CHECK(problem("bel me") == PhoneProblem::not_a_number);
    CHECK(problem("06-1234567a") == PhoneProblem::not_a_number);
    CHECK(problem("06 1234 567") == PhoneProblem::too_short);
    CHECK(problem("06 1234 567 89") == PhoneProblem::too_long);
    CHECK(problem("0800 1234") == PhoneProblem::service_number);
    CHECK(problem("0800 023 4567") == PhoneProblem::service_number);
    CHECK(problem("0900 123 4567") == PhoneProblem::service_number);
    CHECK(problem("0909 123 4567") == PhoneProblem::service_number);
    CHECK(problem("066 123 4567") == PhoneProblem::service_number);   // pagers
    CHECK(problem("0971 234 5678") == PhoneProblem::service_number);  // machines
    CHECK(problem("06") == PhoneProblem::too_short);
    CHECK(problem("0812 345 678") == PhoneProblem::unknown_dutch);
    CHECK(problem("612345678") == PhoneProblem::unknown_dutch);       // the 0 forgotten
    CHECK(problem("112") == PhoneProblem::too_short);
    CHECK(problem("+") == PhoneProblem::too_short);
    CHECK(problem("06+12345678") == PhoneProblem::not_a_number);
    CHECK(std::string(phone_problem_code(PhoneProblem::service_number)) == "service_number");
}

TEST_CASE("the number is shown back the way the customer knows it") {
    CHECK(phone_for_display("+31612345678") == "06 12345678");
    CHECK(phone_for_display("+31201234567") == "020 123 4567");
    CHECK(phone_for_display("+31111123456") == "0111 123456");
    CHECK(phone_for_display("+31880001234") == "088 000 1234");
    CHECK(phone_for_display("+32470123456") == "+32470123456");
}

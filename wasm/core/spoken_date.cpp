// spoken_date.cpp — see spoken_date.h.
#include "core/spoken_date.h"

#include <ctime>
#include <vector>

namespace cleanslate {

std::string spoken_date(const std::string& month_names, int64_t unix_seconds, bool with_year) {
    const std::time_t seconds = std::time_t(unix_seconds);
    std::tm local{};
    localtime_r(&seconds, &local);
    std::vector<std::string> months(1);
    for (char c : month_names) {
        if (c == ',') months.emplace_back();
        else months.back() += c;
    }
    const std::string month = months.size() == 12 ? months[size_t(local.tm_mon)] : std::to_string(local.tm_mon + 1);
    std::string text = std::to_string(local.tm_mday) + " " + month;
    if (with_year) text += " " + std::to_string(local.tm_year + 1900);
    return text;
}

}  // namespace cleanslate

// text_lines.h — the lines of a data file (word lists, password lists), without their line
// ends ("\n" or "\r\n"), handed to a function one by one with no copies.
#pragma once
#include <string_view>

namespace cleanslate {

template <typename LineFunction>
void for_each_line(std::string_view text, LineFunction&& on_line) {
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        on_line(line);
    }
}

}  // namespace cleanslate

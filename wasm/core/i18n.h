// i18n.h — the texts a customer reads, looked up by key in one locale's catalog.
// A catalog is a flat JSON object from locales/<code>.json: {"welcome.title": "..."}.
// Placeholders are written {name} and filled by format(); a missing key shows the key
// itself, so a gap is visible in testing and never crashes the wizard.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cleanslate {

using TextArgs = std::vector<std::pair<std::string, std::string>>;

class Catalog {
public:
    // Reads a locale file's text; returns false (and stays empty) when it is not a flat
    // object of strings.
    bool load(std::string_view json_text);
    // Adds a further part of the same locale (the wizard ships a language's texts in two
    // files: the first screen's and the rest); returns false and adds nothing when it is not
    // a flat object of strings.
    bool add(std::string_view json_text);

    const std::string& code() const { return code_; }
    bool has(const std::string& key) const { return texts_.count(key) != 0; }
    const std::string& text(const std::string& key) const;
    std::string format(const std::string& key, const TextArgs& args) const;
    const std::map<std::string, std::string>& all() const { return texts_; }
    // The last key asked for that the catalog does not hold ("" if none): a screen that
    // shows a key instead of a text. Tests fail on it.
    const std::string& last_missing() const { return missing_; }

private:
    std::string code_;
    std::map<std::string, std::string> texts_;
    mutable std::string missing_;  // holds the key echoed back for a missing text
};

// Replaces every {name} in pattern with its value; unknown placeholders stay as written.
std::string fill_placeholders(std::string_view pattern, const TextArgs& args);

// The placeholder names used in a pattern, sorted, without duplicates.
std::vector<std::string> placeholders_in(std::string_view pattern);

// The languages the wizard ships, in the order the language switch shows them.
const std::vector<std::string>& supported_locales();
bool is_supported_locale(const std::string& code);

// Picks the wizard's language: the link's choice, else the first browser preference we
// support ("nl-BE" counts as "nl"), else Dutch.
std::string choose_locale(std::string_view from_link, const std::vector<std::string>& browser_languages);

}  // namespace cleanslate

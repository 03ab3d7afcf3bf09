// provider.h — who runs this wizard: the internet provider's name, logo, web address and
// helpdesk. They come from provider.json in the site, which a provider's server replaces
// (cleanslate-server --provider FILE), so the wizard never carries one provider's details in
// its code. The site ships a neutral file: no name (the texts then say "your internet
// provider"), the demo helpdesk number.
//
// Names and opening hours may be one text or one per language: {"nl": "...", "en": "..."}.
// Everything is checked against an allow-list; a problem names the field.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace cleanslate {

struct ProviderConfig {
    std::map<std::string, std::string> name;             // per locale ("" key: every language)
    std::string website;                                 // host name the address bar shows: "www.example.nl"
    std::string logo;                                    // a file in the site, e.g. "provider-logo.svg"
    float logo_aspect = 1;                               // width / height of the logo
    std::string helpdesk_phone;                          // "088 000 1234"
    std::map<std::string, std::string> helpdesk_hours;   // per locale: "maandag tot vrijdag 8:00 tot 20:00"

    // The text for a locale: its own, else the one for every language, else "".
    static const std::string& localized(const std::map<std::string, std::string>& texts, const std::string& locale);
};

struct ProviderParse {
    ProviderConfig config;
    std::string error;   // "field: problem" ("" when the file is fine)
    bool ok() const { return error.empty(); }
};

ProviderParse parse_provider_config(std::string_view json_text);

}  // namespace cleanslate

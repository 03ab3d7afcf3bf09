// family_names.cpp — a family in the customer's words; see family_names.h for the forms.
#include "core/family_names.h"

#include <algorithm>
#include <cctype>

#include "core/text_match.h"

namespace cleanslate {

namespace {

constexpr size_t kModelsShown = 3;
constexpr size_t kBrandsShown = 3;
constexpr std::string_view kMiddleDot = " \xC2\xB7 ";  // between the parts of the second line

// The maker whose families are "a camera of an unknown brand": the general steps.
constexpr std::string_view kCatchAllMaker = "generic";

bool same_name(std::string_view a, std::string_view b) { return normalize_name(a) == normalize_name(b); }

// "Hikvision" is part of "Hikvision DS-2CD": the brand needs no saying twice.
bool contains_name(std::string_view text, std::string_view part) {
    std::string haystack = " " + normalize_name(text) + " ";
    std::string needle = normalize_name(part);
    return !needle.empty() && haystack.find(" " + needle + " ") != std::string::npos;
}

// The brand the customer named, spelled as the data spells it, when the family carries it.
std::string brand_answered(const Family& family, const Answers* answers) {
    if (!answers || !answers->brand || answers->brand->empty()) return {};
    for (const std::string& brand : family.brands)
        if (same_name(brand, *answers->brand)) return brand;
    return {};
}

// The brand a name says: the customer's, else the first real brand; never one the product
// already says ("KPN Box 12 (modem)", not "(modem van KPN)"); else the maker's short name.
std::string brand_to_name(const DeviceDb& db, const Family& family, const Answers* answers) {
    if (std::string answered = brand_answered(family, answers);
        !answered.empty() && (family.product.empty() || !contains_name(family.product, answered)))
        return answered;
    for (const std::string& brand : family.brands)
        if (!is_no_brand(db, brand) && (family.product.empty() || !contains_name(family.product, brand))) return brand;
    const std::string& maker = db.maker_of(family).short_name;
    return family.product.empty() || !contains_name(family.product, maker) ? maker : std::string();
}

// The app an unbranded family is named by: the customer's, else its first app that people
// use to watch or manage a device (not an app store or a web page).
std::string app_to_name(const DeviceDb& db, const Family& family, const Answers* answers) {
    if (answers && answers->app && !answers->app->empty())
        for (const std::string& app : family.apps)
            if (same_name(app, *answers->app)) return app;
    for (const std::string& app : family.apps)
        if (db.is_device_app(app)) return app;
    return {};
}

// Model numbers as printed, a few, each once ("DVR-04" and "DVR04" are one).
std::vector<std::string> models_to_show(const Family& family) {
    std::vector<std::string> shown, seen;
    for (const std::string& model : family.models) {
        std::string compact;
        for (char c : model)
            if (std::isalnum(static_cast<unsigned char>(c))) compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (compact.empty() || std::find(seen.begin(), seen.end(), compact) != seen.end()) continue;
        seen.push_back(compact);
        shown.push_back(model);
        if (shown.size() == kModelsShown) break;
    }
    return shown;
}

// The other brands it is sold as: not the one in its name, not "unbranded", not its product.
std::vector<std::string> other_brands(const DeviceDb& db, const Family& family, std::string_view named) {
    std::vector<std::string> brands;
    for (const std::string& brand : family.brands) {
        if (is_no_brand(db, brand) || same_name(brand, named) || contains_name(family.product, brand)) continue;
        if (std::any_of(brands.begin(), brands.end(), [&](const std::string& b) { return same_name(b, brand); })) continue;
        brands.push_back(brand);
        if (brands.size() == kBrandsShown) break;
    }
    return brands;
}

// A template filled in, starting with a capital letter — unless it starts with a name
// ("eufy", "iCSee", "devolo" are spelled so by their makers).
std::string fill_name(const Catalog& texts, const std::string& key, const TextArgs& args) {
    std::string name = texts.format(key, args);
    const std::string& pattern = texts.text(key);
    bool starts_with_name = !pattern.empty() && pattern[0] == '{' && pattern.rfind("{kind}", 0) != 0;
    if (!starts_with_name && !name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

std::string join_parts(const std::vector<std::string>& parts) {
    std::string joined;
    for (const std::string& part : parts) {
        if (part.empty()) continue;
        if (!joined.empty()) joined += kMiddleDot;
        joined += part;
    }
    return joined;
}

}  // namespace

// --- Names -----------------------------------------------------------------------------------
std::string FamilyWords::details() const { return join_parts({seen, label}); }

std::string_view family_kind(const Family& family) { return family.kind.empty() ? family.category : family.kind; }

bool is_no_brand(const DeviceDb& db, std::string_view brand) {
    const Maker* catch_all = db.find_maker(kCatchAllMaker);
    if (!catch_all) return false;
    for (uint32_t at : catch_all->families)
        for (const std::string& word : db.families()[at].brands)
            if (same_name(word, brand)) return true;
    return false;
}

std::string or_list(const std::vector<std::string>& items, const Catalog& texts) {
    if (items.empty()) return {};
    if (items.size() == 1) return items.front();
    std::string first = items.front();
    for (size_t i = 1; i + 1 < items.size(); ++i) first += ", " + items[i];
    return texts.format("list.or", {{"items", first}, {"last", items.back()}});
}

FamilyWords family_words(const DeviceDb& db, const Family& family, const Catalog& texts, const Answers* answers) {
    FamilyWords words;
    words.kind = std::string(family_kind(family));
    const std::string kind = texts.text("kind." + words.kind);
    const bool catch_all = db.maker_of(family).id == kCatchAllMaker;
    std::string named_brand;

    if (catch_all) {
        words.name = fill_name(texts, "family.name.unknown_brand", {{"kind", kind}});
        return words;  // the general steps: nothing to tell apart
    }
    if (!family.product.empty()) {
        named_brand = family.generic ? std::string() : brand_to_name(db, family, answers);
        // "Ring Video Doorbell (video doorbell)" would say it twice: a product whose own name
        // holds the kind (and the brand, where one is named) stands alone.
        const auto product_says = [&](const std::string& what) {
            return lower_ascii(family.product).find(lower_ascii(what)) != std::string::npos;
        };
        words.name = product_says(kind) && (named_brand.empty() || product_says(named_brand)) ? family.product
                     : named_brand.empty()
                         ? fill_name(texts, "family.name.product_only", {{"product", family.product}, {"kind", kind}})
                         : fill_name(texts, "family.name.product",
                                     {{"product", family.product}, {"kind", kind}, {"brand", named_brand}});
    } else if (family.generic) {
        std::string app = app_to_name(db, family, answers);
        words.name = app.empty() ? fill_name(texts, "family.name.unbranded", {{"kind", kind}})
                                 : fill_name(texts, "family.name.app",
                                             {{"kind", kind}, {"which", texts.text("kind." + words.kind + ".which")}, {"app", app}});
    } else {
        named_brand = brand_to_name(db, family, answers);
        words.name = fill_name(texts, "family.name.brand", {{"kind", kind}, {"brand", named_brand}});
    }

    // --- What tells it apart --------------------------------------------------------------------
    std::vector<std::string> seen;
    if (family.sold_until > 0) seen.push_back(texts.format("family.details.sold_until", {{"year", std::to_string(family.sold_until)}}));
    if (std::vector<std::string> brands = other_brands(db, family, named_brand); !brands.empty())
        seen.push_back(texts.format(family.generic ? "family.details.unbranded" : "family.details.also_sold_as",
                                    {{"brands", or_list(brands, texts)}}));
    words.seen = join_parts(seen);
    std::vector<std::string> models = models_to_show(family);
    if (!models.empty()) {
        std::string list = models.front();
        for (size_t i = 1; i < models.size(); ++i) list += ", " + models[i];
        words.label = texts.format("family.details.label", {{"models", list}});
    }
    return words;
}

}  // namespace cleanslate

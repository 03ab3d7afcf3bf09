// device_db.cpp — packed database text -> DeviceDb, and the indexes identification uses.
#include "core/device_db.h"

#include <algorithm>
#include <cstdlib>

#include "core/evidence.h"
#include "core/json.h"

namespace cleanslate {

// --- Typed steps -------------------------------------------------------------------------
std::string_view TypedStep::param(std::string_view name) const {
    for (const auto& [key, value] : params)
        if (key == name) return value;
    return {};
}

bool TypedStep::has_param(std::string_view name) const {
    for (const auto& kv : params)
        if (kv.first == name) return true;
    return false;
}

int TypedStep::int_param(std::string_view name, int fallback) const {
    std::string text(param(name));
    if (text.empty()) return fallback;
    char* end = nullptr;
    long value = std::strtol(text.c_str(), &end, 10);
    return end && *end == '\0' ? static_cast<int>(value) : fallback;
}

const std::vector<std::string>& TypedStep::list(std::string_view name) const {
    static const std::vector<std::string> none;
    for (const auto& [key, values] : lists)
        if (key == name) return values;
    return none;
}

// --- Procedures --------------------------------------------------------------------------
int ResetProcedure::restart_seconds() const {
    for (const Action& a : actions)
        if (a.type == "wait" && a.param("for") == "restart") return a.int_param("seconds", -1);
    return -1;
}

const Source& ResetProcedure::best_source() const {
    static const Source generic{"", "", "", "generic", "", ""};
    return sources.empty() ? generic : sources.front();
}

bool ResetProcedure::erases_item(std::string_view item) const {
    return std::find(erases.begin(), erases.end(), item) != erases.end();
}

bool ResetProcedure::keeps_item(std::string_view item) const {
    return std::find(keeps.begin(), keeps.end(), item) != keeps.end();
}

const std::vector<FingerprintPattern>& Fingerprints::of(std::string_view field) const {
    static const std::vector<FingerprintPattern> kNone;
    for (size_t i = 0; i < kFingerprintFieldCount; ++i)
        if (kFingerprintFields[i].name == field) return patterns[i];
    return kNone;
}

std::vector<Source> Family::sources() const {
    std::vector<Source> out;
    auto add_all = [&](const std::vector<Source>& list) {
        for (const Source& s : list) {
            bool known = false;
            for (const auto& k : out) known = known || (k.url == s.url && k.trust == s.trust && k.title == s.title);
            if (!known) out.push_back(s);
        }
    };
    for (const auto& procedure : reset) add_all(procedure.sources);
    if (!password.method.empty()) add_all(password.sources);
    for (const auto& login : default_logins) add_all(login.sources);
    add_all(factory_reset_sources);
    if (provider_managed) add_all(provider_managed->sources);
    return out;
}

// --- Reading one family ------------------------------------------------------------------
namespace {

TypedStep read_step(const Json& object) {
    TypedStep step;
    step.type = json_string(object, "type");
    if (!object.is_object()) return step;
    for (const auto& [key, value] : object.items()) {
        if (key == "type") continue;
        if (value.is_string()) step.params.emplace_back(key, value.get<std::string>());
        else if (value.is_number_integer()) step.params.emplace_back(key, std::to_string(value.get<int64_t>()));
        else if (value.is_boolean()) step.params.emplace_back(key, value.get<bool>() ? "true" : "false");
        else if (key == "path") step.path = json_strings(object, "path");
        else if (value.is_array()) step.lists.emplace_back(key, json_strings(object, key.c_str()));
        else if (key == "until" && value.is_object()) step.until.push_back(read_step(value));
    }
    return step;
}

std::vector<TypedStep> read_steps(const Json& object, const char* key) {
    std::vector<TypedStep> steps;
    const Json* list = json_member(object, key);
    if (!list || !list->is_array()) return steps;
    for (const Json& item : *list)
        if (item.is_object()) steps.push_back(read_step(item));
    return steps;
}

Source read_source(const Json& s) {
    return {json_string(s, "url"), json_string(s, "title"), json_string(s, "publisher"),
            json_string(s, "trust"), json_string(s, "accessed"), json_string(s, "quote")};
}

std::vector<Source> read_sources(const Json& object) {
    std::vector<Source> out;
    if (const Json* list = json_member(object, "sources"); list && list->is_array())
        for (const Json& s : *list)
            if (s.is_object()) out.push_back(read_source(s));
    return out;
}

Login read_login(const Json& l) {
    return {json_string(l, "user"), json_string(l, "password"), json_string(l, "password_from"),
            json_string(l, "label_mark"), json_string(l, "which"), json_string(l, "where"), read_sources(l)};
}

ResetProcedure read_procedure(const Json& r) {
    ResetProcedure procedure;
    procedure.method = json_string(r, "method");
    if (const Json* applies = json_member(r, "applies_to"))
        procedure.applies_to = {json_strings(*applies, "models"), json_string(*applies, "hardware"), json_string(*applies, "firmware")};
    procedure.actions = read_steps(r, "actions");
    procedure.signs = read_steps(r, "signs");
    procedure.erases = json_strings(r, "erases");
    procedure.keeps = json_strings(r, "keeps");
    procedure.sources = read_sources(r);
    return procedure;
}

// A fingerprint list: plain strings (whole words, strong) or {"text", "at", "weight"}.
// Hostnames and MAC prefixes are whole values; a MAC prefix is kept as six hex digits.
std::vector<FingerprintPattern> read_patterns(const Json& fingerprints, std::string_view field) {
    std::vector<FingerprintPattern> patterns;
    const Json* list = json_member(fingerprints, std::string(field).c_str());
    if (!list || !list->is_array()) return patterns;
    const bool whole = field == "telnet_hostname" || field == "mac";
    for (const Json& item : *list) {
        FingerprintPattern p;
        p.place = whole ? PatternPlace::kWhole : PatternPlace::kWord;
        if (item.is_string()) {
            p.text = item.get<std::string>();
        } else if (item.is_object()) {
            p.text = json_string(item, "text");
            std::string at = json_string(item, "at"), weight = json_string(item, "weight");
            if (at == "word") p.place = PatternPlace::kWord;
            else if (at == "prefix") p.place = PatternPlace::kPrefix;
            else if (at == "start") p.place = PatternPlace::kStart;
            else if (at == "whole") p.place = PatternPlace::kWhole;
            if (weight == "weak") p.weight = FingerprintWeight::kWeak;
            else if (weight == "shared") p.weight = FingerprintWeight::kShared;
        }
        if (field == "mac") p.text = mac_vendor_prefix(p.text);
        if (!p.text.empty()) patterns.push_back(std::move(p));
    }
    return patterns;
}

Family read_family(const Json& f) {
    Family family;
    family.id = json_string(f, "id");
    family.name = json_string(f, "name");
    family.category = json_string(f, "category");
    family.kind = json_string(f, "kind");
    family.product = json_string(f, "product");
    family.power = json_string(f, "power");
    family.generic = json_bool(f, "generic");
    family.brands = json_strings(f, "brands");
    family.aliases = json_strings(f, "aliases");
    family.models = json_strings(f, "models");
    family.apps = json_strings(f, "apps");
    if (const Json* prints = json_member(f, "fingerprints"); prints && prints->is_object()) {
        if (const Json* ports = json_member(*prints, "ports"); ports && ports->is_array())
            for (const Json& p : *ports)
                if (p.is_number_integer()) family.fingerprints.ports.push_back(static_cast<int>(p.get<int64_t>()));
        for (size_t field = 0; field < kFingerprintFieldCount; ++field)
            family.fingerprints.patterns[field] = read_patterns(*prints, kFingerprintFields[field].name);
    }
    family.popularity = json_string(f, "popularity", "common");
    family.sold_until = static_cast<int>(json_int(f, "sold_until", 0));
    if (const Json* logins = json_member(f, "default_logins"); logins && logins->is_array())
        for (const Json& l : *logins)
            if (l.is_object()) family.default_logins.push_back(read_login(l));
    if (const Json* resets = json_member(f, "reset"); resets && resets->is_array())
        for (const Json& r : *resets)
            if (r.is_object()) family.reset.push_back(read_procedure(r));
    if (const Json* status = json_member(f, "factory_reset")) {
        family.factory_reset = json_string(*status, "status");
        family.factory_reset_sources = read_sources(*status);
    }
    if (const Json* managed = json_member(f, "provider_managed"); managed && managed->is_object())
        family.provider_managed = ProviderManaged{json_strings(*managed, "providers"), json_bool(*managed, "reprovisions"),
                                                  json_bool(*managed, "pushes_admin_password"), json_bool(*managed, "reset_locked"),
                                                  json_bool(*managed, "firmware_from_provider"), read_sources(*managed)};
    if (const Json* password = json_member(f, "password"); password && password->is_object()) {
        family.password.method = json_string(*password, "method");
        family.password.actions = read_steps(*password, "actions");
        family.password.sources = read_sources(*password);
    }
    if (const Json* hardening = json_member(f, "hardening"); hardening && hardening->is_array())
        for (const Json& h : *hardening)
            if (h.is_object())
                family.hardening.push_back({json_string(h, "feature"), json_string(h, "possible"), read_steps(h, "actions")});
    if (const Json* firmware = json_member(f, "firmware")) {
        family.firmware_updates = json_string(*firmware, "updates");
        family.firmware_url = json_string(*firmware, "url");
    }
    if (const Json* securable = json_member(f, "securable")) {
        family.securable = json_string(*securable, "level");
        family.securable_reason = json_string(*securable, "reason");
    }
    return family;
}

}  // namespace

// --- Building the indexes ----------------------------------------------------------------
struct DeviceDbLoader {
    static void index_family(DeviceDb& db, uint32_t at) {
        const Family& f = db.families_[at];
        const Maker& m = db.makers_[f.maker];
        DeviceIndex& ix = db.index_;
        auto name = [&](NameIndex& index, const std::string& text, NameKind kind) {
            index.add(text, {at, static_cast<uint8_t>(kind)});
        };
        name(ix.brands, m.name, NameKind::kMakerName);
        for (const auto& a : m.aliases) name(ix.brands, a, NameKind::kMakerAlias);
        for (const auto& b : m.oem_for) name(ix.brands, b, NameKind::kOemBrand);
        for (const auto& b : f.brands) name(ix.brands, b, NameKind::kFamilyBrand);
        name(ix.names, f.name, NameKind::kFamilyName);
        for (const auto& a : f.aliases) name(ix.names, a, NameKind::kFamilyAlias);
        for (const auto& a : f.apps) name(ix.apps, a, NameKind::kApp);
        for (const auto& model : f.models) ix.models.add(model, at);
        for (size_t field = 0; field < kFingerprintFieldCount; ++field)
            for (const FingerprintPattern& p : f.fingerprints.patterns[field])
                ix.fingerprints[field].add(p.text, p.place, at, static_cast<uint8_t>(p.weight));
        for (int port : f.fingerprints.ports) ix.by_port[port].push_back(at);
        for (const auto& login : f.default_logins) {
            if (!login.typed_from_data()) continue;  // a sticker password is no evidence of this family
            auto& by_login = ix.by_login[lower_ascii(login.user) + "/" + login.password];  // Mirai tries "admin", D-Link says "Admin"
            if (by_login.empty() || by_login.back() != at) by_login.push_back(at);
            auto& by_password = ix.by_password[login.password];
            if (by_password.empty() || by_password.back() != at) by_password.push_back(at);
        }
        ix.by_category[f.category].push_back(at);
    }

    static void index_groups(DeviceDb& db) {
        DeviceIndex& ix = db.index_;
        std::unordered_map<std::string, uint32_t> group_ids;
        std::vector<std::vector<std::string>> group_brands;
        auto add_brand = [](std::vector<std::string>& brands, const std::string& brand) {
            std::string normalized = normalize_name(brand);
            if (std::find(brands.begin(), brands.end(), normalized) == brands.end()) brands.push_back(normalized);
        };
        for (const Family& f : db.families_) {
            auto [it, inserted] = group_ids.emplace(std::to_string(f.maker) + "/" + f.category,
                                                    static_cast<uint32_t>(ix.group_size.size()));
            if (inserted) {
                ix.group_size.push_back(0);
                group_brands.emplace_back();
                for (const auto& b : db.makers_[f.maker].oem_for) add_brand(group_brands.back(), b);
            }
            ix.group_of_family.push_back(it->second);
            ++ix.group_size[it->second];
            for (const auto& b : f.brands) add_brand(group_brands[it->second], b);
        }
        for (const auto& brands : group_brands) {
            ix.group_reach.push_back(std::min(12.0, 1.0 + static_cast<double>(brands.size())));
            ix.total_reach += ix.group_reach.back();
        }
    }

    // The priors, and per category their sum and the families and groups in prior order, so
    // that category evidence costs one factor per category at query time (device_db.h).
    static void index_priors(DeviceDb& db) {
        DeviceIndex& ix = db.index_;
        const size_t categories = kDeviceCategories.size();
        ix.category_of_group.assign(ix.group_size.size(), 0);
        ix.category_prior.assign(categories, 0.0);
        ix.category_families.assign(categories, {});
        ix.category_groups.assign(categories, {});
        std::vector<double> popularity_sum(ix.group_size.size(), 0.0);
        for (uint32_t at = 0; at < db.families_.size(); ++at)
            popularity_sum[ix.group_of_family[at]] += popularity_weight(db.families_[at].popularity);
        for (uint32_t at = 0; at < db.families_.size(); ++at) {
            uint32_t group = ix.group_of_family[at];
            auto category = static_cast<uint8_t>(category_index(db.families_[at].category));
            ix.category_of_group[group] = category;
            ix.family_prior.push_back(ix.group_reach[group] / ix.total_reach *
                                      popularity_weight(db.families_[at].popularity) / popularity_sum[group]);
            ix.category_prior[category] += ix.family_prior.back();
            ix.category_families[category].push_back(at);
        }
        for (uint32_t group = 0; group < ix.group_size.size(); ++group)
            ix.category_groups[ix.category_of_group[group]].push_back(group);
        for (auto& families : ix.category_families)
            std::sort(families.begin(), families.end(), [&](uint32_t a, uint32_t b) {
                if (ix.family_prior[a] != ix.family_prior[b]) return ix.family_prior[a] > ix.family_prior[b];
                return more_current(db.families_, a, b);
            });
        ix.group_families.assign(ix.group_size.size(), {});
        for (const auto& families : ix.category_families)
            for (uint32_t family : families) ix.group_families[ix.group_of_family[family]].push_back(family);
        for (auto& groups : ix.category_groups)
            std::stable_sort(groups.begin(), groups.end(),
                             [&](uint32_t a, uint32_t b) { return ix.group_reach[a] > ix.group_reach[b]; });
    }

    // A fingerprint naming software that many makers build in (the packed "shared_software"
    // list, from devices/fingerprints/shared.json) is shared evidence whatever its family
    // says: the name as whole words in the pattern ("Boa" in "Boa/0.93") or the pattern as
    // whole words in the name ("GoAhead" in "GoAhead-Webs").
    static void mark_shared_software(const Json& root, DeviceDb& db) {
        const Json* shared = json_member(root, "shared_software");
        if (!shared || !shared->is_array()) return;
        for (const Json& software : *shared) {
            std::vector<std::string> names = json_strings(software, "names");
            for (const std::string& field : json_strings(software, "fields"))
                for (Family& family : db.families_)
                    for (size_t f = 0; f < kFingerprintFieldCount; ++f) {
                        if (kFingerprintFields[f].name != field) continue;
                        for (FingerprintPattern& pattern : family.fingerprints.patterns[f])
                            for (const std::string& name : names)
                                if (pattern_matches(name, PatternPlace::kWord, pattern.text) ||
                                    pattern_matches(pattern.text, PatternPlace::kWord, name))
                                    pattern.weight = FingerprintWeight::kShared;
                    }
        }
    }

    // The maker's MAC vendor prefixes (packed "mac_vendors", from the IEEE registry via
    // devices/fingerprints/mac-vendors.json) are strong "mac" fingerprints of all its families.
    static void add_mac_vendors(const Json& root, DeviceDb& db) {
        const Json* vendors = json_member(root, "mac_vendors");
        if (!vendors || !vendors->is_object()) return;
        size_t mac = 0;
        while (kFingerprintFields[mac].name != "mac") ++mac;
        for (const auto& [maker_id, prefixes] : vendors->items()) {
            auto maker = db.maker_by_id_.find(maker_id);
            if (maker == db.maker_by_id_.end() || !prefixes.is_array()) continue;
            for (uint32_t at : db.makers_[maker->second].families)
                for (const Json& prefix : prefixes)
                    if (prefix.is_string())
                        db.families_[at].fingerprints.patterns[mac].push_back(
                            {mac_vendor_prefix(prefix.get<std::string>()), PatternPlace::kWhole, FingerprintWeight::kStrong});
        }
    }

    // The alias people say: the shortest one whose words appear, whole, in the normalised
    // legal name ("XiongMai" in "Hangzhou Xiongmai Technology Co., Ltd."), else the name.
    static std::string short_name(const Maker& maker) {
        const std::string name = " " + normalize_name(maker.name) + " ";
        std::string best = maker.name;
        for (const auto& alias : maker.aliases) {
            std::string a = normalize_name(alias);
            if (!a.empty() && name.find(" " + a + " ") != std::string::npos && alias.size() < best.size()) best = alias;
        }
        return best;
    }

    static bool load(std::string_view text, DeviceDb& db, std::string& error) {
        db = DeviceDb{};
        Json root = parse_json(text);
        if (root.is_discarded()) { error = "device database: not valid JSON"; return false; }
        const Json* makers = json_member(root, "makers");
        if (!makers || !makers->is_array()) { error = "device database: no \"makers\" array"; return false; }
        for (const Json& m : *makers) {
            Maker maker;
            maker.id = json_string(m, "id");
            maker.name = json_string(m, "name");
            if (maker.id.empty() || maker.name.empty()) { error = "device database: a maker without id or name"; return false; }
            if (db.maker_by_id_.count(maker.id)) { error = "device database: maker '" + maker.id + "' twice"; return false; }
            maker.aliases = json_strings(m, "aliases");
            maker.website = json_string(m, "website");
            maker.support_url = json_string(m, "support_url");
            maker.domains = json_strings(m, "domains");
            maker.oem_for = json_strings(m, "oem_for");
            maker.short_name = short_name(maker);
            const auto maker_at = static_cast<uint32_t>(db.makers_.size());
            db.maker_by_id_.emplace(maker.id, maker_at);
            const Json* families = json_member(m, "families");
            if (families && families->is_array())
                for (const Json& f : *families) {
                    Family family = read_family(f);
                    if (family.id.empty() || family.name.empty() || !is_device_category(family.category)) {
                        error = "device database: maker '" + maker.id + "' has a family without id, name or known category";
                        return false;
                    }
                    if (db.family_by_id_.count(family.id)) { error = "device database: family '" + family.id + "' twice"; return false; }
                    family.maker = maker_at;
                    const auto family_at = static_cast<uint32_t>(db.families_.size());
                    db.family_by_id_.emplace(family.id, family_at);
                    maker.families.push_back(family_at);
                    db.families_.push_back(std::move(family));
                }
            db.makers_.push_back(std::move(maker));
        }
        add_mac_vendors(root, db);
        mark_shared_software(root, db);
        if (const Json* apps = json_member(root, "not_device_apps"); apps && apps->is_array())
            for (const Json& app : *apps)
                if (app.is_string()) db.not_device_apps_.push_back(normalize_name(app.get<std::string>()));
        std::sort(db.not_device_apps_.begin(), db.not_device_apps_.end());
        for (uint32_t at = 0; at < db.families_.size(); ++at) index_family(db, at);
        index_groups(db);
        index_priors(db);
        DeviceIndex& ix = db.index_;
        ix.apps_of_family.resize(db.families_.size());
        for (uint32_t entry = 0; entry < ix.apps.names().size(); ++entry)
            for (const auto& p : ix.apps.names()[entry].payloads) ix.apps_of_family[p.family].push_back(entry);
        ix.brands.finish();
        ix.names.finish();
        ix.apps.finish();
        ix.models.finish();
        return true;
    }
};

bool load_device_db(std::string_view packed_json, DeviceDb& db, std::string& error) {
    return DeviceDbLoader::load(packed_json, db, error);
}

// --- Lookups -----------------------------------------------------------------------------
double popularity_weight(std::string_view popularity) {
    if (popularity == "very-common") return 8;
    if (popularity == "uncommon") return 2;
    if (popularity == "rare") return 1;
    return 4;
}

bool more_current(const std::vector<Family>& families, uint32_t a, uint32_t b) {
    auto still_sold = [](int year) { return year == 0 ? 10000 : year; };
    if (families[a].sold_until != families[b].sold_until)
        return still_sold(families[a].sold_until) > still_sold(families[b].sold_until);
    return a < b;  // the data's own order: the maker file lists its main line first
}

uint32_t category_index(std::string_view category) {
    for (uint32_t i = 0; i < kDeviceCategories.size(); ++i)
        if (kDeviceCategories[i] == category) return i;
    return 0;
}

const Family* DeviceDb::find_family(std::string_view id) const {
    auto it = family_by_id_.find(std::string(id));
    return it == family_by_id_.end() ? nullptr : &families_[it->second];
}

const Maker* DeviceDb::find_maker(std::string_view id) const {
    auto it = maker_by_id_.find(std::string(id));
    return it == maker_by_id_.end() ? nullptr : &makers_[it->second];
}

bool DeviceDb::is_device_app(std::string_view app) const {
    return !std::binary_search(not_device_apps_.begin(), not_device_apps_.end(), normalize_name(app));
}

std::vector<const Family*> DeviceDb::generic_families(std::string_view category) const {
    std::vector<const Family*> out;
    auto it = index_.by_category.find(std::string(category));
    if (it == index_.by_category.end()) return out;
    for (uint32_t at : it->second)
        if (families_[at].generic) out.push_back(&families_[at]);
    return out;
}

}  // namespace cleanslate

// identify.cpp — evidence -> ranked families with reasons; see identify.h for the model.
#include "core/identify.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace cleanslate {

// --- Signal kinds and their weights ----------------------------------------------------------
namespace {

// One kind per fingerprint field (kFingerprintFields order) from kFirstFingerprint on.
enum Kind : uint8_t {
    kBrand, kApp, kModel, kLabelBrand, kLabelModel, kCategory, kFeedVendor, kFeedModel, kFeedType,
    kLogin, kPort, kTag, kFirstFingerprint,
    kKindCount = kFirstFingerprint + kFingerprintFieldCount
};
constexpr bool is_fingerprint(int kind) { return kind >= kFirstFingerprint; }
// What a scan of the customer's address saw: it may be another device at the same address
// (the router most of all), so a clear answer of the customer's outweighs it (set_aside()).
constexpr bool seen_at_address(int kind) { return is_fingerprint(kind) || kind == kFeedVendor || kind == kFeedModel; }

// Likelihood ratio at full similarity; see the table in identify.h. Strong signals scale
// with the number of (maker, category) groups G, so that one brand answer means the same
// whether the database holds 50 groups or 5 000; supporting and weak signals are fixed.
// Fingerprints are weighed by their pattern's weight instead (fingerprint_log_ratio).
constexpr double kPerGroup[kFirstFingerprint] = {
    5,  // brand
    3,  // app
    12, // model
    5,  // label text naming a brand or family
    12, // label text holding a model number
    0,  // category answer
    5,  // feed vendor
    12, // feed model
    0,  // feed device type
    0, 0, 0,  // default login, port, tag
};
constexpr double kFixed[kFirstFingerprint] = {
    0, 0, 0, 0, 0,
    20,  // category answer
    0, 0,
    10,  // feed device type
    50,  // default login (password-only matches use kPasswordOnlyRatio)
    20,  // port: upper bound; the actual ratio comes from the port's rarity
    3,   // tag hinting a category
};
// A strong fingerprint (only this maker's devices show it) weighs 4·G, like a brand nearly;
// a weak one the square root of that; shared software (an embedded web server in many
// makers' products) a fixed 3: it lifts its families a little and never decides.
constexpr double kStrongFingerprintPerGroup = 4;
constexpr double kSharedFingerprintRatio = 3;
constexpr double kPasswordOnlyRatio = 10;
constexpr double kRebrandStrength = 0.5;  // a brand listed as a rebrand, not the maker's own name
constexpr double kNameStrength = 0.92;  // a family name typed as the model: 500^0.92, about 300

// Strength points for the confidence rule (identify.h): strong 2, supporting 1, weak 0.
// A fingerprint's points are its pattern's weight (FingerprintWeight: 2, 1 or 0).
constexpr int kPoints[kFirstFingerprint] = {2, 2, 2, 2, 2, 1, 2, 2, 1, 1, 0, 0};

// The smallest similarity a signal must reach to count as strong evidence.
constexpr double kStrongSimilarity = 0.75;

// Minimum similarity for a typed name to be considered at all.
constexpr double kNameThreshold = 0.75;
constexpr double kModelThreshold = 0.6;
constexpr double kInTextThreshold = 0.85;

// --- One family's matches ----------------------------------------------------------------
// What matched, kept small: reasons (with strings) are built only for the families shown.
struct Match {
    double weight = 0;      // log likelihood ratio
    double similarity = 0;
    uint32_t ref = 0;       // name entry, model prefix, pattern or category index, by kind
    uint8_t source = 0;     // which index ref points into (see Source below)
    uint8_t points = 0;     // fingerprints only: the pattern's FingerprintWeight
};
enum Source : uint8_t { kFromBrands, kFromNames, kFromApps, kFromModels, kFromPattern, kFromLogin, kFromPassword, kFromNone };

using Matches = std::array<Match, kKindCount>;

// Family-specific signals are kept per family they matched. Evidence about the kind of
// device (category answer, feed device type, tag) matches every family of a category alike,
// so it is kept once per category: at 10 000 families a category holds about 1 000.
struct Scoring {
    std::vector<int32_t> slot;  // per family: index into matches, or -1
    std::vector<uint32_t> touched;  // families some family-specific signal matched
    std::vector<Matches> matches;   // theirs, category evidence included (add_category_evidence)
    std::vector<Matches> by_category = std::vector<Matches>(kDeviceCategories.size());

    explicit Scoring(size_t families) : slot(families, -1) {}

    // Keeps the best match of each kind per family, so one fact never counts twice.
    void offer(uint32_t family, Kind kind, const Match& match) {
        if (match.weight <= 0) return;
        if (slot[family] < 0) {
            slot[family] = static_cast<int32_t>(matches.size());
            matches.emplace_back();
            touched.push_back(family);
        }
        Match& kept = matches[slot[family]][kind];
        if (match.weight > kept.weight) kept = match;
    }

    // The same rule for evidence about a whole category.
    void offer_category(uint32_t category, Kind kind, const Match& match) {
        Match& kept = by_category[category][kind];
        if (match.weight > kept.weight) kept = match;
    }

    // Every matched kind of a family: its own matches, or only its category's when no
    // family-specific signal matched it.
    const Matches& of(const DeviceIndex& ix, uint32_t family) const {
        if (slot[family] >= 0) return matches[slot[family]];
        return by_category[ix.category_of_group[ix.group_of_family[family]]];
    }

    // Copies the category evidence into the families matched one by one, so their reasons,
    // strength points and odds see all their evidence.
    void add_category_evidence(const DeviceIndex& ix) {
        for (size_t i = 0; i < touched.size(); ++i) {
            const Matches& category = by_category[ix.category_of_group[ix.group_of_family[touched[i]]]];
            for (int kind = 0; kind < kKindCount; ++kind)
                if (category[kind].weight > 0) matches[i][kind] = category[kind];
        }
    }
};

// --- Category hints from free text -------------------------------------------------------
// Feed device types and tags say "DVR", "IP Camera", "CPE" ...; returns a category or "".
std::string_view category_from_text(std::string_view text) {
    static const std::pair<std::string_view, std::string_view> kWords[] = {
        {"dvr", "recorder"}, {"nvr", "recorder"}, {"xvr", "recorder"}, {"recorder", "recorder"},
        {"camera", "camera"}, {"ipcam", "camera"}, {"webcam", "camera"}, {"cam", "camera"}, {"doorbell", "camera"},
        {"router", "router"}, {"gateway", "router"}, {"cpe", "router"}, {"modem", "router"}, {"dsl", "router"},
        {"ap", "access-point"}, {"repeater", "access-point"}, {"extender", "access-point"},
        {"printer", "printer"}, {"mfp", "printer"}, {"nas", "nas"}, {"storage", "nas"},
        {"voip", "voip"}, {"phone", "voip"}, {"ata", "voip"}, {"sip", "voip"},
        {"stb", "tv-box"}, {"tv", "tv-box"}, {"android", "tv-box"}, {"adb", "tv-box"},
        {"receiver", "media-receiver"}, {"satellite", "media-receiver"}, {"enigma2", "media-receiver"},
        {"plug", "smart-home"}, {"bulb", "smart-home"}, {"smart", "smart-home"}, {"iot", "smart-home"},
    };
    for (const auto& token : name_tokens(text))
        for (const auto& [word, category] : kWords)
            if (token == word) return category;
    return {};
}

double groups(const DeviceDb& db) { return static_cast<double>(db.index().group_size.size()); }

double ratio(const DeviceDb& db, Kind kind) {
    return kPerGroup[kind] > 0 ? std::max(2.0, kPerGroup[kind] * groups(db)) : kFixed[kind];
}

double fingerprint_log_ratio(const DeviceDb& db, FingerprintWeight weight) {
    const double strong = std::log(std::max(2.0, kStrongFingerprintPerGroup * groups(db)));
    switch (weight) {
        case FingerprintWeight::kStrong: return strong;
        case FingerprintWeight::kWeak: return strong * 0.5;
        case FingerprintWeight::kShared: break;
    }
    return std::log(kSharedFingerprintRatio);
}

// The strength points a match earns (identify.h, rule 1).
int points(int kind, const Match& m) { return is_fingerprint(kind) ? m.points : kPoints[kind]; }

// The signal's log ratio at a similarity or strength in 0..1: ratio^strength.
double log_ratio(const DeviceDb& db, Kind kind, double strength) { return std::log(ratio(db, kind)) * strength; }

// --- Signals -------------------------------------------------------------------------------
// Brand-like text (label brand, feed vendor) against maker names, rebrands and family brands.
void offer_brand(const DeviceDb& db, Scoring& scoring, Kind kind, std::string_view text, NameIndex::Mode mode,
                 double threshold) {
    const NameIndex& brands = db.index().brands;
    for (const NameHit& hit : brands.search(text, threshold, mode)) {
        const auto& payloads = brands.names()[hit.name].payloads;
        // A family brand equal to its own maker's name is no rebrand.
        std::vector<uint32_t> named_makers;
        for (const auto& p : payloads)
            if (p.kind == static_cast<uint8_t>(NameKind::kMakerName) || p.kind == static_cast<uint8_t>(NameKind::kMakerAlias))
                named_makers.push_back(db.families()[p.family].maker);
        for (const auto& p : payloads) {
            bool own = std::find(named_makers.begin(), named_makers.end(), db.families()[p.family].maker) != named_makers.end();
            double strength = own ? 1.0 : kRebrandStrength;
            scoring.offer(p.family, kind, {log_ratio(db, kind, hit.similarity * strength), hit.similarity, hit.name, kFromBrands});
        }
    }
}

void offer_names(const DeviceDb& db, Scoring& scoring, Kind kind, std::string_view text, NameIndex::Mode mode,
                 double threshold, double strength) {
    const NameIndex& names = db.index().names;
    for (const NameHit& hit : names.search(text, threshold, mode))
        for (const auto& p : names.names()[hit.name].payloads)
            scoring.offer(p.family, kind, {log_ratio(db, kind, hit.similarity * strength), hit.similarity, hit.name, kFromNames});
}

void offer_models(const DeviceDb& db, Scoring& scoring, Kind kind, std::string_view text, double threshold) {
    for (const ModelHit& hit : db.index().models.search(text))
        if (hit.similarity >= threshold)
            scoring.offer(hit.family, kind, {log_ratio(db, kind, hit.similarity), hit.similarity, hit.prefix, kFromModels});
}

// A listed model prefix specific enough to trust inside free text: three or more
// characters with a digit ("DS-7", "HG8245"), not a word like "NVR" or "IPC".
bool specific_model(const std::string& compact) {
    return compact.size() >= 3 && std::any_of(compact.begin(), compact.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Free label text: brands and family names anywhere in it, and (unless the text was the
// model answer, already matched as a model) model numbers among its words: a word or two
// adjacent words with a digit, against specific prefixes, without typos.
void offer_label(const DeviceDb& db, Scoring& scoring, std::string_view text, bool with_models) {
    offer_brand(db, scoring, kLabelBrand, text, NameIndex::Mode::kInText, kInTextThreshold);
    offer_names(db, scoring, kLabelBrand, text, NameIndex::Mode::kInText, kInTextThreshold, 1.0);
    if (!with_models) return;
    std::vector<std::string> words = name_tokens(text);
    auto has_digit = [](const std::string& s) { return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    for (size_t i = 0; i < words.size(); ++i) {
        std::string pieces[2] = {words[i], i + 1 < words.size() ? words[i] + words[i + 1] : std::string()};
        for (const auto& piece : pieces) {
            if (piece.empty() || !has_digit(piece)) continue;
            for (const ModelHit& hit : db.index().models.search(piece))
                if (hit.exact && specific_model(db.index().models.prefixes()[hit.prefix].compact))
                    scoring.offer(hit.family, kLabelModel, {log_ratio(db, kLabelModel, hit.similarity), hit.similarity, hit.prefix, kFromModels});
        }
    }
}

// A fingerprint field's value against the patterns of that field; each family keeps its
// best pattern (the strongest, as Scoring::offer keeps the highest weight).
void offer_fingerprint(const DeviceDb& db, Scoring& scoring, size_t field, std::string_view value) {
    const FingerprintIndex& index = db.index().fingerprints[field];
    const Kind kind = static_cast<Kind>(kFirstFingerprint + field);
    for (uint32_t id : index.search(value)) {
        const auto& pattern = index.patterns()[id];
        for (size_t i = 0; i < pattern.families.size(); ++i) {
            auto weight = static_cast<FingerprintWeight>(pattern.weights[i]);
            Match m{fingerprint_log_ratio(db, weight), 1.0, id, kFromPattern, static_cast<uint8_t>(weight)};
            scoring.offer(pattern.families[i], kind, m);
        }
    }
}

// The value a fingerprint field is matched with: a MAC as its vendor prefix, the Telnet
// hostname from the banner's prompt when the feed gave no hostname of its own.
std::string fingerprint_value(const Evidence& e, size_t field) {
    std::string_view name = kFingerprintFields[field].name;
    const std::string& value = e.*(kFingerprintFields[field].member);
    if (name == "mac") return mac_vendor_prefix(value);
    if (name == "telnet_hostname" && value.empty()) return telnet_prompt_hostname(e.telnet_banner);
    // "SSH-2.0-dropbear_2014.63": the protocol version is no part of the software's name.
    if (name == "ssh_banner" && value.compare(0, 4, "SSH-") == 0)
        if (size_t dash = value.find('-', 4); dash != std::string::npos) return value.substr(dash + 1);
    return value;
}

// --- The customer's answers outweigh the address -----------------------------------------------
// A scan sees the customer's internet address, and behind it every device the router lets
// through — the router itself most of all. So when the customer clearly said which kind or
// which maker (a category, or a brand, app or model that matched with similarity 0.9 or
// more), a fingerprint, feed vendor or feed model pointing at a family that does not fit
// the answer is set aside for that family: it describes another device at the address.
void set_aside(const DeviceDb& db, const Evidence& e, Scoring& scoring) {
    const Answers& a = e.answers;
    const bool category_said = a.category && is_device_category(*a.category);
    // Which kinds of answer clearly matched some family.
    bool clear[kKindCount] = {};
    for (const Matches& matches : scoring.matches)
        for (int kind : {kBrand, kApp, kModel})
            if (matches[kind].weight > 0 && matches[kind].similarity >= 0.9) clear[kind] = true;
    if (!category_said && !clear[kBrand] && !clear[kApp] && !clear[kModel]) return;
    for (size_t i = 0; i < scoring.touched.size(); ++i) {
        const Family& family = db.families()[scoring.touched[i]];
        Matches& matches = scoring.matches[i];
        bool fits = !category_said || family.category == *a.category;
        for (int kind : {kBrand, kApp, kModel})
            if (clear[kind] && matches[kind].weight <= 0) fits = false;
        if (fits) continue;
        for (int kind = 0; kind < kKindCount; ++kind)
            if (seen_at_address(kind)) matches[kind] = Match{};
    }
}

// Applies to every family of the category, so it is recorded once for the category.
void offer_category(const DeviceDb& db, Scoring& scoring, Kind kind, std::string_view category) {
    if (!is_device_category(category)) return;
    uint32_t at = category_index(category);
    scoring.offer_category(at, kind, {log_ratio(db, kind, 1.0), 1.0, at, kFromNone});
}

void offer_credential(const DeviceDb& db, Scoring& scoring, const std::string& credential) {
    std::string user, password;
    if (!split_credential(credential, user, password)) return;
    const DeviceIndex& ix = db.index();
    if (auto it = ix.by_login.find(lower_ascii(user) + "/" + password); it != ix.by_login.end())
        for (uint32_t family : it->second) scoring.offer(family, kLogin, {log_ratio(db, kLogin, 1.0), 1.0, 0, kFromLogin});
    if (auto it = ix.by_password.find(password); it != ix.by_password.end())
        for (uint32_t family : it->second)
            scoring.offer(family, kLogin, {std::log(kPasswordOnlyRatio), 0.5, 0, kFromPassword});
}

// A port's ratio is how much likelier it is among the families that list it than among all:
// half of (all families / families listing it), between 1 and 20. Port 80 says nothing,
// 34567 points at XiongMai-board recorders.
void offer_port(const DeviceDb& db, Scoring& scoring, int port) {
    auto it = db.index().by_port.find(port);
    if (it == db.index().by_port.end() || it->second.empty()) return;
    double ratio = 0.5 * static_cast<double>(db.families().size()) / static_cast<double>(it->second.size());
    ratio = std::min(ratio, kFixed[kPort]);
    if (ratio <= 1.0) return;
    for (uint32_t family : it->second) scoring.offer(family, kPort, {std::log(ratio), 1.0, static_cast<uint32_t>(port), kFromNone});
}

Scoring score_evidence(const DeviceDb& db, const Evidence& e) {
    Scoring scoring(db.families().size());
    const Answers& a = e.answers;
    if (a.brand && !a.brand->empty()) {
        offer_brand(db, scoring, kBrand, *a.brand, NameIndex::Mode::kName, kNameThreshold);
        offer_names(db, scoring, kBrand, *a.brand, NameIndex::Mode::kName, kNameThreshold, 1.0);
    }
    if (a.app && !a.app->empty()) {
        const NameIndex& apps = db.index().apps;
        for (const NameHit& hit : apps.search(*a.app, kNameThreshold))
            for (const auto& p : apps.names()[hit.name].payloads)
                scoring.offer(p.family, kApp, {log_ratio(db, kApp, hit.similarity), hit.similarity, hit.name, kFromApps});
    }
    if (a.model && !a.model->empty()) {
        offer_models(db, scoring, kModel, *a.model, kModelThreshold);
        offer_names(db, scoring, kModel, *a.model, NameIndex::Mode::kName, kNameThreshold, kNameStrength);
        offer_label(db, scoring, *a.model, false);  // "Hikvision DS-7208" typed into the model field
    }
    if (a.label && !a.label->empty()) offer_label(db, scoring, *a.label, true);
    if (a.category && !a.category->empty()) offer_category(db, scoring, kCategory, *a.category);

    if (!e.device_vendor.empty()) {
        offer_brand(db, scoring, kFeedVendor, e.device_vendor, NameIndex::Mode::kName, kNameThreshold);
        offer_brand(db, scoring, kFeedVendor, e.device_vendor, NameIndex::Mode::kInText, kInTextThreshold);
    }
    if (!e.device_model.empty()) {
        offer_models(db, scoring, kFeedModel, e.device_model, kNameThreshold);
        offer_names(db, scoring, kFeedModel, e.device_model, NameIndex::Mode::kName, kNameThreshold, kNameStrength);
    }
    if (!e.device_type.empty())
        if (auto category = category_from_text(e.device_type); !category.empty())
            offer_category(db, scoring, kFeedType, category);
    for (size_t field = 0; field < kFingerprintFieldCount; ++field)
        if (std::string value = fingerprint_value(e, field); !value.empty()) offer_fingerprint(db, scoring, field, value);
    if (!e.credential.empty()) offer_credential(db, scoring, e.credential);
    if (e.port) offer_port(db, scoring, *e.port);
    for (const std::string* tag : {&e.tag, &e.infection})
        if (!tag->empty())
            if (auto category = category_from_text(*tag); !category.empty()) offer_category(db, scoring, kTag, category);
    set_aside(db, e, scoring);
    scoring.add_category_evidence(db.index());
    return scoring;
}

// --- Posterior -----------------------------------------------------------------------------
// Prior: a (maker, category) group in proportion to its reach (device_db.h), split evenly
// over its families — so how finely the data splits a group does not change its odds.
double group_prior(const DeviceDb& db, uint32_t group) {
    return db.index().group_reach[group] / db.index().total_reach;
}

// The sum of the log ratios of a family's matches: its odds are its prior times exp(this).
double total_weight(const Matches& matches) {
    double total = 0;
    for (const Match& m : matches) total += m.weight;
    return total;
}

// A family's odds are its prior times the ratios of its evidence; the normalizer is their
// sum over all families. Category evidence multiplies every family of its category by the
// same factor, so the families no family-specific signal matched add up to their category's
// summed prior times that factor, without visiting them one by one.
struct Posterior {
    double normalizer = 1;                 // sum over all families of prior x ratios
    std::vector<double> odds;              // per touched family (same order as Scoring::touched)
    std::vector<double> category_factor;   // per category: its evidence's ratios multiplied; 1 when none
    std::unordered_map<uint32_t, double> touched_group_mass;  // groups holding a touched family
    double probability(size_t touched_at) const { return odds[touched_at] / normalizer; }
};

Posterior posterior(const DeviceDb& db, const Scoring& scoring) {
    Posterior post;
    const DeviceIndex& ix = db.index();
    for (uint32_t category = 0; category < kDeviceCategories.size(); ++category) {
        post.category_factor.push_back(std::exp(total_weight(scoring.by_category[category])));
        post.normalizer += ix.category_prior[category] * (post.category_factor.back() - 1);
    }
    for (size_t i = 0; i < scoring.touched.size(); ++i) {
        uint32_t family = scoring.touched[i];
        uint32_t group = ix.group_of_family[family];
        double factor = post.category_factor[ix.category_of_group[group]];
        double odds = ix.family_prior[family] * std::exp(total_weight(scoring.matches[i]));
        post.odds.push_back(odds);
        // Only what its family-specific evidence adds: the category factor is counted above.
        double beyond_category = odds - ix.family_prior[family] * factor;
        post.normalizer += beyond_category;
        auto [it, inserted] = post.touched_group_mass.emplace(group, group_prior(db, group) * factor);
        it->second += beyond_category;
    }
    for (auto& [group, mass] : post.touched_group_mass) mass /= post.normalizer;
    return post;
}

// The probability that the device is one of the group's.
double group_probability(const DeviceDb& db, const Posterior& post, uint32_t group) {
    if (auto it = post.touched_group_mass.find(group); it != post.touched_group_mass.end()) return it->second;
    return group_prior(db, group) * post.category_factor[db.index().category_of_group[group]] / post.normalizer;
}

// The most probable group other than `except`: a touched one, or in some category the
// untouched group of widest reach (category_groups is sorted by reach, so it is the first
// untouched one there).
double runner_up_probability(const DeviceDb& db, const Posterior& post, uint32_t except) {
    double best = 0;
    for (const auto& [group, mass] : post.touched_group_mass)
        if (group != except) best = std::max(best, mass);
    for (const auto& groups : db.index().category_groups)
        for (uint32_t group : groups)
            if (group != except && !post.touched_group_mass.count(group)) {
                best = std::max(best, group_probability(db, post, group));
                break;
            }
    return best;
}

// Every family's probability, including those no evidence points at.
std::vector<double> family_probabilities(const DeviceDb& db, const Scoring& scoring, const Posterior& post) {
    const DeviceIndex& ix = db.index();
    std::vector<double> probability(db.families().size());
    for (uint32_t f = 0; f < probability.size(); ++f)
        probability[f] = ix.family_prior[f] * post.category_factor[ix.category_of_group[ix.group_of_family[f]]] / post.normalizer;
    for (size_t i = 0; i < scoring.touched.size(); ++i) probability[scoring.touched[i]] = post.probability(i);
    return probability;
}

// --- Ranking -------------------------------------------------------------------------------
struct Ranked {
    uint32_t family = 0;
    double odds = 0;
    double group = 0;  // the probability of its (maker, category) group
};

// The `limit` best families some evidence points at, best first: the most probable
// (maker, category) group first — "which maker's camera" is the question the evidence
// answers — and within a group the likelier family (then more_current()). Families that
// only category evidence matched share their category's factor, so their groups rank by
// reach (category_groups' order) and only the first `limit` families of those groups can
// make the list; the rest are never looked at.
std::vector<Ranked> best_families(const DeviceDb& db, const Scoring& scoring, const Posterior& post, size_t limit) {
    if (limit == 0) return {};
    const DeviceIndex& ix = db.index();
    std::vector<Ranked> ranked;
    for (size_t i = 0; i < scoring.touched.size(); ++i)
        if (total_weight(scoring.matches[i]) > 0)  // not all of its evidence set aside
            ranked.push_back({scoring.touched[i], post.odds[i]});
    for (uint32_t category = 0; category < kDeviceCategories.size(); ++category) {
        if (total_weight(scoring.by_category[category]) <= 0) continue;  // no category evidence
        size_t taken = 0;
        for (uint32_t group : ix.category_groups[category]) {
            if (taken >= limit) break;
            for (uint32_t family : ix.group_families[group]) {
                if (scoring.slot[family] >= 0) continue;  // already ranked with its own evidence
                ranked.push_back({family, ix.family_prior[family] * post.category_factor[category]});
                ++taken;
            }
        }
    }
    for (Ranked& r : ranked) r.group = group_probability(db, post, ix.group_of_family[r.family]);
    auto better = [&](const Ranked& a, const Ranked& b) {
        if (a.group != b.group) return a.group > b.group;
        if (a.odds != b.odds) return a.odds > b.odds;
        return more_current(db.families(), a.family, b.family);
    };
    size_t shown = std::min(ranked.size(), limit);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(shown), ranked.end(), better);
    ranked.resize(shown);
    return ranked;
}

int strength_points(const Matches& matches) {
    int total = 0;
    for (int kind = 0; kind < kKindCount; ++kind) {
        const Match& m = matches[kind];
        if (m.weight <= 0 || m.similarity < kStrongSimilarity) continue;
        if (kind == kLogin && m.source != kFromLogin) continue;  // a password alone supports nothing
        total += points(kind, m);
    }
    return total;
}

// A strong signal that clearly matched some family but not the top one contradicts it
// (a brand and an app of two different makers). Category evidence is never strong, so only
// the families matched one by one need looking at.
bool contradicted(const Scoring& scoring, const Matches& top) {
    for (int kind = 0; kind < kKindCount; ++kind) {
        if (top[kind].weight > 0) continue;
        for (const auto& matches : scoring.matches)
            if (matches[kind].weight > 0 && matches[kind].similarity >= 0.9 && points(kind, matches[kind]) >= 2) return true;
    }
    return false;
}

// --- Reasons -------------------------------------------------------------------------------
std::string category_noun(std::string_view category, bool plural) {
    static const std::pair<std::string_view, std::pair<const char*, const char*>> kNouns[] = {
        {"camera", {"camera", "cameras"}}, {"recorder", {"video recorder", "video recorders"}},
        {"router", {"router", "routers"}}, {"access-point", {"access point", "access points"}},
        {"tv-box", {"TV box", "TV boxes"}}, {"media-receiver", {"TV receiver", "TV receivers"}},
        {"printer", {"printer", "printers"}}, {"nas", {"network drive (NAS)", "network drives (NAS)"}},
        {"voip", {"internet phone", "internet phones"}}, {"smart-home", {"smart-home device", "smart-home devices"}},
        {"other", {"device", "devices"}}};
    for (const auto& [key, nouns] : kNouns)
        if (key == category) return plural ? nouns.second : nouns.first;
    return plural ? "devices" : "device";
}

Reason make_reason(const DeviceDb& db, const Evidence& e, const Family& family, Kind kind, const Match& m) {
    const DeviceIndex& ix = db.index();
    const std::string& maker = db.maker_of(family).short_name;
    Reason r;
    r.weight = m.weight;
    auto typed = [&](const Answer& answer) {
        if (m.similarity < 1.0 && answer) r.params.emplace_back("typed", *answer);
    };
    auto name_of = [&]() -> std::string {
        switch (m.source) {
            case kFromBrands: return ix.brands.names()[m.ref].display;
            case kFromNames: return ix.names.names()[m.ref].display;
            case kFromApps: return ix.apps.names()[m.ref].display;
            case kFromModels: return ix.models.prefixes()[m.ref].display;
            default: return {};
        }
    };
    if (is_fingerprint(kind)) {
        // Shared software says only that the maker is among many that build it in.
        const size_t field = kind - kFirstFingerprint;
        const std::string_view name = kFingerprintFields[field].name;
        std::string code = m.points == static_cast<uint8_t>(FingerprintWeight::kShared) ? "shared_software"
                           : name == "mac"                                           ? "mac_vendor"
                                                                                     : std::string(name);
        r = {code, {{"field", std::string(name)}, {"value", fingerprint_value(e, field)},
                    {"pattern", ix.fingerprints[field].patterns()[m.ref].display}, {"maker", maker}}, m.weight};
        return r;
    }
    switch (kind) {
        case kBrand:
            if (m.source == kFromNames) r = {"name_matches", {{"name", name_of()}, {"maker", maker}}, m.weight};
            else r = {"brand_matches", {{"brand", name_of()}, {"maker", maker}}, m.weight};
            typed(e.answers.brand);
            break;
        case kApp:
            r = {"app_used_with", {{"app", name_of()}, {"maker", maker}, {"category", family.category}}, m.weight};
            typed(e.answers.app);
            break;
        case kModel:
            if (m.source == kFromNames) r = {"name_matches", {{"name", name_of()}, {"maker", maker}}, m.weight};
            else r = {"model_matches", {{"model", e.answers.model.value_or("")}, {"series", name_of()}, {"maker", maker}}, m.weight};
            if (m.source == kFromNames) typed(e.answers.model);
            break;
        case kLabelBrand:
        case kLabelModel: r = {"label_mentions", {{"found", name_of()}, {"maker", maker}}, m.weight}; break;
        case kCategory: r = {"category_matches", {{"category", family.category}}, m.weight}; break;
        case kFeedVendor: r = {"feed_vendor", {{"vendor", e.device_vendor}, {"maker", maker}}, m.weight}; break;
        case kFeedModel:
            r = {"feed_model", {{"model", e.device_model}, {"series", name_of()}, {"maker", maker}}, m.weight};
            break;
        case kFeedType: r = {"feed_type", {{"type", e.device_type}, {"category", family.category}}, m.weight}; break;
        case kLogin: {
            std::string user, password;
            split_credential(e.credential, user, password);
            if (m.source == kFromLogin) r = {"default_login", {{"credential", e.credential}, {"maker", maker}}, m.weight};
            else r = {"default_password", {{"password", password}, {"maker", maker}}, m.weight};
            break;
        }
        case kPort: r = {"port_seen", {{"port", std::to_string(m.ref)}}, m.weight}; break;
        case kTag: r = {"tag_hint", {{"tag", e.tag.empty() ? e.infection : e.tag}, {"category", family.category}}, m.weight}; break;
        default: break;
    }
    return r;
}

}  // namespace

std::string_view Reason::param(std::string_view name) const {
    for (const auto& [key, value] : params)
        if (key == name) return value;
    return {};
}

std::string reason_text_en(const Reason& r) {
    auto p = [&](const char* name) { return std::string(r.param(name)); };
    std::string typed = r.param("typed").empty() ? "" : " (you typed \"" + p("typed") + "\")";
    const std::string& c = r.code;
    if (c == "brand_matches") {
        if (normalize_name(p("brand")) == normalize_name(p("maker"))) return "the brand is " + p("brand") + typed;
        return p("maker") + " builds devices sold as " + p("brand") + typed;
    }
    if (c == "app_used_with") return "the app " + p("app") + " is used with " + p("maker") + " " + category_noun(p("category"), true) + typed;
    if (c == "model_matches") return "model " + p("model") + " is in the " + p("maker") + " " + p("series") + " series";
    if (c == "name_matches") return "\"" + p("name") + "\" is a " + p("maker") + " product" + typed;
    if (c == "label_mentions") return "the label mentions " + p("found") + " (" + p("maker") + ")";
    if (c == "category_matches") return "you said it is a " + category_noun(p("category"), false);
    if (c == "feed_vendor") return "the ISP's feed names the vendor " + p("vendor") + " (" + p("maker") + ")";
    if (c == "feed_model") return "the ISP's feed names model " + p("model") + ", in the " + p("maker") + " " + p("series") + " series";
    if (c == "feed_type") return "the ISP's feed calls it \"" + p("type") + "\"";
    if (c == "http_server") return "its web server calls itself \"" + p("value") + "\", like " + p("maker") + " devices";
    if (c == "http_title") return "its web page title \"" + p("value") + "\" is typical of " + p("maker");
    if (c == "telnet_banner") return "its Telnet greeting \"" + p("value") + "\" is typical of " + p("maker");
    if (c == "telnet_hostname") return "its Telnet prompt names it \"" + p("value") + "\", as " + p("maker") + " firmware does";
    if (c == "rtsp_server") return "its video stream server calls itself \"" + p("value") + "\", like " + p("maker") + " devices";
    if (c == "ssh_banner") return "its SSH greeting \"" + p("value") + "\" is typical of " + p("maker");
    if (c == "ftp_banner") return "its FTP greeting \"" + p("value") + "\" is typical of " + p("maker");
    if (c == "tls_subject") return "its security certificate names \"" + p("value") + "\", like " + p("maker") + " devices";
    if (c == "upnp_server") return "its UPnP answer \"" + p("value") + "\" is typical of " + p("maker");
    if (c == "mac_vendor") return "its network address (MAC) starts with " + p("pattern") + ", a prefix of " + p("maker");
    if (c == "shared_software") return "it runs \"" + p("pattern") + "\", software found in many makers' devices, " + p("maker") + "'s among them";
    if (c == "default_login") return "Mirai got in with " + p("credential") + ", a default login of " + p("maker") + " devices";
    if (c == "default_password") return "the password Mirai used is a default of " + p("maker") + " devices";
    if (c == "port_seen") return "it answered on port " + p("port") + ", which these devices use";
    if (c == "tag_hint") return "the feed's tag \"" + p("tag") + "\" suggests a " + category_noun(p("category"), false);
    return c;
}

// --- Identification ----------------------------------------------------------------------
namespace {

// The evidence scored and turned into probabilities: what identify() and next_question()
// both start from, worked out once per call.
struct Evaluation {
    Scoring scoring;
    Posterior post;
};

Evaluation evaluate(const DeviceDb& db, const Evidence& evidence) {
    Scoring scoring = score_evidence(db, evidence);  // evidence within its bounds: see bounded()
    Posterior post = posterior(db, scoring);
    return {std::move(scoring), std::move(post)};
}

Candidate make_candidate(const DeviceDb& db, const Evidence& evidence, const Evaluation& ev, const Ranked& ranked) {
    const DeviceIndex& ix = db.index();
    const Family& family = db.families()[ranked.family];
    Candidate c;
    c.id = family.id;
    c.maker_id = db.maker_of(family).id;
    c.vendor = db.maker_of(family).name;
    c.vendor_short = db.maker_of(family).short_name;
    c.model = family.name;
    c.category = family.category;
    c.score = ranked.odds / ev.post.normalizer;
    c.group_score = group_probability(db, ev.post, ix.group_of_family[ranked.family]);
    const Matches& matches = ev.scoring.of(ix, ranked.family);
    for (int kind = 0; kind < kKindCount; ++kind)
        if (matches[kind].weight > 0)
            c.reasons.push_back(make_reason(db, evidence, family, static_cast<Kind>(kind), matches[kind]));
    std::stable_sort(c.reasons.begin(), c.reasons.end(), [](const Reason& a, const Reason& b) { return a.weight > b.weight; });
    return c;
}

// The confidence rule (identify.h), for the top family.
bool confident(const DeviceDb& db, const Evaluation& ev, uint32_t top) {
    const DeviceIndex& ix = db.index();
    uint32_t top_group = ix.group_of_family[top];
    double lead = group_probability(db, ev.post, top_group);
    double runner_up = runner_up_probability(db, ev.post, top_group);
    const Matches& matches = ev.scoring.of(ix, top);
    return strength_points(matches) >= 2 && lead >= 0.6 && lead - runner_up >= 0.3 && !contradicted(ev.scoring, matches);
}

Identification identification(const DeviceDb& db, const Evidence& evidence, const Evaluation& ev, size_t max_candidates) {
    Identification result;
    std::vector<Ranked> ranked = best_families(db, ev.scoring, ev.post, max_candidates);
    for (const Ranked& r : ranked) result.candidates.push_back(make_candidate(db, evidence, ev, r));
    if (!ranked.empty()) result.confident = confident(db, ev, ranked.front().family);
    return result;
}

// Every entry point cuts over-long evidence first (evidence.h, bounded input): the wizard's
// own fields and callers that fill Evidence by hand get the same bound as a parsed link.
const Evidence& bounded(const Evidence& evidence, Evidence& copy) {
    if (evidence_within_bounds(evidence)) return evidence;
    copy = evidence;
    cap_evidence(copy);
    return copy;
}

}  // namespace

Identification identify(const DeviceDb& db, const Evidence& evidence_in, const IdentifyOptions& options) {
    if (db.families().empty()) return {};
    Evidence copy;
    const Evidence& evidence = bounded(evidence_in, copy);
    return identification(db, evidence, evaluate(db, evidence), options.max_candidates);
}

// --- Next question -----------------------------------------------------------------------
std::string_view question_name(Question question) {
    switch (question) {
        case Question::kCategory: return "category";
        case Question::kApp: return "app";
        case Question::kBrand: return "brand";
        case Question::kModel: return "model";
        default: return "none";
    }
}

namespace {

// Expected information (bits) of asking a question: the entropy of its answer when each
// family's probability is shared among the answers it would give. Answers are numbered
// (bucket 0 = "none of these", e.g. no app) so this stays a plain pass over the families.
template <typename Buckets>
double answer_entropy(const std::vector<double>& probability, size_t bucket_count, Buckets&& buckets_of) {
    std::vector<double> mass(bucket_count + 1, 0.0);
    std::vector<uint32_t> buckets;
    for (uint32_t f = 0; f < probability.size(); ++f) {
        if (probability[f] <= 0) continue;
        buckets.clear();
        buckets_of(f, buckets);
        if (buckets.empty()) buckets.push_back(0);
        for (uint32_t b : buckets) mass[b] += probability[f] / static_cast<double>(buckets.size());
    }
    double bits = 0;
    for (double m : mass)
        if (m > 0) bits -= m * std::log2(m);
    return bits;
}

}  // namespace

Question next_question(const DeviceDb& db, const Evidence& evidence_in) {
    if (db.families().empty()) return Question::kNone;
    Evidence copy;
    const Evidence& evidence = bounded(evidence_in, copy);
    Evaluation ev = evaluate(db, evidence);
    Identification id = identification(db, evidence, ev, 1);
    std::vector<double> probability = family_probabilities(db, ev.scoring, ev.post);

    const Answers& a = evidence.answers;
    const DeviceIndex& ix = db.index();
    const auto& families = db.families();
    const size_t family_count = families.size();
    auto models_of = [&](uint32_t f, std::vector<uint32_t>& out) {
        if (!families[f].models.empty()) out.push_back(f + 1);
    };

    if (id.confident) {
        // Sure of the maker and kind; ask the model only if it would pick between families.
        const Candidate& top = id.candidates.front();
        if (top.score >= 0.8 * top.group_score || a.model) return Question::kNone;
        std::vector<double> within(probability.size(), 0.0);
        const Family* leader = db.find_family(top.id);
        for (uint32_t f : db.maker_of(*leader).families)
            if (families[f].category == leader->category) within[f] = probability[f] / top.group_score;
        return answer_entropy(within, family_count, models_of) >= 0.5 ? Question::kModel : Question::kNone;
    }

    // In the wizard's order, easy to hard. Each question's information is a pass over all
    // families, so it is worked out only when every question before it is answered already
    // or would not help.
    auto category_bits = [&] {
        return answer_entropy(probability, kDeviceCategories.size(), [&](uint32_t f, std::vector<uint32_t>& out) {
            out.push_back(ix.category_of_group[ix.group_of_family[f]] + 1u);
        });
    };
    auto app_bits = [&] {
        return answer_entropy(probability, ix.apps.names().size(), [&](uint32_t f, std::vector<uint32_t>& out) {
            for (uint32_t app : ix.apps_of_family[f]) out.push_back(app + 1);
        });
    };
    auto brand_bits = [&] {
        return answer_entropy(probability, db.makers().size(), [&](uint32_t f, std::vector<uint32_t>& out) {
            out.push_back(families[f].maker + 1);
        });
    };
    auto model_bits = [&] { return answer_entropy(probability, family_count, models_of); };
    if (!a.category && category_bits() >= 0.5) return Question::kCategory;
    if (!a.app && app_bits() >= 0.5) return Question::kApp;
    if (!a.brand && brand_bits() >= 0.5) return Question::kBrand;
    if (!a.model && model_bits() >= 0.5) return Question::kModel;
    return Question::kNone;
}

// --- The "I don't know" path ---------------------------------------------------------------
// The catch-all family of the maker "generic" (devices/generic.json) is the honest default for
// "I don't know"; a generic family of a real maker (an unbranded XMEye recorder) is a guess.
const Family* generic_family(const DeviceDb& db, std::string_view category) {
    auto generic = db.generic_families(category);
    for (const Family* family : generic)
        if (db.maker_of(*family).id == "generic") return family;
    return generic.empty() ? nullptr : generic.front();
}

}  // namespace cleanslate

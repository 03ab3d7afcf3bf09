// identify_view.cpp — short lists, choices and the next step; see identify_view.h.
#include "core/identify_view.h"

#include <algorithm>
#include <map>

#include "core/text_match.h"

namespace cleanslate {

namespace {

// --- Short lists ------------------------------------------------------------------------------
bool in_category(const Family& family, std::string_view category) { return category.empty() || family.category == category; }

struct Tally {
    double best = 0;   // the most popular family's weight
    double total = 0;  // all families together
    size_t first = 0;  // the data's order: where the name was met first
};

// Brands rank by their most popular family first (one very common camera line makes a
// brand common); apps by all families together (an app many lines share, like XMEye, is in
// many homes). Ties keep the data's order.
enum class RankBy { kBestFamily, kAllFamilies };

std::vector<std::string> ranked(const std::map<std::string, Tally>& tallies, size_t limit, RankBy by) {
    std::vector<std::pair<std::string, Tally>> order(tallies.begin(), tallies.end());
    std::sort(order.begin(), order.end(), [by](const auto& a, const auto& b) {
        if (by == RankBy::kBestFamily && a.second.best != b.second.best) return a.second.best > b.second.best;
        if (a.second.total != b.second.total) return a.second.total > b.second.total;
        return a.second.first < b.second.first;
    });
    std::vector<std::string> names;
    for (size_t i = 0; i < order.size() && names.size() < limit; ++i) names.push_back(order[i].first);
    return names;
}

void count(std::map<std::string, Tally>& tallies, const std::string& name, double weight, size_t order) {
    auto [it, inserted] = tallies.emplace(name, Tally{0, 0, order});
    it->second.best = std::max(it->second.best, weight);
    it->second.total += weight;
}

// --- Reasons ------------------------------------------------------------------------------------
// The evidence a reason rests on, so that one fact seen for two families reads as shared:
// its code and the value the customer or the feed gave.
std::string evidence_key(const Reason& reason) {
    for (const char* name : {"brand", "app", "model", "name", "found", "vendor", "value", "credential", "password", "type", "tag", "port"})
        if (std::string_view value = reason.param(name); !value.empty()) return reason.code + "|" + normalize_name(value);
    return reason.code;
}

bool has_evidence(const Candidate& candidate, const std::string& key) {
    return std::any_of(candidate.reasons.begin(), candidate.reasons.end(),
                       [&](const Reason& r) { return points_at_family(r) && evidence_key(r) == key; });
}

// --- Choices -------------------------------------------------------------------------------------
// What the customer can tell two choices apart by. The label's model numbers count unless
// they said they cannot find the model, or could not even say what kind of device it is
// (then they are not asked for the label either: identify_view.h).
std::string tell_apart_key(const FamilyWords& words, const Answers& answers) {
    bool label_unreadable = (answers.model && answers.model->empty()) || (answers.category && answers.category->empty());
    return words.name + '\n' + words.seen + '\n' + (label_unreadable ? std::string() : words.label);
}

// Which of the families the customer cannot tell apart (likelier first) stand for the group.
// When all can be secured alike, the likeliest stands for all. When they differ, the answer
// must stay true for whichever one is in the customer's hand: a family that can only partly
// be secured stands for the group (its steps say the way in may stay open and what to do
// about it), so a customer is neither told their device is safe when it may not be, nor
// told to give it up when it may be fine — unless the evidence points at the family that
// cannot be secured: clearly more than at the others, or the virus got in with the very
// password that family can never change. With no middle ground (some fully, some not at all), each level is
// offered on its own and the cards' reasons are what sets them apart.
// How strongly what was seen and said points at this family in particular (log likelihood
// ratios of its reasons), without the kind, the port or how common it is; and the margin by
// which one family must lead another for the evidence to tell them apart.
double evidence_weight(const Candidate& candidate) {
    double total = 0;
    for (const Reason& reason : candidate.reasons)
        if (points_at_family(reason)) total += reason.weight;
    return total;
}
constexpr double kClearlyMore = 0.5;

// Whether the virus got in with the factory login that, for this family, can never be
// changed: then the device in the customer's hand is in exactly the state that cannot be
// secured, whatever other lines share its name.
bool fixed_login_seen(const DeviceDb& db, const Candidate& candidate) {
    const Family* family = db.find_family(candidate.id);
    if (!family || family->securable_reason != "telnet_password_fixed") return false;
    return std::any_of(candidate.reasons.begin(), candidate.reasons.end(), [](const Reason& r) { return r.code == "default_login"; });
}

std::vector<size_t> stand_ins(const DeviceDb& db, const std::vector<const Candidate*>& members) {
    std::vector<std::string> levels;
    for (const Candidate* member : members) {
        const Family* family = db.find_family(member->id);
        levels.push_back(family ? family->securable : std::string());
    }
    if (std::all_of(levels.begin(), levels.end(), [&](const std::string& level) { return level == levels.front(); })) return {0};
    if (levels.front() == "partly") return {0};
    for (size_t i = 1; i < levels.size(); ++i) {
        if (levels[i] != "partly") continue;
        bool leader_singled_out = levels.front() == "no" &&
            (evidence_weight(*members.front()) > evidence_weight(*members[i]) + kClearlyMore ||
             fixed_login_seen(db, *members.front()));
        return {leader_singled_out ? size_t{0} : i};
    }
    std::vector<size_t> firsts;
    std::vector<std::string> seen;
    for (size_t i = 0; i < levels.size(); ++i)
        if (std::find(seen.begin(), seen.end(), levels[i]) == seen.end()) {
            seen.push_back(levels[i]);
            firsts.push_back(i);
        }
    return firsts;
}

// The category to offer general steps for: the customer's answer, else the feed's device type.
std::string known_category(const Answers& answers, const Identification& found) {
    if (answers.category && is_device_category(*answers.category)) return *answers.category;
    for (const Candidate& candidate : found.candidates)
        for (const Reason& reason : candidate.reasons)
            if (reason.code == "feed_type") return candidate.category;
    return {};
}

}  // namespace

// --- Short lists ------------------------------------------------------------------------------
std::vector<std::string> app_shortlist(const DeviceDb& db, std::string_view category, size_t limit) {
    std::map<std::string, Tally> tallies;
    size_t order = 0;
    for (const Family& family : db.families()) {
        if (!in_category(family, category)) continue;
        double weight = popularity_weight(family.popularity);
        for (size_t place = 0; place < family.apps.size(); ++place)
            if (db.is_device_app(family.apps[place]))
                count(tallies, family.apps[place], weight / static_cast<double>(place + 1), order++);
    }
    return ranked(tallies, limit, RankBy::kAllFamilies);
}

std::vector<std::string> brand_shortlist(const DeviceDb& db, std::string_view category, size_t limit) {
    std::map<std::string, Tally> tallies;
    size_t order = 0;
    for (const Family& family : db.families()) {
        if (!in_category(family, category) || family.generic || family.brands.empty()) continue;
        if (is_no_brand(db, family.brands.front())) continue;
        count(tallies, family.brands.front(), popularity_weight(family.popularity), order++);
    }
    return ranked(tallies, limit, RankBy::kBestFamily);
}

std::string shortlist_category(const DeviceDb& db, const Evidence& evidence) {
    const Answers& answers = evidence.answers;
    if (answers.category && is_device_category(*answers.category)) return *answers.category;
    if (evidence.device_type.empty()) return {};
    return known_category(answers, identify(db, evidence, {1}));
}

// --- Reasons ------------------------------------------------------------------------------------
std::string reason_words(const Reason& reason, const Catalog& texts) {
    TextArgs args;
    for (const auto& [name, value] : reason.params)
        args.emplace_back(name, name == "category" ? texts.text("category.noun." + value) : value);
    return texts.format("reason." + reason.code, args);
}

bool points_at_family(const Reason& reason) {
    const std::string& c = reason.code;
    return c != "category_matches" && c != "feed_type" && c != "port_seen" && c != "tag_hint" && c != "shared_software";
}

// --- The choice -----------------------------------------------------------------------------
std::string_view identify_step_name(IdentifyStep step) {
    switch (step) {
        case IdentifyStep::kAskCategory: return "ask_category";
        case IdentifyStep::kAskApp: return "ask_app";
        case IdentifyStep::kAskBrand: return "ask_brand";
        case IdentifyStep::kAskModel: return "ask_model";
        case IdentifyStep::kConfirm: return "confirm";
        case IdentifyStep::kPick: return "pick";
        case IdentifyStep::kGeneralSteps: return "general_steps";
        case IdentifyStep::kNotFound: break;
    }
    return "not_found";
}

IdentifyPlan identification_outcome(const DeviceDb& db, const Evidence& evidence, const Catalog& texts) {
    IdentifyPlan plan;
    Identification found = identify(db, evidence, {kMaxChoices * 2});
    const Answers& answers = evidence.answers;

    // The families something points at in particular; when the engine is sure of the maker
    // and kind, only that group's.
    std::vector<const Candidate*> pointed;
    const Candidate* top = found.candidates.empty() ? nullptr : &found.candidates.front();
    for (const Candidate& candidate : found.candidates) {
        if (found.confident && (candidate.maker_id != top->maker_id || candidate.category != top->category)) continue;
        if (std::any_of(candidate.reasons.begin(), candidate.reasons.end(), points_at_family)) pointed.push_back(&candidate);
    }

    // One choice per thing the customer can tell apart, the likelier first — unless the
    // families they cannot tell apart differ in what a reset can do for them (see
    // stand_in_for below).
    struct Group {
        std::string key;
        std::vector<const Candidate*> members;  // likelier first
        std::vector<FamilyWords> words;
    };
    std::vector<Group> groups;
    for (const Candidate* candidate : pointed) {
        const Family* family = db.find_family(candidate->id);
        if (!family) continue;
        FamilyWords words = family_words(db, *family, texts, &answers);
        std::string key = tell_apart_key(words, answers);
        auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.key == key; });
        if (group == groups.end()) group = groups.insert(groups.end(), Group{key, {}, {}});
        group->members.push_back(candidate);
        group->words.push_back(std::move(words));
    }
    std::vector<const Candidate*> kept;
    for (Group& group : groups) {
        for (size_t member : stand_ins(db, group.members)) {
            if (plan.choices.size() == kMaxChoices) break;
            kept.push_back(group.members[member]);
            plan.choices.push_back({group.members[member]->id, std::move(group.words[member]), {}, {}});
        }
    }

    // Each choice's reasons, and the one that sets it apart: evidence that some other choice
    // lacks (a brand, an app the others are not used with).
    for (size_t i = 0; i < kept.size(); ++i) {
        DeviceChoice& choice = plan.choices[i];
        for (const Reason& reason : kept[i]->reasons) {
            if (!points_at_family(reason)) continue;
            std::string text = reason_words(reason, texts);
            if (choice.reasons.size() < 3 && std::find(choice.reasons.begin(), choice.reasons.end(), text) == choice.reasons.end())
                choice.reasons.push_back(text);
            if (!choice.why.empty() || kept.size() < 2) continue;
            std::string key = evidence_key(reason);
            bool shared = std::all_of(kept.begin(), kept.end(),
                                      [&](const Candidate* other) { return other == kept[i] || has_evidence(*other, key); });
            if (!shared) choice.why = text;
        }
        if (kept.size() == 1 && !choice.reasons.empty()) choice.why = choice.reasons.front();
    }
    // What all of them have in common is said once, above the list.
    if (kept.size() >= 2)
        for (const Reason& reason : kept.front()->reasons) {
            std::string key = evidence_key(reason);
            if (!points_at_family(reason) || !std::all_of(kept.begin(), kept.end(), [&](const Candidate* c) { return has_evidence(*c, key); }))
                continue;
            std::string text = reason_words(reason, texts);
            if (std::find(plan.shared.begin(), plan.shared.end(), text) == plan.shared.end()) plan.shared.push_back(text);
        }

    if (plan.choices.size() >= 2) plan.step = IdentifyStep::kPick;
    else if (plan.choices.size() == 1) plan.step = IdentifyStep::kConfirm;
    else if (std::string category = known_category(answers, found); !category.empty() && (plan.general = generic_family(db, category)))
        plan.step = IdentifyStep::kGeneralSteps;
    else plan.step = IdentifyStep::kNotFound;
    return plan;
}

IdentifyPlan plan_identification(const DeviceDb& db, const Evidence& evidence, const Catalog& texts) {
    // No kind known to the customer: nothing more to ask about the device (identify_view.h).
    if (evidence.answers.category && evidence.answers.category->empty()) return identification_outcome(db, evidence, texts);
    // The app question is skipped for a kind no app is offered for (a TV box's apps are app
    // stores and players): it is then as if the customer had said they use none.
    Evidence asked = evidence;
    IdentifyPlan plan;
    for (int question = 0; question < 4; ++question) {
        switch (next_question(db, asked)) {
            case Question::kCategory: plan.step = IdentifyStep::kAskCategory; return plan;
            case Question::kApp:
                if (!app_shortlist(db, shortlist_category(db, asked), 1).empty()) { plan.step = IdentifyStep::kAskApp; return plan; }
                asked.answers.app = std::string();
                continue;
            case Question::kBrand: plan.step = IdentifyStep::kAskBrand; return plan;
            case Question::kModel: plan.step = IdentifyStep::kAskModel; return plan;
            case Question::kNone: break;
        }
        break;
    }
    return identification_outcome(db, asked, texts);
}

}  // namespace cleanslate

// identify_view.h — what the identification screens offer, worked out here so the screens
// only draw it and the unit tests read as its specification:
//   - the apps and brands one tap away, the most common first (the data's popularity);
//   - the devices to choose from, named in the customer's words (family_names.h), each with
//     the reason that sets it apart from the others, and only as many as the customer can
//     tell apart;
//   - where to go after an answer: the next question, one device to confirm, a pick list, the
//     general steps for the kind of device, or a call.
//
// THE PICK-LIST RULE. A device is offered only when something the customer said or the feed
// saw points at it in particular (a brand, an app, a model, a default password, a
// fingerprint) — never for the kind of device or the port alone, which weigh every family of
// a kind alike. Two devices the customer cannot tell apart (same name, same years, same
// brands; and the same model numbers, or the customer already said they cannot find the
// model) are one choice: the likelier stands for both — unless a reset helps them
// differently; then the one whose steps stay true for all stands for them (identify_view.cpp,
// stand_ins). Two or more choices make a pick list,
// one is a proposal to confirm; none leads to the general steps for the kind of device the
// customer named, or, when they could not name it either, to a call.
//
// "I DON'T KNOW" ABOUT THE KIND. A customer who cannot say what kind of device it is cannot
// read its label or name its app either, so no further question about it is asked: what the
// link's evidence points at is offered, else the helpdesk.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/device_db.h"
#include "core/evidence.h"
#include "core/family_names.h"
#include "core/i18n.h"
#include "core/identify.h"

namespace cleanslate {

// --- Short lists ----------------------------------------------------------------------------
// Apps used to watch or manage devices of this kind (all kinds when category is ""), most
// used first: each family adds its popularity weight, divided by the app's place in the
// family's list (its main app counts fully). App stores and web pages are never offered
// (DeviceDb::is_device_app).
std::vector<std::string> app_shortlist(const DeviceDb& db, std::string_view category, size_t limit);
// Brands printed on devices of this kind, most common first: by the most popular family
// that carries the brand first, then by all of them together, then in the data's order.
std::vector<std::string> brand_shortlist(const DeviceDb& db, std::string_view category, size_t limit);
// The kind of device the short lists are for: the customer's answer, else what the feed
// called it (its device type), else "" (all kinds).
std::string shortlist_category(const DeviceDb& db, const Evidence& evidence);

// --- Reasons --------------------------------------------------------------------------------
// A reason in the customer's language, from the locale template reason.<code>.
std::string reason_words(const Reason& reason, const Catalog& texts);
// Whether a reason points at families in particular: false for the kind of device, the
// port, the feed's tag and software many makers build in, which lift many families alike.
bool points_at_family(const Reason& reason);

// --- The choice -----------------------------------------------------------------------------
constexpr size_t kMaxChoices = 5;

struct DeviceChoice {
    std::string family_id;
    FamilyWords words;
    std::string why;                   // the reason that sets it apart from the other choices, or ""
    std::vector<std::string> reasons;  // its reasons in words, strongest first, each once, at most 3
};

enum class IdentifyStep {
    kAskCategory, kAskApp, kAskBrand, kAskModel,  // the next question
    kConfirm,                                     // one device: "Is it this one?"
    kPick,                                        // a pick list of 2..kMaxChoices
    kGeneralSteps,                                // the general steps for the kind of device
    kNotFound,                                    // no kind known: the helpdesk
};
std::string_view identify_step_name(IdentifyStep step);   // "ask_category", ..., "not_found"

struct IdentifyPlan {
    IdentifyStep step = IdentifyStep::kNotFound;
    std::vector<DeviceChoice> choices;  // kConfirm: one; kPick: two or more
    std::vector<std::string> shared;    // kPick: reasons every choice has ("U gebruikt de app XMEye."), said once
    const Family* general = nullptr;    // kGeneralSteps: the kind's general steps
};

// Where to go after an answer: a question while one helps (never which app, when no app is
// offered for the kind), else the outcome.
IdentifyPlan plan_identification(const DeviceDb& db, const Evidence& evidence, const Catalog& texts);
// The outcome of what is known now, asking nothing more.
IdentifyPlan identification_outcome(const DeviceDb& db, const Evidence& evidence, const Catalog& texts);

}  // namespace cleanslate

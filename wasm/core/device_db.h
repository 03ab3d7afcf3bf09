// device_db.h — the manufacturer database, loaded from the packed file that
// `node scripts/check-devices.mjs --out FILE` writes: {"makers":[{maker..., "families":[...]}]}.
// The contract is devices/schema.json; this file mirrors it as plain structs. Customer-facing
// text is never stored here: actions and signs are typed, and the screens render them with
// the locale templates action.<type> and sign.<type>.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/evidence.h"
#include "core/text_match.h"

namespace cleanslate {

// --- Typed steps -------------------------------------------------------------------------
// One reset/password/hardening action or one sign of a true reset: its type selects the
// locale template, its parameters fill it. Scalars are kept as text in file order ("seconds"
// -> "30"); lists of names are kept as lists (a navigate action's menu "path", a log_in's
// "else_passwords"); a hold's "until" sign is kept as a nested step.
struct TypedStep {
    std::string type;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> path;
    std::vector<std::pair<std::string, std::vector<std::string>>> lists;  // other lists, by name
    std::vector<TypedStep> until;  // hold_button: the sign that says "let go" (0 or 1)

    // The parameter's text, or "" when absent.
    std::string_view param(std::string_view name) const;
    bool has_param(std::string_view name) const;
    // A numeric parameter ("seconds"), or fallback when absent or not a number.
    int int_param(std::string_view name, int fallback = 0) const;
    // A list parameter ("else_passwords"), empty when absent.
    const std::vector<std::string>& list(std::string_view name) const;
};
using Action = TypedStep;
using Sign = TypedStep;

// --- Family parts ------------------------------------------------------------------------
// Where a fact comes from. trust: "maker" (the maker's own site), "maker-mirror" (the maker's
// manual copied elsewhere), "third-party" or "generic" (no specific source: the category's
// usual procedure). Address, title, quote and date stay in devices/: the packed file the
// wizard loads keeps only the trust level, which is all a screen shows.
struct Source {
    std::string url;
    std::string title;
    std::string publisher;
    std::string trust;
    std::string accessed;
    std::string quote;
};

// Which devices of a family a procedure is for; empty: all of them.
struct AppliesTo {
    std::vector<std::string> models;
    std::string hardware;
    std::string firmware;
    bool empty() const { return models.empty() && hardware.empty() && firmware.empty(); }
};

struct ResetProcedure {
    std::string method;  // "button", "power", "menu", "web", "app", "phone"
    AppliesTo applies_to;
    std::vector<Action> actions;
    std::vector<Sign> signs;
    std::vector<std::string> erases;  // "settings", "passwords", "network", "recordings", ...
    std::vector<std::string> keeps;   // what a source says stays; neither list: unknown
    std::vector<Source> sources;      // best first; never empty in validated data

    // The restart time lives in one place: the wait step marked for: "restart". -1: none.
    int restart_seconds() const;
    // The source the screen names ("from the maker's manual"); a generic one when none.
    const Source& best_source() const;
    bool erases_item(std::string_view item) const;
    bool keeps_item(std::string_view item) const;
};

struct PasswordProcedure {
    std::string method;  // "web", "app", "menu", "telnet", "console"
    std::vector<Action> actions;
    std::vector<Source> sources;
};

// A factory login. password_from says where the password comes from: "literal" (password
// holds it), "empty", "label", "serial", "label-or-serial", "mac", "set-at-setup". Only
// literal and empty logins are passwords anyone can type from the data.
struct Login {
    std::string user;
    std::string password;
    std::string password_from;
    std::string label_mark;  // the word printed next to it on the sticker ("Pwd"), or ""
    std::string which;       // "admin", "wifi-key", "cloud-account"
    std::string where;       // "web", "telnet", "app", "menu", "wifi" or ""
    std::vector<Source> sources;
    bool typed_from_data() const { return password_from == "literal" || password_from == "empty"; }
};

struct Hardening {
    std::string feature;   // "telnet", "remote-access", "upnp", ...
    std::string possible;  // "yes", "no", "unknown"
    std::vector<Action> actions;
};

// How much one fingerprint says (devices/schema.json, fingerprints): strong — only this
// maker's devices show it; weak — it points at the maker but others show it too; shared —
// software built into many makers' products (an embedded web server, a chip maker's SDK).
// The packer marks every pattern naming shared software (devices/fingerprints/shared.json)
// as shared, whatever the family says.
enum class FingerprintWeight : uint8_t { kShared = 0, kWeak = 1, kStrong = 2 };

struct FingerprintPattern {
    std::string text;
    PatternPlace place = PatternPlace::kWord;
    FingerprintWeight weight = FingerprintWeight::kStrong;
};

// A device an internet provider lends and manages from a distance.
struct ProviderManaged {
    std::vector<std::string> providers;
    bool reprovisions = false;            // set up again remotely after a reset
    bool pushes_admin_password = false;   // may set the admin password back
    bool reset_locked = false;            // the provider locked the factory reset
    bool firmware_from_provider = false;  // updates only from the provider
    std::vector<Source> sources;
};

struct Fingerprints {
    std::vector<int> ports;
    // One list per fingerprint field, in kFingerprintFields order (evidence.h); "mac" holds
    // vendor prefixes as six hex digits.
    std::array<std::vector<FingerprintPattern>, kFingerprintFieldCount> patterns;
    const std::vector<FingerprintPattern>& of(std::string_view field) const;
};

struct Family {
    std::string id;
    std::string name;
    std::string category;
    // What it is in the customer's words (locale kind.<kind>): a doorbell among cameras, a
    // modem among routers; "" means the category's own word. product: the name printed on
    // it that people know it by ("FRITZ!Box", "KPN Box 12"), or "". family_names.h uses both.
    std::string kind;
    std::string product;
    // How it gets its power: "adapter", "network-cable" (PoE only: pulling the network cable
    // switches it off), "adapter-or-network-cable", or "" (not given: a plug, unless the
    // customer says otherwise). procedure_text.h's power_way() decides what a step says.
    std::string power;
    bool generic = false;
    std::vector<std::string> brands;
    std::vector<std::string> aliases;
    std::vector<std::string> models;
    std::vector<std::string> apps;
    Fingerprints fingerprints;
    std::vector<Login> default_logins;
    std::vector<ResetProcedure> reset;  // preferred procedure first; empty when there is no factory reset
    // "" (a factory reset exists and cures), "none" (the maker says it has none) or
    // "does_not_cure" (a reset leaves the way in open, e.g. a fixed Telnet password).
    std::string factory_reset;
    std::vector<Source> factory_reset_sources;
    std::optional<ProviderManaged> provider_managed;
    PasswordProcedure password;
    std::vector<Hardening> hardening;
    std::string firmware_updates;  // "maker", "none", "unknown" or "" when not given
    std::string firmware_url;
    // How many homes have one, for the order of families a question cannot tell apart:
    // "very-common", "common" (the default), "uncommon", "rare"; and the last year the maker
    // sold it, 0 while it is still sold.
    std::string popularity = "common";
    int sold_until = 0;
    std::string securable;         // "yes", "partly", "no"
    std::string securable_reason;  // "telnet_password_fixed", "no_factory_reset", ... or ""
    std::vector<Source> sources() const;  // every distinct source the family cites
    uint32_t maker = 0;                   // index into DeviceDb::makers()
};

struct Maker {
    std::string id;
    std::string name;        // legal or best-known name, as the data gives it
    std::string short_name;  // the name people say: "XiongMai" for "Hangzhou Xiongmai Technology Co., Ltd."

    std::vector<std::string> aliases;
    std::string website;
    std::string support_url;
    std::vector<std::string> domains;  // the maker's own web domains
    std::vector<std::string> oem_for;
    std::vector<uint32_t> families;  // indexes into DeviceDb::families()
};

// --- Lookup indexes ----------------------------------------------------------------------
// Built once at load so identification never scans every family for a name.
enum class NameKind : uint8_t { kMakerName, kMakerAlias, kOemBrand, kFamilyBrand, kFamilyName, kFamilyAlias, kApp };

struct DeviceIndex {
    NameIndex brands;  // maker names and aliases, rebrands, family brands
    NameIndex names;   // family names and aliases
    NameIndex apps;
    ModelIndex models;
    std::array<FingerprintIndex, kFingerprintFieldCount> fingerprints;  // kFingerprintFields order; weights are FingerprintWeight
    std::unordered_map<int, std::vector<uint32_t>> by_port;
    std::unordered_map<std::string, std::vector<uint32_t>> by_login;     // "user/password", user in lower case
    std::unordered_map<std::string, std::vector<uint32_t>> by_password;
    std::unordered_map<std::string, std::vector<uint32_t>> by_category;
    // Families grouped by (maker, category): "a XiongMai recorder" however finely the data
    // splits XiongMai recorders into families. Identification's prior and confidence rule
    // work on these groups.
    std::vector<uint32_t> group_of_family;
    std::vector<uint32_t> group_size;
    // How widely a group is sold: 1 + the distinct brand names its families and its maker's
    // rebrands (oem_for) carry, at most 12. A group sold under many brands (XiongMai boards
    // in a dozen brands' recorders) is met more often than one sold under its own name only;
    // identification uses this as the prior.
    std::vector<double> group_reach;
    double total_reach = 0;
    // Per family, the prior identification starts from: its group's share of the total
    // reach, split over the group's families by popularity (popularity_weight()).
    std::vector<double> family_prior;
    // Per device category (kDeviceCategories order). Evidence about the kind of device (a
    // category answer, a feed's device type or tag) weighs every family of a category alike,
    // so identification applies it once per category using these, instead of family by
    // family (about 1 000 families per category at 10 000 families).
    std::vector<uint8_t> category_of_group;
    std::vector<double> category_prior;                    // summed family_prior
    std::vector<std::vector<uint32_t>> category_families;  // by family_prior, highest first, then id
    std::vector<std::vector<uint32_t>> category_groups;    // by group_reach, highest first
    std::vector<std::vector<uint32_t>> group_families;     // by family_prior, highest first, then more_current()
    // Per family, the apps index entries of its apps: "which app?" answers as numbers.
    std::vector<std::vector<uint32_t>> apps_of_family;
};

// A family's share of its group's prior by popularity: very-common 8, common 4, uncommon 2,
// rare 1 (halving per step: "common" is about twice as often met as "uncommon").
double popularity_weight(std::string_view popularity);

// The order of two families equally likely on the evidence: the one still sold (or sold
// until later) first, then the data's order (families[] index). Never the id's spelling.
bool more_current(const std::vector<Family>& families, uint32_t a, uint32_t b);

// The position of a category in kDeviceCategories; 0 for an unknown one (the loader
// rejects those).
uint32_t category_index(std::string_view category);

// --- The database ------------------------------------------------------------------------
class DeviceDb {
public:
    const std::vector<Maker>& makers() const { return makers_; }
    const std::vector<Family>& families() const { return families_; }
    const DeviceIndex& index() const { return index_; }

    const Family* find_family(std::string_view id) const;
    const Maker* find_maker(std::string_view id) const;
    const Maker& maker_of(const Family& family) const { return makers_[family.maker]; }
    // Families marked generic:true in the category: the "I don't know" path. Empty when the
    // data has none for that category.
    std::vector<const Family*> generic_families(std::string_view category) const;
    // False for an app no one uses to watch or manage a device: an app store, a media player
    // on a TV box, a device's own web page (packed "not_device_apps", from
    // devices/apps/not-device-apps.json). Such apps still count as evidence; they are only
    // never offered as "the app you use for it".
    bool is_device_app(std::string_view app) const;

private:
    friend struct DeviceDbLoader;
    std::vector<Maker> makers_;
    std::vector<Family> families_;
    std::unordered_map<std::string, uint32_t> family_by_id_;
    std::unordered_map<std::string, uint32_t> maker_by_id_;
    std::vector<std::string> not_device_apps_;  // normalize_name() of each, sorted
    DeviceIndex index_;
};

// Parses the packed database text. On failure returns false and says why in `error`
// (not JSON, no "makers" array, a maker or family without id/name/category, a duplicate
// id); fields of the wrong type inside a family are skipped, as the build already
// validated the file against the schema. Never aborts.
bool load_device_db(std::string_view packed_json, DeviceDb& db, std::string& error);

}  // namespace cleanslate

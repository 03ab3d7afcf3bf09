// identify.h — which device is it? Ranks the database's families against the evidence,
// says why in words the wizard can translate, and picks the most useful next question.
//
// HOW SCORES ARE MADE
// Each (maker, category) group — "a XiongMai recorder" — starts from a prior in proportion
// to its reach: 1 + the number of brands it is sold under, at most 12 (device_db.h), split
// evenly over its families, so how finely the data splits a group changes nothing. Every signal that matches a family multiplies its odds by a
// likelihood ratio scaled by how well it matched (similarity s in 0..1: ratio^s). Strong
// signals scale with the number of (maker, category) groups G, so one brand answer means
// the same in a database of 50 groups or 5 000: model number (answer, feed or label text)
// 12·G, brand on the label / feed vendor / brand or family named in label text 5·G
// (a brand listed only as a rebrand: (5·G)^0.5), HTTP server / page title / Telnet banner
// fingerprint 4·G, app 3·G. Supporting and weak signals are fixed: the Mirai login seen
// being one of the family's default logins 50 (only the password matching: 10), category
// answer 20, feed device type 10, port: half of (all families / families listing it),
// between 1 and 20, feed tag hinting a category 3. A listed model series counts for more
// the longer it is ("IPC-HFW" over "IPC").
// For each kind of signal only the best match per family counts, so one fact is never
// counted twice. The score is the posterior probability (0..1, all families sum to 1).
// Category answers, feed device types and tags weigh every family of their category alike,
// so they are applied as one factor per category, against the category's summed prior
// (device_db.h), and of the families only they point at just the few that can be listed
// are looked at: a query costs what its family-specific evidence matches, not the size of
// a category, and the scores stay exact posteriors over all families.
// Weak evidence therefore gives low, spread scores by construction: a port many families
// open lifts all of them a little and none much.
//
// THE CONFIDENCE RULE — `confident` is true only when all four hold:
//   1. strong evidence: the top family has at least two strength points — 2 for each strong
//      signal (brand, app, model, label text, family name, feed vendor or model, HTTP or
//      Telnet fingerprint), 1 for each supporting one (category answer, feed device type,
//      exact Mirai default login); ports, tags and a matching password alone give none;
//   2. agreement: the top family's (maker, category) group holds at least 60 % of the
//      probability;
//   3. a clear margin: that group leads every other group by at least 30 points;
//   4. no contradiction: no strong signal that clearly matched another family (similarity
//      0.9 or more) is missing from the top family.
// So "only port 23" or "only mirai" is never confident, and a brand plus an app that point
// at two different makers is not either. Confidence is about the maker and the kind of
// device; several families in the group (e.g. three XiongMai recorder lines) may still
// need the model question to pick the exact procedure — next_question() asks it.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/device_db.h"
#include "core/evidence.h"

namespace cleanslate {

// --- Reasons -----------------------------------------------------------------------------
// A reason has a stable code and named parameters so the wizard renders it from the locale
// template reason.<code> in Dutch or English. Codes and their parameters:
//   brand_matches   brand, maker [, typed]       the brand on the label (maker: short name)
//   app_used_with   app, maker, category [, typed]
//   model_matches   model, series, maker [, typed]
//   name_matches    name, maker [, typed]         the family's name or alias
//   label_mentions  found, maker                  label text names a brand or model
//   category_matches category                     the customer's answer
//   feed_vendor     vendor, maker
//   feed_model      model, series, maker
//   feed_type       type, category
//   http_server     value, pattern, maker
//   http_title      value, pattern, maker
//   telnet_banner   value, pattern, maker
//   default_login   credential, maker
//   default_password password, maker
//   port_seen       port
//   tag_hint        tag, category
// `typed` is present when the customer's spelling differed from the database's.
struct Reason {
    std::string code;
    std::vector<std::pair<std::string, std::string>> params;
    double weight = 0;  // natural log of the likelihood ratio this reason contributed

    std::string_view param(std::string_view name) const;
};

// English rendering for the desk command and logs: "the app XMEye is used with XiongMai
// recorders". The wizard uses locale templates instead.
std::string reason_text_en(const Reason& reason);

// --- Identification ----------------------------------------------------------------------
struct Candidate {
    std::string id;        // family id
    std::string maker_id;
    std::string vendor;    // maker name
    std::string vendor_short;  // the maker's short name ("XiongMai")
    std::string model;     // family name
    std::string category;
    double score = 0;        // posterior probability of this family, 0..1
    double group_score = 0;  // probability that it is this maker's device of this category
    std::vector<Reason> reasons;  // strongest first
};

struct Identification {
    bool confident = false;
    std::vector<Candidate> candidates;  // best first; only families some evidence points at
};

struct IdentifyOptions {
    size_t max_candidates = 10;
};

Identification identify(const DeviceDb& db, const Evidence& evidence, const IdentifyOptions& options = {});

// --- Next question -----------------------------------------------------------------------
// Which question helps most now. The wizard's order is category, app, brand, model (easy to
// hard); a question is skipped when already answered (an "I don't know" counts as
// answered) or when its answer could hardly split the remaining candidates (less than half
// a bit of expected information). None when the identification is confident and one family
// clearly leads its group, or when no remaining question would help.
enum class Question { kNone, kCategory, kApp, kBrand, kModel };
std::string_view question_name(Question question);  // "none", "category", "app", "brand", "model"
Question next_question(const DeviceDb& db, const Evidence& evidence);

// --- The "I don't know" path ---------------------------------------------------------------
// The category's generic family (generic:true), or nullptr when the data has none.
const Family* generic_family(const DeviceDb& db, std::string_view category);

}  // namespace cleanslate

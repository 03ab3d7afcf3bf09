// family_names.h — a family of devices in the customer's words.
//
// The data's family name is for the team ("Older Dahua DVR (before 2017, users 888888/666666)").
// A customer can only check what is on the device in their hand or on their phone: what kind
// of thing it is, the brand on it, the product name printed on it, or — for unbranded boards
// sold under a hundred names — the app they use with it. So the name is built from those, with
// the locale's templates (family.name.*):
//   product, kind, brand   "FRITZ!Box (router van AVM)"                 family.name.product
//   brand in the product   "KPN Box 12 (modem)"                         family.name.product_only
//   kind, brand            "Camera van Hikvision"                       family.name.brand
//   kind, app (unbranded)  "Videorecorder die met de XMEye-app werkt"   family.name.app
//   unbranded, no app      "Router zonder merk"                         family.name.unbranded
//   the general steps      "Camera (merk onbekend)"                     family.name.unknown_brand
// A second, smaller line holds what tells two families with one name apart: the last year it
// was sold, other brands it is sold as, and model numbers as printed on the label. Everything
// comes from the data (kind, product, brands, apps, models, sold_until); nothing about any
// device is written in code.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/device_db.h"
#include "core/evidence.h"
#include "core/i18n.h"

namespace cleanslate {

struct FamilyWords {
    std::string name;     // "Camera van Hikvision"
    std::string seen;     // what the customer may know without reading the label: "Verkocht tot en met 2016 · Ook verkocht als Q-See"
    std::string label;    // what the label says: "Op het etiket bijvoorbeeld DVR0404, DVR0804"
    std::string kind;     // the kind's id ("doorbell"), for its drawing

    // The second line: seen and label joined, "" when both are empty.
    std::string details() const;
};

// answers (may be null): the customer's brand and app, so that a Dahua-made camera is
// "Camera van Amcrest" to someone who said Amcrest, and an unbranded recorder is named by the
// app they chose.
FamilyWords family_words(const DeviceDb& db, const Family& family, const Catalog& texts, const Answers* answers = nullptr);

// The family's kind: its own, else its category ("camera").
std::string_view family_kind(const Family& family);

// Whether a brand name means "no brand" (the words the data's catch-all maker lists as its
// brands: "unbranded", "no brand", ...).
bool is_no_brand(const DeviceDb& db, std::string_view brand);

// "A, B of C" / "A, B or C" (locale list.or); "" for none.
std::string or_list(const std::vector<std::string>& items, const Catalog& texts);

}  // namespace cleanslate

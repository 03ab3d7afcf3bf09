// procedure_text.h — turns a device's typed actions, reset signs and what a reset erases
// into sentences in the customer's language, from locale templates (action.*, sign.*,
// erasable.*, ...). One translation serves every device in the database; the device data
// only adds names as printed on the device (menu labels, app names, addresses, codes).
#pragma once
#include "core/device_db.h"
#include "core/i18n.h"
#include <string>
#include <vector>

namespace cleanslate {

// --- How the device is switched off and on ----------------------------------------------------
// "Pull out the power plug" is only true of a device with a power plug. A camera fed through
// its network cable (PoE) is switched off by pulling that cable; when neither the data nor the
// customer's answer settles which it is, a step names both.
enum class PowerWay { plug, network_cable, plug_or_cable };
// connection: the customer's answer to "how is it connected?" ("wifi", "cable", "poe",
// "unknown"; "" when not asked). The family's "power" comes first where it leaves no choice.
PowerWay power_way(const Family& family, std::string_view connection);

// The steps as sentences. power: what switching it off and on means for this device; the
// default suits every step that does not touch the power.
std::string action_text(const Catalog& texts, const Action& action, PowerWay power = PowerWay::plug);
std::string sign_text(const Catalog& texts, const Sign& sign);

// "2 minutes", "45 seconds", "1 minute"
std::string duration_text(const Catalog& texts, int seconds);

// Every locale key the given action or sign can use; the data test checks them all exist.
std::vector<std::string> keys_for(const Action& action, PowerWay power = PowerWay::plug);
std::vector<std::string> sign_keys_for(const Sign& sign);

// The first action a countdown is shown for (a hold_button), or nullptr.
const Action* hold_action(const ResetProcedure& procedure);
// A hold during which the power goes out and comes back (while "power_cycling"): how long it
// stays out; 0 for any other hold.
int hold_power_off_seconds(const Action& hold);
// "the power plug", "the network cable": what the hold countdown tells the customer to pull
// out and put back (locale key).
std::string power_key(PowerWay power);

// --- What a reset does -------------------------------------------------------------------
// The lines the reset screen shows about a procedure, each a whole sentence or list item:
// what it erases, what it keeps, and a warning for what a source does not settle but the
// customer would mind losing (recordings on a recorder or camera, files on a NAS).
struct ResetEffects {
    std::vector<std::string> erases;
    std::vector<std::string> keeps;
    std::vector<std::string> unknown;  // "We do not know if your recordings stay..."
};
ResetEffects reset_effects(const Catalog& texts, const ResetProcedure& procedure, std::string_view category);
std::vector<std::string> reset_effect_keys(const ResetProcedure& procedure, std::string_view category);

// "These steps are for: DS-2CD2xx, hardware version 2" or "" when the procedure is for all.
std::string applies_to_text(const Catalog& texts, const AppliesTo& applies_to);

// The sentences a provider-managed device adds (the provider sets it up again, may push the
// admin password back, may have locked the reset, sends its updates), by where they belong.
enum class ManagedNote { reset, password, firmware };
std::vector<std::string> managed_note_keys(const Family& family, ManagedNote where);

}  // namespace cleanslate

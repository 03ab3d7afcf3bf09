// procedure_text.h — turns a device's typed actions and reset signs into sentences in the
// customer's language, from the locale templates action.<type> and sign.<type>. One
// translation serves every device in the database; the device data only adds names as
// printed on the device (menu labels, app names, addresses).
#pragma once
#include "core/device_db.h"
#include "core/i18n.h"
#include <string>

namespace cleanslate {

std::string action_text(const Catalog& texts, const Action& action);
std::string sign_text(const Catalog& texts, const Sign& sign);

// "2 minutes", "45 seconds", "1 minute"
std::string duration_text(const Catalog& texts, int seconds);

// Every locale key the given action or sign can use; the data test checks them all exist.
std::vector<std::string> keys_for(const Action& action);

// The action a countdown is shown for (the first hold_button), or nullptr.
const Action* hold_action(const ResetProcedure& procedure);

}  // namespace cleanslate

// report_view.h — what a helpdesk agent sees of a stored report: where the customer is, the
// device, the verification answers, a call-back request, and what the customer said — the
// last only when they consented. Voice recordings are counted, not sent along.
#pragma once
#include "core/json.h"
#include "store/store.h"

namespace cleanslate::server {

Json report_for_agent(const ReportRecord& record);

// The same for an attention queue item.
Json attention_for_agent(const AttentionItem& item);

}  // namespace cleanslate::server

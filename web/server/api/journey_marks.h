// journey_marks.h — what a stored report says about its journey, for the desk's funnel.
//
// Read from the report exactly as the schema defines it (web/schemas/report.schema.json):
//   identified      a progress report names a device_id, or a final report lists a device
//   reset_verified  a progress report from the password step or the reconnect screen (the step
//                   machine lets nobody there without a verified reset: wasm/core/flow.cpp), or
//                   a final report's device with reset_verified
//   password_set    a progress report from password_hardening (reached only once the customer
//                   said "I have set it"), or a final report's device with a password strength
//                   class or the outcome 'remediated'
//   remediated      a final report whose outcome is 'remediated'
// A final report also gives the seconds per step (its timings summed by step) and, only with
// consent 'given', what the customer said, one entry per theme code.
#pragma once
#include "core/json.h"
#include "store/store.h"

namespace cleanslate::server {

JourneyMark journey_mark_of(const Json& report, const ReportRecord& record);

}  // namespace cleanslate::server

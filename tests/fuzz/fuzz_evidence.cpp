// Fuzzes the evidence parser (link payloads, helpdesk cases, the desk's feed rows).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/evidence.h"
#include "core/link_token.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const cleanslate::Json input = cleanslate::parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
    if (input.is_discarded()) return 0;
    const cleanslate::EvidenceParse parsed = cleanslate::parse_evidence(input);
    if (parsed.ok()) {
        // What parses must survive its own round trip.
        if (!cleanslate::parse_evidence(cleanslate::evidence_to_json(parsed.evidence)).ok()) __builtin_trap();
    }
    cleanslate::link_evidence_allowed_fields(input);
    return 0;
}

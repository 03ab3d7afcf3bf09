#!/usr/bin/env bash
# A malformed or contradictory manufacturer file must fail the data build with the file, the
# field and the problem named — never ship a database that did not validate, nor one that
# would tell a customer something untrue (scripts/devices-lint.mjs).
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bad="$root/tests/data/bad-devices"
fail() { echo "FAIL: $*"; exit 1; }
expect() {   # file (or options then file), then patterns the error output must contain
  local args=() file
  while [[ $1 == --* ]]; do args+=("$1" "$bad/$2"); shift 2; done
  file=$1; shift
  out=$(node "$root/scripts/check-devices.mjs" "${args[@]}" "$bad/$file" 2>&1) && fail "$file was accepted"
  for pattern in "$@"; do grep -qF -- "$pattern" <<<"$out" || fail "$file: output lacks '$pattern':"$'\n'"$out"; done
  echo "ok: $file refused: $(head -n1 <<<"$out")"
}

# --- Malformed: the schema names the field ------------------------------------------------
expect broken-hold.json "broken-hold.json" "/families/0/reset/0/actions/1/seconds" "must be integer"
expect unknown-category.json "unknown-category.json" "/families/0/category" "toaster"
expect not-json.json "not-json.json" "not valid JSON"
# A maker source must name its page.
expect unknown-category.json "unknown-category.json: /families/0/reset/0/sources/0" "must have required property 'url'"

# --- Contradictions: the lint names the field and the problem -----------------------------
c=contradictions.json
expect $c \
  "$c: /families/0/reset/0/actions/1/button: hold_button names 'reset' but find_button found 'reset-pinhole': two names for one button" \
  "$c: /families/0/reset/1/actions/0/button: 'reset' on the back, but reset/0 calls the button there 'reset-pinhole'" \
  "$c: /families/1/reset/0/signs: no sign a restart cannot also produce" \
  "$c: /families/1/reset/0/actions/3/for: a second restart wait" \
  "$c: /families/1/reset/0/keeps: a procedure that keeps the passwords leaves the way in open" \
  "$c: /families/2/reset/0/sources/0/trust: 'maker' source on www.manualslib.com, which is not one of the maker's domains" \
  "$c: /families/2/reset/0/sources/1/trust: 'third-party' source on the maker's own domain" \
  "$c: /families/2/reset/0/sources/2/url: a bare IP address (203.0.113.7) is not a citable source" \
  "$c: /families/3/default_logins/0/password_from: 'empty', but /families/3/default_logins/0/sources/0 says" \
  "$c: /families/3/password/actions/1/password_from: 'label' contradicts default_logins" \
  "$c: /families/4/reset: factory_reset.status is 'none' but reset steps are given" \
  "$c: /families/4/reset/0/erases: erases neither the settings nor the passwords" \
  "$c: /families/4/securable/level: 'yes' although factory_reset.status is 'none'"
# The power and the login before a reset: what schema v2's power cycles, PoE and
# "current or default" passwords may not contradict (each fault names the family).
p=power-contradictions.json
expect $p \
  "$p: /families/0/reset/0/actions/1/while: hold_button while 'powering_on' puts the power back in, but no step before it takes the power out" \
  "$p: /families/0/reset/1/actions/0: plug_in_power puts the power back in, but no step before it takes the power out" \
  "$p: /families/1/reset/0/actions/2/while: hold_button while 'power_cycling' pulls the power while the device is on, but an earlier unplug_power already took it out (family 'power-cycle-while-off')" \
  "$p: /families/1/reset/1/actions/2/off_seconds: the power stays out 5 s, but the hold is while 'powering_on'" \
  "$p: /families/2/reset/0/actions/0: unplug_network of the network cable, but the family's power is 'network-cable'" \
  "$p: /families/3/reset/0/actions/1/password_from: 'literal' before the reset: the owner may have changed it" \
  "$p: /families/3/reset/1/actions/1/password: password_from 'current_or_default' needs the default password" \
  "$p: /families/3/reset/2/actions/1/password_from: 'current_or_default' '1234' contradicts default_logins for 'admin'" \
  "$p: /families/3/default_logins/1/password_from: 'current' is what a step logs in with, not a factory login" \
  "$p: /families/4/reset/0/actions/1/with_button: 'wps' held with 'reset', but no find_button found it" \
  "$p: /families/4/reset/1/actions/1/with_button: 'reset' is the button already held"
expect broken-power-cycle.json \
  "broken-power-cycle.json: /families/0/power: must be equal to one of the allowed values" \
  "broken-power-cycle.json: /families/0/reset/0/actions/1: must have required property 'off_seconds'" \
  "broken-power-cycle.json: /families/0/reset/1/actions/1/while: must be equal to constant"
# The Mirai table names makers by id, and each named pair is a factory login of that maker.
expect --credentials credentials-unknown-maker.json $c \
  "credentials-unknown-maker.json: /credentials/0/maker: 'no-such-maker' is not a maker id" \
  "credentials-unknown-maker.json: /credentials/1/sources: 'missing-source' is not in /sources" \
  "credentials-unknown-maker.json: /credentials/1: root/vizxv is linked to 'contradictions' but no family of it lists that login"

# --- The real database passes, and its sources can be counted -----------------------------
node "$root/scripts/check-devices.mjs" >/dev/null || fail "the real devices/ did not validate"
echo "ok: devices/ validates"
stats=$(node "$root/scripts/check-devices.mjs" --stats) || fail "--stats failed"
grep -q "^preferred reset by trust: " <<<"$stats" || fail "--stats lacks the trust counts:"$'\n'"$stats"
echo "ok: --stats: $(head -n1 <<<"$stats")"

#!/usr/bin/env bash
# A malformed manufacturer file must fail the data build with the file, the field and the
# problem named — never ship a database that did not validate.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bad="$root/tests/data/bad-devices"
fail() { echo "FAIL: $*"; exit 1; }
expect() {   # file, then patterns the error output must contain
  local file=$1; shift
  out=$(node "$root/scripts/check-devices.mjs" "$bad/$file" 2>&1) && fail "$file was accepted"
  for pattern in "$@"; do grep -qF -- "$pattern" <<<"$out" || fail "$file: output lacks '$pattern':"$'\n'"$out"; done
  echo "ok: $file refused: $(head -n1 <<<"$out")"
}
expect broken-hold.json "broken-hold.json" "/families/0/reset/0/actions/0/seconds" "must be integer"
expect unknown-category.json "unknown-category.json" "/families/0/category" "toaster" 
expect not-json.json "not-json.json" "not valid JSON"
# A maker source must name its page.
out=$(node "$root/scripts/check-devices.mjs" "$bad/unknown-category.json" 2>&1)
grep -qF "/families/0/reset/0/source" <<<"$out" || fail "a 'maker' source without url was not refused"
# The real database passes.
node "$root/scripts/check-devices.mjs" >/dev/null || fail "the real devices/ did not validate"
echo "ok: devices/ validates"

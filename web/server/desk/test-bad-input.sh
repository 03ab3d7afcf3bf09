#!/usr/bin/env bash
# The desk command's contract, checked from outside: bad input gives exactly one line on
# stderr, nothing on stdout and exit status 2; good input gives JSON and status 0.
# Usage: test-bad-input.sh path/to/cleanslate-desk   (run from the project root)
set -u
desk=$1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_bad() {  # name, stdin text, arguments...
  local name=$1 input=$2; shift 2
  printf '%s' "$input" | "$desk" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$? lines
  lines=$(wc -l <"$tmp/err")
  if [ "$status" -ne 2 ] || [ "$lines" -ne 1 ] || [ -s "$tmp/out" ]; then
    echo "FAIL $name: status $status, $lines stderr line(s), stdout $(wc -c <"$tmp/out") bytes"; cat "$tmp/err"
    failures=$((failures + 1))
  else
    echo "ok   $name: $(cat "$tmp/err")"
  fi
}

expect_good() {  # name, stdin text, arguments...
  local name=$1 input=$2; shift 2
  printf '%s' "$input" | "$desk" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [ "$status" -ne 0 ] || [ -s "$tmp/err" ] || ! python3 -c 'import json,sys
for line in (sys.stdin.read().splitlines() if len(sys.argv) > 1 else [sys.stdin.read()]):
    json.loads(line)' ${3:+lines} <"$tmp/out"; then
    echo "FAIL $name: status $status"; cat "$tmp/err"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

printf 'timestamp,src_ip,port,tag\n"2024-01-01,"x",23,mirai\n' >"$tmp/unterminated.csv"
printf 'timestamp,src_ip,port,tag\n2024-01-01,192.0.2.1,23\n' >"$tmp/short-row.csv"
printf 'timestamp,src_ip,port,tag\n2024-01-01,192.0.2.1,telnet,mirai\n' >"$tmp/bad-port.csv"
: >"$tmp/empty.csv"
printf 'not json' >"$tmp/not-a-db.json"

expect_bad "not JSON" 'this is not json' identify
expect_bad "empty stdin" '' identify
expect_bad "array instead of object" '[1,2]' identify
expect_bad "port as text" '{"port":"23"}' identify
expect_bad "port out of range" '{"port":99999}' identify
expect_bad "vendor as number" '{"device_vendor":5}' identify
expect_bad "unknown category" '{"answers":{"category":"toaster"}}' identify
expect_bad "credential without slash" '{"credential":"rootxc3511"}' identify
expect_bad "unreadable CSV" '' identify --csv "$tmp/no-such-file.csv"
expect_bad "unterminated quote" '' identify --csv "$tmp/unterminated.csv"
expect_bad "short CSV row" '' identify --csv "$tmp/short-row.csv"
expect_bad "CSV port not a number" '' identify --csv "$tmp/bad-port.csv"
expect_bad "empty CSV" '' identify --csv "$tmp/empty.csv"
expect_bad "missing database" '{}' identify --db "$tmp/no-such-db.json"
expect_bad "broken database" '{}' identify --db "$tmp/not-a-db.json"
expect_bad "unknown argument" '{}' identify --frobnicate
expect_bad "unknown command" '{}' frobnicate
expect_bad "no command" '' 

expect_good "evidence object" '{"port":23,"tag":"mirai","answers":{"app":"XMEye","category":"recorder"}}' identify
expect_good "empty evidence" '{}' identify
expect_good "feed CSV" '' identify --csv tests/data/feed-sample.csv

# The fingerprint columns, by our names and by Shadowserver's, and cells far too long.
expect_maker() {  # name, csv file, expected maker id of the first data row's top candidate
  local name=$1 csv=$2 maker=$3
  "$desk" identify --csv "$csv" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [ "$status" -ne 0 ] || [ -s "$tmp/err" ] || ! python3 -c 'import json,sys
row = json.loads(open(sys.argv[1]).readline())
top = row["candidates"][0]["id"] if row["candidates"] else "-"
sys.exit(0 if top.startswith(sys.argv[2]) else "top candidate " + top)' "$tmp/out" "$maker"; then
    echo "FAIL $name: status $status"; cat "$tmp/err"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
printf 'timestamp,src_ip,port,protocol,banner,serverid,subject_common_name,rtsp_server,upnp_server,telnet_hostname,mac_address\n' >"$tmp/columns.csv"
# A row of Shadowserver's Accessible Telnet report (as in IntelMQ's test data): its banner column.
printf '2024-01-01,192.0.2.1,5678,tcp,"|MikroTik v6.45.3 (stable)|Login:",,,,,,\n' >>"$tmp/columns.csv"
expect_maker "Telnet report banner column" "$tmp/columns.csv" mikrotik
printf 'timestamp,src_ip,port,mac_address\n2024-01-01,192.0.2.1,80,C0:56:E3:01:02:03\n' >"$tmp/mac.csv"
expect_maker "MAC vendor prefix column" "$tmp/mac.csv" hikvision
python3 -c 'import sys
big = "x" * (8 * 1024 * 1024)
print("timestamp,src_ip,port,http_server,http_title,telnet_banner,device_model")
print("2024-01-01,192.0.2.1,23,\"uc-httpd 1.0.0 %s\",\"%s\",\"%s\",\"%s\"" % (big, big, big, big))' >"$tmp/huge.csv"
started=$(date +%s)
expect_maker "8 MB cells are cut, not choked on" "$tmp/huge.csv" xiongmai
[ $(( $(date +%s) - started )) -le 20 ] || { echo "FAIL 8 MB cells took $(( $(date +%s) - started )) s"; failures=$((failures + 1)); }

[ "$failures" -eq 0 ] && echo "desk bad-input contract: all passed" || echo "desk bad-input contract: $failures failed"
exit $((failures > 0))

-- report-load.lua — wrk script for tests/bench/server-load: every request is a new, valid
-- progress report (its own ticket's token, the next sequence number). Thread k of n takes
-- the tickets i with i % n == k (n from WRK_THREADS), so no two threads send the same report. With ACKS_FILE set,
-- each acknowledged report ("<report_id>:<sequence>") is written there, one per line.
-- Only 201 answers count as stored reports: a 429 (the ticket's rate limit) or any other
-- status is counted apart, so a run that is mostly refused cannot pass for throughput.
local tickets, tokens, sequence = {}, {}, {}
accepted, refused = 0, 0
local threads = {}
local next_ticket, acks

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count = 0
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    local ticket, token = line:match("^(%S+) (%S+)$")
    count = count + 1
    if (count - 1) % tonumber(os.getenv("WRK_THREADS")) == index then
      table.insert(tickets, ticket)
      tokens[ticket] = token
      sequence[ticket] = 0
    end
  end
  next_ticket = 0
  local file = os.getenv("ACKS_FILE")
  if file and file ~= "" then
    acks = io.open(file, "a")
    acks:setvbuf("line")
  end
end

function request()
  next_ticket = next_ticket % #tickets + 1
  local ticket = tickets[next_ticket]
  sequence[ticket] = sequence[ticket] + 1
  local body = string.format('{"version":1,"kind":"progress","report_id":"load-%s","sequence":%d,"token":"%s",' ..
    '"ticket":"%s","language":"nl","screen":"reset_steps","step":"reset","outcome":"none","consent":"refused","at_s":%d}',
    ticket, sequence[ticket], tokens[ticket], ticket, sequence[ticket])
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then accepted = accepted + 1 else refused = refused + 1 end
  if acks and status == 201 then
    local report_id, number = body:match('"report_id":"([^"]+)".-"sequence":(%d+)')
    if not report_id then report_id, number = body:match('"sequence":(%d+).-"report_id":"([^"]+)"') end
    if report_id then acks:write(report_id, ":", number, "\n") end
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local stored, other = 0, 0
  for _, thread in ipairs(threads) do
    stored = stored + thread:get("accepted")
    other = other + thread:get("refused")
  end
  io.write(string.format("stored (201): %d = %.0f/s; not stored (429 or other): %d\n", stored, stored / seconds, other))
  io.write(string.format("reports: %d in %.1f s = %.0f/s; errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, seconds, summary.requests / seconds, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

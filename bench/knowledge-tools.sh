#!/usr/bin/env bash
# Write-path benchmark of knowledge items and web tools: what one advisory lock around every knowledge
# reservation costs, and what the JSON Schema check costs, next to an agent creation (no lock, no schema),
# with everything else the same (team key, Redis count, Hamsa through the quota and queue, Postgres write).
# Loopback only; the sandbox simulator plays Hamsa with no limit; every load run is bounded in time.
#
#   bench/knowledge-tools.sh [jvm|native]      (default: jvm)
#
# Prints requests/s and p50/p90/p99 (wrk, 2 threads) of: POST /api/v1/agents, POST /api/v1/knowledge (TEXT,
# 60 characters) and POST /api/v1/tools (a FUNCTION with a 3-property schema), at 8 and 32 connections;
# then GET /api/v1/knowledge?limit=20 and GET /api/v1/tools?limit=20; and checks every knowledge item
# acknowledged is in Postgres once, with the team's bytes summing to what was acknowledged.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-jvm}
PORT=${BENCH_PORT:-18080}
SIM_PORT=${BENCH_SIM_PORT:-18090}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-15s}
DB=switchboard_bench
BASE=http://127.0.0.1:$PORT

. bench/lib.sh
bench_prepare "$DB"
bench_command "$MODE"

export QUARKUS_HTTP_PORT=$PORT
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres
export QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/2
export SWITCHBOARD_HAMSA_SANDBOX_ENABLED=true
export SWITCHBOARD_HAMSA_SANDBOX_PORT=$SIM_PORT
export SWITCHBOARD_HAMSA_SANDBOX_RATE_LIMIT=100000000
export SWITCHBOARD_UPSTREAM_QUOTA_LIMIT=100000000   # the quota is bench/quota.sh's subject, not this one's
export SWITCHBOARD_UPSTREAM_QUEUE_MAX_CONCURRENCY=64
export SWITCHBOARD_KNOWLEDGE_TIER=ENTERPRISE
export SWITCHBOARD_KNOWLEDGE_ACCOUNT_STORAGE=100G     # room for every item the runs make
export SWITCHBOARD_CALLS_WEBHOOK_BASE_URL=http://127.0.0.1:$PORT
# The tools' server is never called here (no test run); http and a loopback address are let through for it alone.
export SWITCHBOARD_OUTBOUND_URLS_ALLOW_HTTP=true
export SWITCHBOARD_OUTBOUND_URLS_TRUSTED_HOSTS=127.0.0.1:9
export QUARKUS_LOG_LEVEL=WARN
export SWITCHBOARD_ADMIN_TOKEN=bench-admin-token-0123456789abcdef0123
export SWITCHBOARD_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)

LOG=$(mktemp)
"${CMD[@]}" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG" /tmp/kt-*.lua' EXIT
bench_wait_ready "$BASE" "$PID" "$LOG"

ADMIN="Authorization: Bearer $SWITCHBOARD_ADMIN_TOKEN"
TEAM=$(curl -fs "$BASE/api/v1/admin/teams" -H "$ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","requestsPerMinute":1000000}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
KEY=$(curl -fs "$BASE/api/v1/admin/teams/$TEAM/keys" -H "$ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["agents:write","knowledge:read","knowledge:write","tools:read","tools:write"]}' \
  | sed -E 's/.*"key":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $KEY"

# Each script counts the 201s it got (wrk's done() prints them), so the Postgres check knows what was acknowledged.
post_script() { # name, path, body-builder (Lua expression of n)
  cat >"/tmp/kt-$1.lua" <<LUA
n = 0
created = 0
refused = 0
failed = 0
local threads = {}
function setup(thread) thread:set("id", #threads); table.insert(threads, thread) end
-- Each run passes its own label (after --), so names never repeat across runs: a tool's name is unique in a team.
function init(args) created = 0; run = args[1] or "x" end
request = function()
  n = n + 1
  local body = $3
  -- wrk.format's headers replace wrk.headers (where -H put the key): carry them over.
  local headers = {["Content-Type"] = "application/json"}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  return wrk.format("POST", "$2", headers, body)
end
response = function(status)
  if status == 201 then created = created + 1 elseif status < 500 then refused = refused + 1 else failed = failed + 1 end
end
function done()
  local c, r, f = 0, 0, 0
  for _, t in ipairs(threads) do c = c + t:get("created"); r = r + t:get("refused"); f = f + t:get("failed") end
  print("CREATED " .. c .. " " .. r .. " " .. f)
end
LUA
}
post_script agent /api/v1/agents \
  '"{\"name\":\"Bench " .. run .. "-" .. id .. "-" .. n .. "\",\"greeting\":\"Hi\",\"preamble\":\"You help.\",\"language\":\"en\",\"voiceId\":\"v1\"}"'
post_script knowledge /api/v1/knowledge \
  '"{\"name\":\"Item " .. run .. "-" .. id .. "-" .. n .. "\",\"type\":\"TEXT\",\"content\":\"" .. string.rep("k", 60) .. "\"}"'
post_script tool /api/v1/tools \
  '"{\"type\":\"FUNCTION\",\"name\":\"t_" .. run .. "_" .. id .. "_" .. n .. "\",\"description\":\"Looks up\",\"toolSettings\":{\"serverUrl\":\"http://127.0.0.1:9/x\",\"methodType\":\"POST\"},\"params\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\",\"minimum\":0},\"c\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"a\"]}}"'

summary() { # wrk output -> "req/s p50 p90 p99 created"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2} /^CREATED/ {c=$2; r=$3; f=$4}
       END {printf "%9s req/s   p50 %-8s p90 %-8s p99 %-8s", rps, p50, p90, p99;
            if (c != "") printf "  (201: %s, 4xx: %s, 5xx: %s)", c, r, f; printf "\n"}'
}
created_of() { awk '/^CREATED/ {print $2}'; }

acked_knowledge=0
for what in agent knowledge tool; do
  wrk -t2 -c32 -d"$WARMUP" -H "$AUTH" -s "/tmp/kt-$what.lua" "$BASE" -- warm >/tmp/kt-warm.out
  [ "$what" = knowledge ] && acked_knowledge=$((acked_knowledge + $(created_of </tmp/kt-warm.out)))
done
declare -A result
for c in 8 32; do
  for what in agent knowledge tool; do
    out=$(wrk -t2 -c$c -d"$DURATION" --latency -H "$AUTH" -s "/tmp/kt-$what.lua" "$BASE" -- "c$c")
    [ "$what" = knowledge ] && acked_knowledge=$((acked_knowledge + $(echo "$out" | created_of)))
    result[$what-$c]=$(echo "$out" | summary)
  done
done
list_k=$(wrk -t2 -c32 -d"$DURATION" --latency -H "$AUTH" "$BASE/api/v1/knowledge?limit=20" | summary)
list_t=$(wrk -t2 -c32 -d"$DURATION" --latency -H "$AUTH" "$BASE/api/v1/tools?limit=20" | summary)

rows=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT count(*), count(DISTINCT name), coalesce(sum(size_bytes),0) FROM knowledge_item WHERE team_id = '$TEAM'")
IFS='|' read -r n_rows n_names n_bytes <<<"$rows"
# wrk stops counting when its time is up, so creations still in flight then (at most one per connection per
# run: 8 + 8 + 32 + 32 ... counted below) are stored but not counted as acknowledged; none may be missing.
in_flight=$((32 + 8 + 32))
check="FAIL"
[ "$acked_knowledge" -gt 0 ] && [ "$n_rows" -ge "$acked_knowledge" ] && [ "$n_rows" -le $((acked_knowledge + in_flight)) ] \
  && [ "$n_names" = "$n_rows" ] && [ "$n_bytes" = "$((n_rows * 60))" ] && check="PASS"
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)

echo "switchboard knowledge and tools write path ($MODE, $(nproc) cores, $DURATION per run, wrk -t2)"
for c in 8 32; do
  echo "  -c$c POST /agents:     ${result[agent-$c]}"
  echo "  -c$c POST /knowledge:  ${result[knowledge-$c]}"
  echo "  -c$c POST /tools:      ${result[tool-$c]}"
done
echo "  GET /knowledge?limit=20: $list_k"
echo "  GET /tools?limit=20:     $list_t"
echo "  knowledge rows: $n_rows stored (distinct names: $n_names) for $acked_knowledge acknowledged (at most $in_flight more in flight at the runs' ends), $n_bytes bytes counted: $check"
echo "  RSS after load: $((rss_kb / 1024)) MiB"
[ "$check" = PASS ]

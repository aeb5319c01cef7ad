#!/usr/bin/env bash
# Read-path benchmark: how fast Switchboard serves the agent API from its Postgres mirror, how fast it
# starts and how much memory it holds. Loopback only; every load run is bounded in time.
#
#   bench/agents-read.sh [jvm|native]      (default: jvm; native needs app/target/*-runner)
#
# Prints: startup time to ready, RSS after load, and requests/s and p50/p90/p99 latency (wrk, 2 threads,
# 32 connections) for GET /api/v1/agents/{id}, GET /api/v1/agents?limit=20, and a POST /api/v1/agents
# whose Idempotency-Key was already answered (the replay path: no Hamsa, no Postgres write). Every
# request carries a team key, so each figure includes the key lookup, the team's Redis request count and
# the response guards.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-jvm}
PORT=${BENCH_PORT:-18080}
SIM_PORT=${BENCH_SIM_PORT:-18090}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-20s}   # per path: on 2 cores the JIT needs this long before figures settle
AGENTS=${BENCH_AGENTS:-200}
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
export SWITCHBOARD_CALLS_WEBHOOK_BASE_URL=http://127.0.0.1:$PORT   # required since calls (issue 5); no call is placed here
export SWITCHBOARD_HAMSA_SANDBOX_RATE_LIMIT=1000000
export SWITCHBOARD_UPSTREAM_QUOTA_LIMIT=1000000   # seeding makes 200 Hamsa calls; the quota is bench/quota.sh's subject
export QUARKUS_LOG_LEVEL=WARN
export SWITCHBOARD_ADMIN_TOKEN=bench-admin-token-0123456789abcdef0123
export SWITCHBOARD_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)

LOG=$(mktemp)
start=$(date +%s%N)
"${CMD[@]}" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
bench_wait_ready "$BASE" "$PID" "$LOG"
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))

ADMIN="Authorization: Bearer $SWITCHBOARD_ADMIN_TOKEN"
TEAM=$(curl -fs "$BASE/api/v1/admin/teams" -H "$ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","requestsPerMinute":1000000}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
KEY=$(curl -fs "$BASE/api/v1/admin/teams/$TEAM/keys" -H "$ADMIN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["agents:read","agents:write"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $KEY"

ids=()
for i in $(seq 1 "$AGENTS"); do
  ids+=("$(curl -fs "$BASE/api/v1/agents" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench $i\",\"greeting\":\"Hello $i\",\"preamble\":\"You are agent $i.\",\"language\":\"en\",\"voiceId\":\"v$i\"}" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')")
done

LUA=$(mktemp --suffix=.lua)
{
  echo "ids = {"; printf '"%s",\n' "${ids[@]}"; echo "}"
  echo 'request = function() return wrk.format("GET", "/api/v1/agents/" .. ids[math.random(#ids)]) end'
} >"$LUA"

summary() { # wrk output -> "req/s p50 p90 p99"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +90%/ {p90=$2} /^ +99%/ {p99=$2}
       END {printf "%10s req/s   p50 %-8s p90 %-8s p99 %-8s\n", rps, p50, p90, p99}'
}

BODY='{"name":"Replayed","greeting":"Hi","preamble":"You help.","language":"en","voiceId":"v1"}'
curl -fs "$BASE/api/v1/agents" -H "$AUTH" -H 'Idempotency-Key: bench-replay' -H 'Content-Type: application/json' \
  -d "$BODY" >/dev/null
REPLAY=$(mktemp --suffix=.lua)
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Idempotency-Key"] = "bench-replay"\n' \
  "'$BODY'" >"$REPLAY"

wrk -t2 -c32 -d"$WARMUP" -H "$AUTH" -s "$LUA" "$BASE" >/dev/null                 # warm-up (JIT, pools) of every path
wrk -t2 -c32 -d"$WARMUP" -H "$AUTH" "$BASE/api/v1/agents?limit=20" >/dev/null
wrk -t2 -c32 -d"$WARMUP" -H "$AUTH" -s "$REPLAY" "$BASE/api/v1/agents" >/dev/null
get_one=$(wrk -t2 -c32 -d"$DURATION" --latency -H "$AUTH" -s "$LUA" "$BASE" | summary)
list_page=$(wrk -t2 -c32 -d"$DURATION" --latency -H "$AUTH" "$BASE/api/v1/agents?limit=20" | summary)
replay=$(wrk -t2 -c32 -d"$DURATION" --latency -H "$AUTH" -s "$REPLAY" "$BASE/api/v1/agents" | summary)
replay_check=$(curl -s -o /dev/null -w '%{http_code} %header{idempotent-replayed}' "$BASE/api/v1/agents" -H "$AUTH" \
  -H 'Idempotency-Key: bench-replay' -H 'Content-Type: application/json' -d "$BODY")
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
rm -f "$LUA" "$REPLAY"

echo "switchboard read-path benchmark ($MODE, $(nproc) cores, $AGENTS agents, $DURATION per run, wrk -t2 -c32)"
echo "  ready after start:      ${ready_ms} ms"
echo "  GET /agents/{id}:     $get_one"
echo "  GET /agents?limit=20: $list_page"
echo "  POST /agents replay:  $replay   (a replay answers: $replay_check)"
echo "  RSS after load:         $((rss_kb / 1024)) MiB"

#!/usr/bin/env bash
# Webhook intake benchmark: how many of Hamsa's webhooks one Switchboard takes in, and how fast it acknowledges
# them, against what the same Postgres does with plain single-row inserts.
#
#   bench/webhooks.sh         (jar of app/target/quarkus-app; builds it and the simulator jar if missing)
#
# Starts the Hamsa simulator (port 18290) with its call lifecycle off (calls are accepted and stay PENDING,
# nothing is played or sent), and one Switchboard from the jar (port 18201, prod profile, Postgres database
# switchboard_bench with its public schema dropped and recreated, Redis db 4). Creates a team, a key and an
# agent, places BENCH_CALLS calls and waits until Switchboard has dispatched every one to the simulator, then
# reads each call's webhook URL and secret from the simulator (GET /_admin/calls). bench/webhooks/WebhookLoad.java
# then poses as Hamsa: POST /webhooks/hamsa/calls/{id} with the call's Authorization header and a
# transcription.update envelope of ~600 bytes, every event new (its own timestamp and index), spread round-robin
# over the calls, so each 200 is one real insert into hamsa_event_inbox. Switchboard's inbox workers stay on and
# apply the flood in the background: that cost is part of what is measured.
#
# Runs, in order:
#   warm-up    BENCH_WARMUP seconds (default 20) at BENCH_RATE, not reported: on 2 cores the JIT needs this
#              long; a cold Switchboard falls behind 1,000 ev/s for its first ~10 s
#   rate       open loop at BENCH_RATE events/s (default 1000) for BENCH_DURATION seconds (default 30), at most
#              BENCH_INFLIGHT (256) in flight; latency counted from each event's slot on a fixed grid, so a
#              stall is not hidden (no coordinated omission)
#   max        closed loop: BENCH_CONCURRENCY connections (default 32), each sending its next event as soon as
#              the last is answered, for BENCH_DURATION seconds; with wrk (bench/webhooks/max.lua: the same
#              events) when it is installed, since a Java client on the same 2 cores takes CPU Switchboard needs;
#              BENCH_MAX_CLIENT=java forces the Java generator
# each after 5 s of its own warm-up (BENCH_RUN_WARMUP), every request with a 10 s timeout (BENCH_TIMEOUT).
# Prints for each: events sent, acknowledged (200), non-200s by status, errors, acknowledged events/s, and
# latency p50/p90/p99/p99.9/max. Then checks with psql that the inbox holds exactly one row per acknowledged
# event (nothing acknowledged was lost) and shows how far the workers got applying them; stops Switchboard and
# measures the baseline: plain single-row INSERTs of a comparable row (same columns, sizes and indexes as an
# inbox row, a key spread over as many calls) into a scratch table of the same database, with pgbench -M
# prepared (JDBC's statements are server-prepared too) -c BENCH_CONCURRENCY -j 2 and -c 1, BENCH_DURATION each.
# Goals checked: p99 < 20 ms at 1,000 events/s (all of them acknowledged), and webhooks at max taking in at
# least 50 % of the raw insert rate at the same concurrency.
# BENCH_RATE_WRK=1 adds, after the rate run, the same rate sent by wrk paced on a fixed grid (no JVM generator on
# the cores; latency counted from each send, so a stall's delayed sends are not in it: a second opinion only).
# Other knobs: BENCH_CALLS (1000) calls the events are spread over (about as many events a call as a real call has); BENCH_PORT (18201), BENCH_SIM_PORT (18290);
# BENCH_LOGS=<dir> keeps Switchboard's log and the raw outputs there. Switchboard runs as in prod, so its log
# has one INFO line per stored event: that is part of the cost too.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-20}
RUN_WARMUP=${BENCH_RUN_WARMUP:-5}
RATE=${BENCH_RATE:-1000}
CONCURRENCY=${BENCH_CONCURRENCY:-32}
INFLIGHT=${BENCH_INFLIGHT:-256}
TIMEOUT=${BENCH_TIMEOUT:-10}
CALLS=${BENCH_CALLS:-1000}
# The max run's client: wrk when installed (apt-get install wrk), else the Java generator.
MAX_CLIENT=${BENCH_MAX_CLIENT:-$(command -v wrk >/dev/null && echo wrk || echo java)}
PORT=${BENCH_PORT:-18201}
SIM_PORT=${BENCH_SIM_PORT:-18290}
DB=switchboard_bench
REDIS_DB=4
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q)

pg_isready -q -h 127.0.0.1 || { echo "[bench] Postgres is down: run .ci/run's start steps first"; exit 1; }
redis-cli ping >/dev/null || { echo "[bench] Redis is down: run .ci/run's start steps first"; exit 1; }
command -v pgbench >/dev/null || { echo "[bench] pgbench is missing (Debian: postgresql-client)"; exit 1; }
for p in "$PORT" "$SIM_PORT"; do
  ! curl -s -o /dev/null "http://127.0.0.1:$p/" || { echo "[bench] port $p is taken"; exit 1; }
done
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB"
"${PSQL[@]}" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" 2>/dev/null
redis-cli -n $REDIS_DB FLUSHDB >/dev/null
[ -f app/target/quarkus-app/quarkus-run.jar ] || ./mvnw -o -B -q -pl app -am package -DskipTests \
  || ./mvnw -B -q -pl app -am package -DskipTests
SIM_JAR=$(ls hamsa-simulator/target/hamsa-simulator-*-all.jar 2>/dev/null | head -n1)
if [ -z "$SIM_JAR" ]; then
  ./mvnw -o -B -q -pl hamsa-simulator -am package -DskipTests || ./mvnw -B -q -pl hamsa-simulator -am package -DskipTests
  SIM_JAR=$(ls hamsa-simulator/target/hamsa-simulator-*-all.jar | head -n1)
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -z "${BENCH_LOGS:-}" ] || { mkdir -p "$BENCH_LOGS"; cp "$WORK"/*.log "$WORK"/*.out "$BENCH_LOGS"/ 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_ready() { # url pid log
  for _ in $(seq 1 1200); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.05
  done
  echo "[bench] not ready: $1"; exit 1
}

java -jar "$SIM_JAR" --port "$SIM_PORT" --api-key bench-sim-key --rate-limit 1000000 --max-recorded 100 \
  >"$WORK/sim.log" 2>&1 &
SIM_PID=$!
PIDS+=($SIM_PID)
wait_ready "http://127.0.0.1:$SIM_PORT/_admin/health" "$SIM_PID" "$WORK/sim.log"
curl -fs -X PUT "http://127.0.0.1:$SIM_PORT/_admin/calls/script" -d '{"autoPlay": false}' >/dev/null

QUARKUS_HTTP_PORT=$PORT \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/$REDIS_DB QUARKUS_LOG_LEVEL=WARN \
SWITCHBOARD_HAMSA_SANDBOX_ENABLED=false \
HAMSA_BASE_URL=http://127.0.0.1:$SIM_PORT HAMSA_API_KEY=bench-sim-key \
SWITCHBOARD_UPSTREAM_QUOTA_LIMIT=1000000 \
SWITCHBOARD_CALLS_WEBHOOK_BASE_URL=http://127.0.0.1:$PORT \
SWITCHBOARD_ADMIN_TOKEN=bench-admin-token-0123456789abcdef0123 \
SWITCHBOARD_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= \
  java -jar app/target/quarkus-app/quarkus-run.jar >"$WORK/switchboard.log" 2>&1 &
APP_PID=$!
PIDS+=($APP_PID)
wait_ready "http://127.0.0.1:$PORT/q/health/ready" "$APP_PID" "$WORK/switchboard.log"

# A team, a key, an agent and BENCH_CALLS dispatched calls; then each call's webhook URL and secret, from the simulator.
python3 - "http://127.0.0.1:$PORT" "http://127.0.0.1:$SIM_PORT" "$CALLS" "$WORK/targets.tsv" "$WORK/calls.txt" <<'PY'
import json, sys, time, urllib.request
base, sim, calls, targets, ids_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
def call(method, url, body=None, auth=None, want=(200, 201, 202)):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": auth} if auth else {})})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status in want, (url, r.status)
        return json.loads(r.read() or b"null")
admin = "Bearer bench-admin-token-0123456789abcdef0123"
team = call("POST", base + "/api/v1/admin/teams", {"name": "bench", "requestsPerMinute": 1000000}, admin)["id"]
key = call("POST", base + f"/api/v1/admin/teams/{team}/keys",
           {"name": "bench", "scopes": ["agents:write", "calls:read", "calls:write"]}, admin)["key"]
auth = "Bearer " + key
agent = call("POST", base + "/api/v1/agents", {"name": "Bench agent", "greeting": "Hi", "preamble": "You help.",
                                              "language": "en", "voiceId": "v1"}, auth)["id"]
ids = [call("POST", base + "/api/v1/calls", {"agentId": agent, "toNumber": "+14155550123"}, auth)["id"] for _ in range(calls)]
deadline = time.monotonic() + 120
waiting = set(ids)
while waiting:
    for i in list(waiting):
        status = call("GET", base + f"/api/v1/calls/{i}", auth=auth)["status"]
        if status == "DISPATCHED":
            waiting.discard(i)
        elif status != "QUEUED":
            sys.exit(f"[bench] call {i} is {status}, not DISPATCHED")
    if waiting:
        if time.monotonic() > deadline:
            sys.exit(f"[bench] {len(waiting)} calls still not DISPATCHED after 120 s")
        time.sleep(0.2)
by_call = {c["params"].get("switchboard_call_id"): c for c in call("GET", sim + "/_admin/calls")}
with open(targets, "w") as out:
    for i in ids:
        c = by_call.get(i)
        if c is None or not c.get("authorization") or not c["webhookUrl"].endswith("/" + i):
            sys.exit(f"[bench] the simulator has no usable webhook for call {i}: {c}")
        out.write("\t".join([c["webhookUrl"], c["authorization"], c["jobId"], c["voiceAgentId"]]) + "\n")
with open(ids_file, "w") as out:
    out.write("{" + ",".join(ids) + "}")
PY
CALL_IDS=$(cat "$WORK/calls.txt")
inbox_rows() { "${PSQL[@]}" -tAc "SELECT count(*) FROM hamsa_event_inbox WHERE call_id = ANY('$CALL_IDS'::uuid[])"; }
ROWS_BEFORE=$(inbox_rows)

LOAD=(java bench/webhooks/WebhookLoad.java "$WORK/targets.tsv")
field() { sed -nE "s/^RESULT .*\b$2=([^ ]+).*/\1/p" "$1"; }
echo "switchboard webhook intake benchmark (JVM, $(nproc) cores): $CALLS calls, ${DURATION} s per run"
echo "[bench] warm-up: ${WARMUP} s at $RATE ev/s (not reported)"
"${LOAD[@]}" rate "$RATE" duration "$WARMUP" warmup 0 inflight "$INFLIGHT" timeout "$TIMEOUT" >"$WORK/warmup.out"
echo "[bench]   (it got $(field "$WORK/warmup.out" ackps) ack/s, p99 $(field "$WORK/warmup.out" p99) ms)"
echo "[bench] rate: $RATE ev/s"
"${LOAD[@]}" rate "$RATE" duration "$DURATION" warmup "$RUN_WARMUP" inflight "$INFLIGHT" timeout "$TIMEOUT" | tee "$WORK/rate.out" | grep -v '^RESULT'
if [ "${BENCH_RATE_WRK:-0}" = 1 ] && command -v wrk >/dev/null; then
  # A second opinion on the rate run with no JVM generator on the cores: wrk paced to $RATE/s on a fixed grid
  # per thread (max.lua's rate argument), 64 connections; latency from each send (see max.lua).
  echo "[bench] rate (wrk, paced): $RATE ev/s, 64 connections"
  WRK_RATE=(wrk -t2 -c64 --timeout "${TIMEOUT}s" -s bench/webhooks/max.lua "http://127.0.0.1:$PORT")
  "${WRK_RATE[@]}" -d"${DURATION}s" -- "$WORK/targets.tsv" "$RATE" 2 | tee "$WORK/rate-wrk.out" | grep -E '^\[wrk\]'
fi
if [ "$MAX_CLIENT" = wrk ]; then
  # wrk (C, from Debian) leaves the 2 cores to Switchboard and Postgres, as pgbench does for the baseline.
  WRK=(wrk -t2 -c"$CONCURRENCY" --timeout "${TIMEOUT}s" -s bench/webhooks/max.lua "http://127.0.0.1:$PORT")
  echo "[bench] max: $CONCURRENCY connections (wrk)"
  "${WRK[@]}" -d"${RUN_WARMUP}s" -- "$WORK/targets.tsv" >"$WORK/max-warmup.out"
  "${WRK[@]}" -d"${DURATION}s" -- "$WORK/targets.tsv" | tee "$WORK/max.out" | grep -E '^\[wrk\]'
  WARM_ACKED=$(field "$WORK/max-warmup.out" total_acked)
else
  echo "[bench] max: $CONCURRENCY connections"
  "${LOAD[@]}" max concurrency "$CONCURRENCY" duration "$DURATION" warmup "$RUN_WARMUP" timeout "$TIMEOUT" | tee "$WORK/max.out" | grep -v '^RESULT'
  WARM_ACKED=0
fi

# Nothing acknowledged may be missing: each 200 {"duplicate":false} is one row, committed before the answer.
ROWS_AFTER=$(inbox_rows)
ACKED=$WARM_ACKED; NEW_ACKED=$WARM_ACKED
for f in warmup rate max rate-wrk; do
  [ -f "$WORK/$f.out" ] || continue
  ACKED=$((ACKED + $(field "$WORK/$f.out" total_acked)))
  NEW_ACKED=$((NEW_ACKED + $(field "$WORK/$f.out" total_acked) - $(field "$WORK/$f.out" total_duplicates)))
done
ROWS=$((ROWS_AFTER - ROWS_BEFORE))
if [ "$ROWS" -eq "$NEW_ACKED" ]; then
  CHECK="PASS: $ROWS new inbox rows for $ACKED acknowledged events ($((ACKED - NEW_ACKED)) of them repeats), exactly one each"
elif [ "$ROWS" -gt "$NEW_ACKED" ]; then
  CHECK="PASS (nothing lost): $ROWS new inbox rows for $NEW_ACKED acknowledged new events; the $((ROWS - NEW_ACKED)) more were stored for requests that got no 200 in time"
else
  CHECK="FAIL: $ROWS new inbox rows for $NEW_ACKED acknowledged new events: $((NEW_ACKED - ROWS)) acknowledged and lost"
fi
echo "[bench] inbox check: $CHECK"
echo "[bench] inbox now: $("${PSQL[@]}" -tAc "SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, count(*) n FROM hamsa_event_inbox GROUP BY state) s") (the workers apply in the background)"
SIZES=$("${PSQL[@]}" -tAc "SELECT round(avg(octet_length(body))) || ' ' || round(avg(octet_length(dedup_key))) FROM hamsa_event_inbox WHERE event_type = 'transcription.update'")
BODY_BYTES=${SIZES% *}
KEY_BYTES=${SIZES#* }
ERRS=$(grep -cE ' ERROR ' "$WORK/switchboard.log" || true)
[ "$ERRS" -eq 0 ] || { echo "[bench] Switchboard logged $ERRS ERROR lines; the first ones:"; grep -E ' ERROR ' "$WORK/switchboard.log" | head -n 5; }
kill "$APP_PID" "$SIM_PID" 2>/dev/null || true
wait "$APP_PID" "$SIM_PID" 2>/dev/null || true
PIDS=()

# The baseline: the same row (same columns and sizes: an inbox body, a key led by one of $CALLS call ids) into a
# scratch table with the inbox's indexes, one INSERT per transaction, the same Postgres, Switchboard stopped.
"${PSQL[@]}" <<SQL
SET client_min_messages TO warning;
DROP TABLE IF EXISTS bench_raw_insert;
-- the inbox's own columns, defaults, constraints and indexes
CREATE TABLE bench_raw_insert (LIKE hamsa_event_inbox INCLUDING ALL);
CREATE SEQUENCE bench_raw_key_seq;
SQL
# An inbox body as the literal, padded or cut to the inbox's average size (':' made '=' so pgbench sees no
# variables in it); the key: md5 of the call (32) + the event type + padding + a sequence number, as long as the
# inbox's keys on average.
SAMPLE=$("${PSQL[@]}" -tAc "SELECT replace(replace(rpad(body, $BODY_BYTES), ':', '='), '''', '''''') FROM hamsa_event_inbox WHERE event_type = 'transcription.update' LIMIT 1")
PAD=$((KEY_BYTES - 32 - 22 - 1 - 6))
[ "$PAD" -gt 0 ] || PAD=1
cat >"$WORK/insert.sql" <<SQL
\set c random(1, $CALLS)
INSERT INTO bench_raw_insert (dedup_key, call_id, event_type, occurred_at, source, body) VALUES (md5(:c::text) || '|transcription.update|' || repeat('0', $PAD) || '|' || lpad(nextval('bench_raw_key_seq')::text, 6, '0'), md5(:c::text)::uuid, 'transcription.update', now(), 'webhook', '$SAMPLE');
SQL
pgbench_tps() { # clients threads
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -f "$WORK/insert.sql" -c "$1" -j "$2" -T "$DURATION" "$DB" >"$WORK/pgbench-$1.out" 2>&1 \
    || { cat "$WORK/pgbench-$1.out"; exit 1; }
  sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$WORK/pgbench-$1.out" | head -n1
}
echo "[bench] postgres baseline: pgbench, one INSERT per transaction (body ${BODY_BYTES} bytes, key ${KEY_BYTES} bytes), ${DURATION} s each"
TPS_C=$(pgbench_tps "$CONCURRENCY" 2)
printf "[bench]   %s clients: %.0f rows/s\n" "$CONCURRENCY" "$TPS_C"
TPS_1=$(pgbench_tps 1 1)
printf "[bench]   1 client:   %.0f rows/s\n" "$TPS_1"
"${PSQL[@]}" -c "DROP TABLE bench_raw_insert; DROP SEQUENCE bench_raw_key_seq;"

python3 - "$RATE" "$CONCURRENCY" "$TPS_C" "$WORK/rate.out" "$WORK/max.out" <<'PY'
import re, sys
rate, conc, tps = float(sys.argv[1]), sys.argv[2], float(sys.argv[3])
def result(path):
    line = next(l for l in open(path) if l.startswith("RESULT "))
    return {k: v for k, v in re.findall(r"(\w+)=(\S+)", line)}
r, m = result(sys.argv[4]), result(sys.argv[5])
f = lambda d, k: float(d[k])
share = 100 * f(m, "ackps") / tps if tps else 0
print(f"[bench] webhooks: {rate:.0f} ev/s target -> {f(r, 'ackps'):.0f} ack/s, p50 {f(r, 'p50'):.2f} ms, p99 {f(r, 'p99'):.2f} ms, p99.9 {f(r, 'p999'):.2f} ms")
print(f"[bench] webhooks: max ({conc} conns) -> {f(m, 'ackps'):.0f} ack/s, p50 {f(m, 'p50'):.2f} ms, p99 {f(m, 'p99'):.2f} ms")
print(f"[bench] postgres: plain single-row inserts ({conc} clients) -> {tps:.0f} rows/s; webhooks at max are {f(m, 'ackps'):.0f}/{tps:.0f} = {share:.0f}% of it")
# At the target rate every event must be acknowledged (no refusals, errors or events the generator could not send).
all_acked = int(r["acked"]) == int(r["sent"]) and int(r["never_sent"]) == 0 and int(r["non200"]) == 0 and int(r["errors"]) == 0
p99_ok = f(r, "p99") < 20 and all_acked
why = "" if all_acked else f" (not every event acknowledged: sent {r['sent']}, acked {r['acked']}, never sent {r['never_sent']})"
print(f"[bench] goals: p99 < 20 ms at {rate:,.0f} ev/s: {'PASS' if p99_ok else 'FAIL'}{why}; >= 50% of raw inserts: {'PASS' if share >= 50 else 'FAIL'}")
PY

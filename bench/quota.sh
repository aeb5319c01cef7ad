#!/usr/bin/env bash
# Shared-quota benchmark: three Switchboard replicas on one Redis and one Hamsa simulator, kept busy with a
# backlog of agent creations (each one Hamsa request) for several quota windows. Run twice:
#   shared       the product: one GCRA budget in Redis for all replicas, fed by Hamsa's headers
#   per-replica  the naive baseline: each replica paces itself at the whole limit and retries on 429
#
#   bench/quota.sh            (jar of app/target/quarkus-app; builds it and the simulator jar if missing)
#
# Each client sends its next creation as soon as the last one is answered, or after the Retry-After of a 503.
# Prints for each run: requests reaching the simulator per window against the limit (utilization), the
# accepted ones, 429s sent, the most requests the simulator counted in any sliding window, and what the
# teams' clients got. The window is shrunk from Hamsa's minute so a run covers several windows quickly:
# BENCH_LIMIT per BENCH_WINDOW_SECONDS (default 100 per 10 s), counted over BENCH_DURATION seconds (default 40)
# after BENCH_WARMUP seconds (default 10) of the same load. BENCH_MODES picks the runs (default "shared per-replica").
set -euo pipefail
cd "$(dirname "$0")/.."

LIMIT=${BENCH_LIMIT:-100}
WINDOW=${BENCH_WINDOW_SECONDS:-10}
DURATION=${BENCH_DURATION:-40}
WARMUP=${BENCH_WARMUP:-10}   # driven but not counted: the replicas' JIT warms up, queues fill
CLIENTS=${BENCH_CLIENTS_PER_REPLICA:-4}
SIM_PORT=${BENCH_SIM_PORT:-18090}
PORTS=(18101 18102 18103)
DB=switchboard_bench
REDIS_DB=3

pg_isready -q -h 127.0.0.1 || { echo "[bench] Postgres is down: run .ci/run's start steps first"; exit 1; }
redis-cli ping >/dev/null || { echo "[bench] Redis is down: run .ci/run's start steps first"; exit 1; }
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB"
[ -f app/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl app -am package -DskipTests
SIM_JAR=$(ls hamsa-simulator/target/hamsa-simulator-*-all.jar 2>/dev/null | head -n1)
[ -n "$SIM_JAR" ] || { ./mvnw -B -q -pl hamsa-simulator -am package -DskipTests; SIM_JAR=$(ls hamsa-simulator/target/hamsa-simulator-*-all.jar | head -n1); }

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

wait_ready() { # url pid log
  for _ in $(seq 1 1200); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.05
  done
  echo "[bench] not ready: $1"; exit 1
}

run() { # mode
  local mode=$1
  psql -q -h 127.0.0.1 -U postgres -d "$DB" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" 2>/dev/null
  redis-cli -n $REDIS_DB FLUSHDB >/dev/null
  PIDS=()
  java -jar "$SIM_JAR" --port "$SIM_PORT" --api-key bench-sim-key --rate-limit "$LIMIT" \
    --window-seconds "$WINDOW" --max-recorded 100 >"$WORK/sim.log" 2>&1 &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$SIM_PORT/_admin/health" "${PIDS[0]}" "$WORK/sim.log"

  local i=0
  for port in "${PORTS[@]}"; do
    # The first replica migrates the schema; the others wait for it so two Flyways do not race.
    QUARKUS_HTTP_PORT=$port \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/$REDIS_DB QUARKUS_LOG_LEVEL=WARN \
    HAMSA_BASE_URL=http://127.0.0.1:$SIM_PORT HAMSA_API_KEY=bench-sim-key \
    SWITCHBOARD_UPSTREAM_QUOTA_LIMIT=$LIMIT SWITCHBOARD_UPSTREAM_QUOTA_WINDOW=${WINDOW}s \
    SWITCHBOARD_UPSTREAM_QUOTA_MODE=$mode \
    SWITCHBOARD_ADMIN_TOKEN=bench-admin-token-0123456789abcdef0123 \
    SWITCHBOARD_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= \
      java -Xmx256m -jar app/target/quarkus-app/quarkus-run.jar >"$WORK/replica-$i.log" 2>&1 &
    PIDS+=($!)
    wait_ready "http://127.0.0.1:$port/q/health/ready" "${PIDS[-1]}" "$WORK/replica-$i.log"
    i=$((i + 1))
  done

  local base=http://127.0.0.1:${PORTS[0]} admin="Authorization: Bearer bench-admin-token-0123456789abcdef0123"
  local team key
  team=$(curl -fs "$base/api/v1/admin/teams" -H "$admin" -H 'Content-Type: application/json' \
    -d '{"name":"bench","requestsPerMinute":1000000}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  key=$(curl -fs "$base/api/v1/admin/teams/$team/keys" -H "$admin" -H 'Content-Type: application/json' \
    -d '{"name":"bench","scopes":["agents:write"]}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
  curl -fs -X DELETE "http://127.0.0.1:$SIM_PORT/_admin/rate-limit/stats" >/dev/null
  python3 - "$key" "$DURATION" "$CLIENTS" "$WARMUP" "http://127.0.0.1:$SIM_PORT" "${PORTS[@]}" >"$WORK/clients.txt" <<'PY'
import json, sys, threading, time, urllib.request, urllib.error, collections
key, duration, clients, warmup, simulator, ports = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6:]
start = time.monotonic()
measuring = start + warmup
end = measuring + duration
counts, lock, latencies = collections.Counter(), threading.Lock(), []
snapshot = {}
def stats():
    return json.loads(urllib.request.urlopen(simulator + "/_admin/rate-limit/stats").read())
def measure():
    # Throughput counts from the end of the warm-up to the moment the run ends: requests still queued then
    # reach the simulator afterwards and must not count against the run's duration. 429s and the busiest
    # window are read at the very end and cover everything, warm-up included.
    time.sleep(max(0, measuring - time.monotonic()))
    before = stats()
    with lock:
        counts.clear()
        latencies.clear()
    time.sleep(max(0, end - time.monotonic()))
    after = stats()
    snapshot.update({"arrivals": after["arrivals"] - before["arrivals"], "allowed": after["allowed"] - before["allowed"]})
def drive(port, n):
    i = 0
    while time.monotonic() < end:
        i += 1
        body = json.dumps({"name": f"Backlog {port}-{n}-{i}", "greeting": "Hi", "preamble": "Help.",
                           "language": "en", "voiceId": "v1"}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/agents", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
        t = time.monotonic()
        retry_after = None
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, code = r.status, ""
        except urllib.error.HTTPError as e:
            status = e.code
            try:
                code = json.loads(e.read()).get("code", "")
            except Exception:
                code = ""
            retry_after = e.headers.get("Retry-After")
        with lock:
            counts[f"{status} {code}".strip()] += 1
            latencies.append(time.monotonic() - t)
        if status == 503 and retry_after:
            # A well-behaved client comes back when told to.
            time.sleep(max(0, min(float(retry_after), end - time.monotonic())))
threads = [threading.Thread(target=drive, args=(p, n)) for p in ports for n in range(clients)]
threads.append(threading.Thread(target=measure))
[t.start() for t in threads]
[t.join() for t in threads]
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0
print("STATS " + json.dumps(snapshot))
print("answers " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
print(f"latency p50 {p(0.5):.2f} s, p99 {p(0.99):.2f} s")
PY
  local stats
  stats=$(curl -fs "http://127.0.0.1:$SIM_PORT/_admin/rate-limit/stats")
  python3 - "$mode" "$LIMIT" "$WINDOW" "$DURATION" "$stats" "$WORK/clients.txt" <<'PY'
import json, sys
mode, limit, window, duration, stats, clients = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), json.loads(sys.argv[5]), sys.argv[6]
windows = duration / window
lines = open(clients).read().splitlines()
at_end = json.loads(next(l for l in lines if l.startswith("STATS "))[6:])
arrivals, allowed = at_end["arrivals"] / windows, at_end["allowed"] / windows
print(f"  {mode}:")
per_minute = 60 / window
print(f"    reaching Hamsa: {arrivals:6.1f} per window of {window:g} s = {arrivals * per_minute:6.0f} a minute against a limit of {limit * per_minute:.0f}: {100 * arrivals / limit:5.1f} % of the limit")
print(f"    accepted:       {allowed:6.1f} per window = {allowed * per_minute:6.0f} a minute: utilization {100 * allowed / limit:5.1f} %")
print(f"    429s sent:      {stats['tooManyRequestsSent']} in {stats['arrivals']} requests (warm-up, run, and the requests still queued at its end)")
print(f"    most in any sliding window: {stats['maxArrivalsInAnyWindow']} arrived, {stats['maxAllowedInAnyWindow']} accepted")
for line in lines:
    if not line.startswith("STATS "):
        print("    teams' " + line.strip())
PY
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

echo "switchboard shared-quota benchmark: 3 replicas (JVM), $LIMIT Hamsa requests per ${WINDOW} s, ${DURATION} s counted after ${WARMUP} s, $((CLIENTS * 3)) clients, $(nproc) cores"
for mode in ${BENCH_MODES:-shared per-replica}; do
  run "$mode"
done

# Shared by the bench scripts that start Switchboard alone (agents-read.sh, knowledge-tools.sh); sourced, not run.

# wrk from Debian, Postgres up, and database $1 emptied (created when missing).
bench_prepare() {
  command -v wrk >/dev/null || { echo "[bench] installing wrk"; apt-get install -y -qq wrk >/dev/null; }
  pg_isready -q -h 127.0.0.1 || { echo "[bench] Postgres is down: run .ci/run's start steps first"; exit 1; }
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1 \
    || psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $1"
  psql -q -h 127.0.0.1 -U postgres -d "$1" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" 2>/dev/null
}

# CMD: how to start Switchboard in mode $1 (jvm: the jar, built when missing; native: the executable).
bench_command() {
  case "$1" in
    jvm)
      [ -f app/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
      CMD=(java -jar app/target/quarkus-app/quarkus-run.jar) ;;
    native)
      local runner
      runner=$(ls app/target/*-runner 2>/dev/null | head -n1)
      [ -n "$runner" ] || { echo "[bench] no native executable: ./mvnw package -Dnative ... first"; exit 1; }
      CMD=("$runner") ;;
    *) echo "usage: $0 [jvm|native]"; exit 2 ;;
  esac
}

# Waits until $1/q/health/ready answers, or process $2 died (then prints log $3 and fails).
bench_wait_ready() {
  for _ in $(seq 1 600); do
    curl -fs "$1/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.05
  done
  echo "[bench] not ready after 30 s"; exit 1
}

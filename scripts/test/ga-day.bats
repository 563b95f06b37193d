#!/usr/bin/env bats
# scripts/ga-day.sh's lifecycle against real processes: Debian's Prometheus scraping a small exporter, and the
# tools' own launchers from the checkout (built first: ./mvnw package). Run by dist's GaDayScriptIT, or
# directly: bats scripts/test/ga-day.bats

bats_require_minimum_version 1.5.0

setup_file() {
  REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  export REPO
  export GA="$REPO/scripts/ga-day.sh"
  export WORK="$BATS_FILE_TMPDIR"
  mkdir -p "$WORK/exporter" "$WORK/tsdb"
  printf '# TYPE http_requests_total counter\nhttp_requests_total{service="demo",status="200"} 100\n' \
    >"$WORK/exporter/metrics"
  free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  exporter_port=$(free_port)
  (cd "$WORK/exporter" && exec python3 -m http.server --bind 127.0.0.1 "$exporter_port") >"$WORK/exporter.log" 2>&1 &
  echo $! >"$WORK/exporter.pid"
  prometheus_port=$(free_port)
  cat >"$WORK/prometheus.yml" <<YAML
global: {scrape_interval: 1s}
scrape_configs:
  - job_name: demo
    static_configs: [{targets: ["127.0.0.1:$exporter_port"]}]
YAML
  prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
    --web.listen-address="127.0.0.1:$prometheus_port" >"$WORK/prometheus.log" 2>&1 &
  echo $! >"$WORK/prometheus.pid"
  export PROMETHEUS_URL="http://127.0.0.1:$prometheus_port"
  for _ in $(seq 120); do curl -sf "$PROMETHEUS_URL/-/ready" >/dev/null && break; sleep 0.25; done
  curl -sf "$PROMETHEUS_URL/-/ready" >/dev/null
  export RUN="$WORK/run"
}

# Gone: no such process, or a zombie (an orphan waits unreaped where PID 1 does not reap, as in containers).
gone() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null || true)
  [ -z "$stat" ] || [[ "$stat" == Z* ]]
}

teardown_file() {
  bash "$GA" --run-dir "$RUN" stop --timeout 10s >/dev/null 2>&1 || true
  kill "$(cat "$WORK/prometheus.pid")" "$(cat "$WORK/exporter.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}

@test "usage errors are one line and exit 2" {
  run bash "$GA"
  [ "$status" -eq 2 ]
  [[ "$output" == *"missing command"* ]]
  run bash "$GA" explode
  [ "$status" -eq 2 ]
  run bash "$GA" --run-dir "$WORK/x" start --frobnicate
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown option '--frobnicate'"* ]]
  printf 'NOT_A_KEY=1\n' >"$WORK/bad.conf"
  run bash "$GA" --run-dir "$WORK/x" start --config "$WORK/bad.conf"
  [ "$status" -eq 2 ]
  [[ "$output" == *"bad.conf:1: unknown key 'NOT_A_KEY'"* ]]
  run env -u PROMETHEUS_URL bash "$GA" --run-dir "$WORK/x" start
  [ "$status" -eq 2 ]
  [[ "$output" == *"no Prometheus"* ]]
  run bash "$GA" --run-dir "$WORK/x" start --duration 5
  [ "$status" -eq 2 ]
  [[ "$output" == *"'5' is not a duration"* ]]
}

@test "stop before any start says there is nothing to stop" {
  run bash "$GA" --run-dir "$WORK/never" stop
  [ "$status" -eq 0 ]
  [[ "$output" == *"nothing to stop"* ]]
}

@test "start launches the monitors in the background; a second start refuses" {
  run bash "$GA" --run-dir "$RUN" start --duration 10m --kpi-interval 15s --slo-interval 15s --scrape-interval 1s
  [ "$status" -eq 0 ]
  [[ "$output" == *"started kpi-collector"* ]]
  [[ "$output" == *"started slo-monitor"* ]]
  [[ "$output" == *"drift-detector not started: no baseline"* ]]
  kill -0 "$(cat "$RUN/pids/kpi-collector.pid")"
  kill -0 "$(cat "$RUN/pids/slo-monitor.pid")"
  grep -q '^GA_MODE=live$' "$RUN/run.env"
  run bash "$GA" --run-dir "$RUN" start --duration 10m
  [ "$status" -eq 2 ]
  [[ "$output" == *"already running in"*"kpi-collector slo-monitor"* ]]
}

@test "status prints one line per monitor and a Markdown block for the job summary" {
  GITHUB_STEP_SUMMARY="$WORK/summary.md" run bash "$GA" --run-dir "$RUN" status
  [ "$status" -eq 0 ]
  [[ "$output" == *"kpi-collector   running"* ]]
  [[ "$output" == *"slo-monitor     running"* ]]
  grep -q '^| Monitor | State | Last file | Verdict |$' "$WORK/summary.md"
  # shellcheck disable=SC2016 # backticks of Markdown
  grep -qF '| `kpi-collector` | running |' "$WORK/summary.md"
}

@test "a monitor that dies is reported, not hidden" {
  supervisor=$(cat "$RUN/pids/kpi-collector.pid")
  java=$(pgrep -P "$supervisor")
  kill -KILL "$java"
  for _ in $(seq 40); do [ -f "$RUN/exit/kpi-collector.rc" ] && break; sleep 0.25; done
  run bash "$GA" --run-dir "$RUN" status
  [ "$status" -eq 1 ]
  [[ "$output" == *"kpi-collector   DIED exit 137"* ]]
  [[ "$output" == *"slo-monitor     running"* ]]
}

@test "stop sends SIGTERM, waits for the final files and reports what each left" {
  # The live slo-monitor needs one evaluation to have a file to leave.
  for _ in $(seq 120); do compgen -G "$RUN/slo/slo_status_*.json" >/dev/null && break; sleep 0.5; done
  run bash "$GA" --run-dir "$RUN" stop --timeout 30s
  [ "$status" -eq 1 ] # the dead kpi-collector
  [[ "$output" == *"SIGTERM sent to slo-monitor"* ]]
  [[ "$output" == *"slo-monitor     stopped exit "*", left slo/slo_status.json ("*" (partial))"* ]]
  [[ "$output" == *"kpi-collector   DIED exit 137"* ]]
  gone "$(cat "$RUN/pids/slo-monitor.pid")"
}

@test "stop with no monitor running says so, and no process of the day is left" {
  run bash "$GA" --run-dir "$RUN" stop
  [[ "$output" == *"no monitor is running"* ]]
  for pid_file in "$RUN"/pids/*.pid; do
    gone "$(cat "$pid_file")"
  done
  run ! pgrep -f -- "$RUN"
}

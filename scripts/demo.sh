#!/usr/bin/env bash
# The README's main command: a whole GA day, end to end, on this machine.
#   1. builds the tool jars;
#   2. starts a real Prometheus (Debian's) holding a generated 24-hour GA day for 10 services,
#      with an error/latency incident, a deploy with a counter reset and a reconnect storm;
#   3. starts `ws-health serve` with chaos (a 1.5 s refusal window every 4 s, so that ws-health meets
#      some whenever it starts, and reconnects through them);
#   4. runs the day through `scripts/ga-day.sh retro` into demo-output/ (docs/ga-day.md):
#      kpi-collector -> ga_kpis/, slo-monitor -> slo/, drift-detector -> drift_baseline/ + drift/,
#      ws-health -> ws_health/, then certify: kpi-collector validate -> ga_validation/,
#      cert-package -> ga_certification/ (report, PDF, tarball), cert-package verify.
# Every process it starts is stopped when it ends, however it ends.
# Environment: DEMO_OUTPUT (default demo-output), DEMO_SKIP_BUILD=1 to reuse built jars.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${DEMO_OUTPUT:-$root/demo-output}
say() { printf '\n== %s\n' "$*" >&2; }

pids=()
prometheus_pid=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # The dataset server stops its Prometheus on SIGTERM; make sure of it.
  if [ -n "$prometheus_pid" ] && kill -0 "$prometheus_pid" 2>/dev/null; then kill "$prometheus_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits up to $2 seconds for a file to exist, while process $3 lives.
wait_for_file() {
  local file=$1 seconds=$2 pid=$3 i
  for ((i = 0; i < seconds * 4; i++)); do
    [ -s "$file" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

say "Installing what is missing (Prometheus)"
bash scripts/install-deps.sh

if [ "${DEMO_SKIP_BUILD:-0}" != 1 ]; then
  say "Building the tools (./mvnw package, tests skipped: run scripts/test.sh for them)"
  ./mvnw -B -q -ntp -DskipTests package
fi
./mvnw -B -q -ntp -pl testkit dependency:build-classpath -Dmdep.outputFile="$root/testkit/target/classpath.txt"
ws_health=(java -jar ws-health/target/ws-health.jar)

rm -rf "$out"
mkdir -p "$out/logs"

say "Starting Prometheus with a generated GA day (24 h, 10 services, 60 s step) and the day before it"
java -cp "testkit/target/classes:$(cat testkit/target/classpath.txt)" dev.gaday.testkit.prometheus.ServeDataset \
  "$out/dataset" 24 60 10 42 24 >"$out/logs/prometheus.log" 2>&1 &
pids+=($!)
if ! wait_for_file "$out/dataset/prometheus.env" 300 "${pids[-1]}"; then
  echo "demo: Prometheus did not get ready; see $out/logs/prometheus.log:" >&2
  grep -v '^\s*at ' "$out/logs/prometheus.log" | tail -5 >&2
  exit 4
fi
# shellcheck disable=SC1091
. "$out/dataset/prometheus.env"
# shellcheck disable=SC2153 # PROMETHEUS_PID comes from prometheus.env
prometheus_pid=$PROMETHEUS_PID
echo "Prometheus: $PROMETHEUS_URL, GA window $GA_START .. $GA_END" >&2

say "ws-health serve: the WebSocket endpoint, with chaos (upgrades refused 1.5 s in every 4 s)"
"${ws_health[@]}" serve --port 0 --refuse-after 4s --refuse-for 1500ms --refuse-every 4s \
  >"$out/logs/ws-serve.log" 2>&1 &
pids+=($!)
ws_url=""
for ((i = 0; i < 120; i++)); do
  # The background job creates its log when it starts: on a busy machine that is after the first look.
  [ -f "$out/logs/ws-serve.log" ] && ws_url=$(sed -n 's/.*serving \(ws:\/\/[^ ]*\).*/\1/p' "$out/logs/ws-serve.log" | head -1)
  [ -n "$ws_url" ] && break
  sleep 0.25
done
[ -n "$ws_url" ] || { echo "demo: ws-health serve did not start; see $out/logs/ws-serve.log" >&2; exit 4; }

# The whole day after the fact, as a CI job would run it (.github/workflows/ga-day.yml, mode retroactive):
# kpi-collector, slo-monitor, drift-detector (baseline: the day before GA, the same hours of the same daily shape),
# ws-health, then certify: kpi-collector validate, cert-package, cert-package verify.
# The example release file, moved onto the generated day: its GA timeline on GA_START's date (the meeting the day
# before, the retrospective the day after) and its incident at the injected one's time, service and length, so
# that the report's charts mark it where the errors are and no event is flagged outside the GA window.
ga_day=$(date -u -d "$GA_START" +%F)
incident_minutes=$(( ($(date -u -d "$INCIDENT_END" +%s) - $(date -u -d "$INCIDENT_START" +%s)) / 60 ))
sed -e "s/2026-11-21/$(date -u -d "$ga_day - 1 day" +%F)/g" \
  -e "s/\"2026-11-22T14:05:00Z\"/\"$(date -u -d "$INCIDENT_START" +%FT%TZ)\"/" \
  -e "s/2026-11-22/$ga_day/g" \
  -e "s/2026-11-23/$(date -u -d "$ga_day + 1 day" +%F)/g" \
  -e "s/2026-11-24/$(date -u -d "$ga_day + 2 days" +%F)/g" \
  -e "s/mttrMinutes: 38/mttrMinutes: $incident_minutes/" \
  -e "s/on checkout-api for 38 minutes/on $INCIDENT_SERVICE for $incident_minutes minutes/" \
  templates/release.example.yaml >"$out/release.yaml"
if grep -q '2026-11-2\|38 minutes' "$out/release.yaml"; then
  echo "demo: templates/release.example.yaml changed; scripts/demo.sh no longer moves all its dates" >&2
  exit 4
fi

say "scripts/ga-day.sh retro: every tool over the day, then certify"
cat >"$out/ga-day.conf" <<CONF
KPI_INTERVAL=5m
WS_ENDPOINT=$ws_url
WS_DURATION=10s
WS_INTERVAL=500ms
WS_CONNECTIONS=20
WS_ARGS=--send ping --expect ping
RELEASE=$out/release.yaml
CONF
baseline_start=$(date -u -d "$GA_START - 24 hours" +%Y-%m-%dT%H:%M:%SZ)
certify_status=0
bash scripts/ga-day.sh --run-dir "$out" retro --config "$out/ga-day.conf" --prometheus-url "$PROMETHEUS_URL" \
  --ga-start "$GA_START" --ga-end "$GA_END" --baseline-from "$baseline_start" --baseline-to "$GA_START" \
  || certify_status=$?
echo "ga-day.sh retro exit code: $certify_status (0 certified, 1 not certified, 3 inconclusive)" >&2
[ "$certify_status" -le 3 ] || exit "$certify_status"

cat <<DONE

Demo finished.
  Verdict:  $out/verdict.env, failed criteria in $out/failed_criteria.txt
  KPIs:     $out/ga_kpis/ga_kpi_summary.md
  Report:   $out/ga_certification/package/GA_DAY_REPORT.md
  PDF:      $out/ga_certification/package/GA_DAY_REPORT.pdf
  Package:  $out/ga_certification/ga_certification_package.tar.gz
DONE

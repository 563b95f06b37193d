#!/usr/bin/env bash
# The README's main command: a whole GA day, end to end, on this machine.
#   1. builds the tool jars;
#   2. starts a real Prometheus (Debian's) holding a generated 24-hour GA day for 10 services,
#      with an error/latency incident, a deploy with a counter reset and a reconnect storm;
#   3. kpi-collector over that window  -> demo-output/ga_kpis/
#   4. ws-health against `ws-health serve` with chaos (connections dropped, a refusal window)
#                                       -> demo-output/ws_health/ws_health_metrics.json
#   5. kpi-collector validate --ga-mode -> demo-output/ga_validation/validation_results.{xml,html,json}
#   6. cert-package                     -> demo-output/ga_certification/ (report, PDF, tarball)
#   7. cert-package verify on the tarball.
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
kpi_collector=(java -jar kpi-collector/target/kpi-collector.jar)
ws_health=(java -jar ws-health/target/ws-health.jar)
cert_package=(java -jar cert-package/target/cert-package.jar)

rm -rf "$out"
mkdir -p "$out/logs" "$out/ws_health"

say "Starting Prometheus with a generated GA day (24 h, 10 services, 60 s step)"
java -cp "testkit/target/classes:$(cat testkit/target/classpath.txt)" dev.gaday.testkit.prometheus.ServeDataset \
  "$out/dataset" 24 60 10 >"$out/logs/prometheus.log" 2>&1 &
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

say "kpi-collector: the window's KPIs and the certification verdict"
kpi_status=0
"${kpi_collector[@]}" --prometheus-url "$PROMETHEUS_URL" --ga-start "$GA_START" --ga-end "$GA_END" \
  --interval 5 --no-kubernetes --output "$out/ga_kpis" || kpi_status=$?
echo "kpi-collector exit code: $kpi_status (0 pass, 1 gate failed, 3 inconclusive)" >&2
[ "$kpi_status" -le 3 ] || exit "$kpi_status"

say "ws-health: reconnect validation against 'ws-health serve' with chaos"
"${ws_health[@]}" serve --port 0 --drop-after 3s --refuse-after 4s --refuse-for 1500ms \
  >"$out/logs/ws-serve.log" 2>&1 &
pids+=($!)
ws_url=""
for ((i = 0; i < 120; i++)); do
  ws_url=$(sed -n 's/.*serving \(ws:\/\/[^ ]*\).*/\1/p' "$out/logs/ws-serve.log" | head -1)
  [ -n "$ws_url" ] && break
  sleep 0.25
done
[ -n "$ws_url" ] || { echo "demo: ws-health serve did not start; see $out/logs/ws-serve.log" >&2; exit 4; }
ws_status=0
"${ws_health[@]}" --endpoint "$ws_url" --iterations 10 --connections 20 --interval 500ms --send ping --expect ping \
  --output "$out/ws_health" || ws_status=$?
echo "ws-health exit code: $ws_status" >&2
[ "$ws_status" -le 3 ] || exit "$ws_status"

say "kpi-collector validate: the GA validation suite (JUnit XML, HTML, JSON)"
validate_status=0
"${kpi_collector[@]}" validate --prometheus-url "$PROMETHEUS_URL" --ga-start "$GA_START" --ga-end "$GA_END" \
  --ga-mode --inputs "$out/ws_health" --output "$out/ga_validation" || validate_status=$?
echo "kpi-collector validate exit code: $validate_status (0 pass, 1 a critical check failed, 3 no data)" >&2
[ "$validate_status" -le 3 ] || exit "$validate_status"

say "cert-package: report, PDF with charts, manifest, reproducible tarball"
cert_status=0
SOURCE_DATE_EPOCH=$(date -u -d "$GA_END" +%s) "${cert_package[@]}" \
  --inputs "$out/ga_kpis" --inputs "$out/ws_health" --inputs "$out/ga_validation" \
  --release templates/release.example.yaml \
  --output-dir "$out/ga_certification" --include-artifacts || cert_status=$?
echo "cert-package exit code: $cert_status (0 certified, 1 not certified, 3 inconclusive)" >&2
[ "$cert_status" -le 3 ] || exit "$cert_status"

say "cert-package verify"
"${cert_package[@]}" verify "$out/ga_certification/ga_certification_package.tar.gz"

cat <<DONE

Demo finished.
  KPIs:     $out/ga_kpis/ga_kpi_summary.md
  Report:   $out/ga_certification/package/GA_DAY_REPORT.md
  PDF:      $out/ga_certification/package/GA_DAY_REPORT.pdf
  Package:  $out/ga_certification/ga_certification_package.tar.gz
DONE

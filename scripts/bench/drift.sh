#!/usr/bin/env bash
# drift-detector's judge against a query floor: `canary` over SERVICES services × 6 checks (≈ 100 metrics
# at the default 17 services) with 1,440 one-minute samples a side (24 h), against a real Prometheus,
# beside testkit's QueryFloor: a JVM started with the same flags that only sends the same range queries
# (those drift-detector logged with -v), one at a time as drift-detector does, and parses the answers.
# What drift-detector takes beyond the floor is the judge's own work (options, configuration, pairing,
# tests, Holm, score, the file). Aim: beyond-floor <= 0.5 s. Prints medians of ROUNDS rounds (wall and CPU
# seconds; on a loaded machine the CPU figures are the fair ones) and peak RSS.
# Usage: [ROUNDS=n] scripts/bench/drift.sh [services]
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVICES=${1:-17}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/drift-bench.XXXXXX")
PROM_PID=""
cleanup() {
  if [ -n "$PROM_PID" ]; then kill "$PROM_PID" 2>/dev/null || true; wait "$PROM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java curl promtool prometheus python3 bc /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "drift.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }
done
JAR=drift-detector/target/drift-detector.jar
testkit_jar() { find testkit/target -maxdepth 1 -name 'testkit-*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' | head -1; }
if [ ! -f "$JAR" ] || [ -z "$(testkit_jar)" ]; then
  ./mvnw -B -q -ntp -pl drift-detector,testkit -am package -DskipTests
fi
TESTKIT_JAR=$(testkit_jar)
# shellcheck source=scripts/lib/jvm-flags.sh
. scripts/lib/jvm-flags.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

data=$WORK/data tsdb=$WORK/tsdb
# 24 h of 30 s samples, plus 2 h so that the canary window has 1,440 one-minute steps after its first.
read -r start _ < <(java -cp "$JAR:$TESTKIT_JAR" dev.gaday.testkit.dataset.GenerateDriftScenario "$data" 26 30 "$SERVICES")
mkdir -p "$tsdb"
for f in "$data"/*.om; do promtool tsdb create-blocks-from openmetrics "$f" "$tsdb" >/dev/null; done
port=$(free_port)
printf 'global:\n  scrape_interval: 1h\n' > "$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$tsdb" \
  --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$port" >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.2; done
url="http://127.0.0.1:$port"
from=$(python3 -c 'import sys,datetime as d; t=d.datetime.fromisoformat(sys.argv[1].replace("Z","+00:00")); print((t+d.timedelta(hours=1)).isoformat().replace("+00:00","Z"))' "$start")
to=$(python3 -c 'import sys,datetime as d; t=d.datetime.fromisoformat(sys.argv[1].replace("Z","+00:00")); print((t+d.timedelta(hours=25)).isoformat().replace("+00:00","Z"))' "$start")
args=(canary --prometheus-url "$url" --canary 'track="canary"' --stable 'track="stable"' --from "$from" --to "$to" -v)

drift() { java "${TOOL_JVM_FLAGS[@]}" -jar "$JAR" "${args[@]}" -o "$1"; }
floor() {
  /usr/bin/time -f '%U %S' -o "$WORK/cpu-floor" java "${TOOL_JVM_FLAGS[@]}" -cp "$JAR:$TESTKIT_JAR" dev.gaday.testkit.bench.QueryFloor "$url" "$WORK/queries.log" 1 \
    >/dev/null || { echo "drift.sh: the query floor failed against $url" >&2; exit 4; }
}

# Warm-up run (gives the query log), then the measured rounds of floor and drift-detector in turn.
drift "$WORK/out-warm" >/dev/null 2>"$WORK/queries.log" || true
[ -f "$WORK/out-warm/drift_analysis.json" ] || { echo "drift.sh: drift-detector wrote no analysis" >&2; cat "$WORK/queries.log" >&2; exit 4; }
checks=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a["totalChecks"], min(d["test"]["nBaseline"] for d in a["drifts"]))' "$WORK/out-warm/drift_analysis.json")
queries=$(grep -c ' promql=' "$WORK/queries.log")
: >"$WORK/times"
for round in $(seq 1 "$ROUNDS"); do
  t0=$(now); floor
  echo "floor $(echo "$(now) - $t0" | bc -l) 0 $(tail -1 "$WORK/cpu-floor" | awk '{print $1 + $2}')" >>"$WORK/times"
  t0=$(now)
  /usr/bin/time -f '%M %U %S' -o "$WORK/rss" java "${TOOL_JVM_FLAGS[@]}" -jar "$JAR" "${args[@]}" -o "$WORK/out-$round" \
    >/dev/null 2>&1 || true
  t1=$(now)
  [ -f "$WORK/out-$round/drift_analysis.json" ] || { echo "drift.sh: round $round wrote no analysis" >&2; exit 4; }
  echo "drift $(echo "$t1 - $t0" | bc -l) $(tail -1 "$WORK/rss" | awk '{print $1, $2 + $3}')" >>"$WORK/times"
done
floor_s=$(awk '$1 == "floor" {print $2}' "$WORK/times" | median)
drift_s=$(awk '$1 == "drift" {print $2}' "$WORK/times" | median)
floor_cpu=$(awk '$1 == "floor" {print $4}' "$WORK/times" | median)
drift_cpu=$(awk '$1 == "drift" {print $4}' "$WORK/times" | median)
rss_mb=$(echo "$(awk '$1 == "drift" {print $3}' "$WORK/times" | sort -g | tail -1) / 1024" | bc -l)
read -r total n <<<"$checks"
echo "canary: $SERVICES services, $total checks, >= $n samples a side, $queries range queries; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); medians of $ROUNDS rounds"
printf '%-6s %-10s %-10s %-14s %-8s %-8s\n' "" floor drift beyond_floor ratio rss_mb
printf '%-6s %-10.2f %-10.2f %-14.2f %-8.2f %-8.0f\n' wall_s "$floor_s" "$drift_s" "$(echo "$drift_s - $floor_s" | bc -l)" \
  "$(echo "$drift_s / $floor_s" | bc -l)" "$rss_mb"
# CPU seconds (user + system) are what a loaded machine does not inflate: the judge's own work is the difference.
printf '%-6s %-10.2f %-10.2f %-14.2f %-8.2f\n' cpu_s "$floor_cpu" "$drift_cpu" "$(echo "$drift_cpu - $floor_cpu" | bc -l)" \
  "$(echo "$drift_cpu / $floor_cpu" | bc -l)"

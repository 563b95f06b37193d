#!/usr/bin/env bash
# drift-detector's judge against a query floor: `canary` over SERVICES services × 6 checks (≈ 100 metrics
# at the default 17 services) with 1,440 one-minute samples a side (24 h), against a real Prometheus,
# beside testkit's QueryFloor: a JVM started with the same flags that only sends the same range queries
# (those drift-detector logged with -v), one at a time as drift-detector does, and parses the answers.
# What drift-detector takes beyond the floor is the judge's own work (options, configuration, pairing,
# tests, Holm, score, the file). Both run as the launchers run tools (the same JVM flags), drift-detector
# both through drift-detector/bin/drift-detector and as plain `java -jar`. Aim: beyond-floor <= 0.5 s. Prints medians of ROUNDS rounds (wall and CPU
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

# Warm-up runs (the first gives the query log; all warm the file cache), then the measured rounds of
# floor, jar and launcher in turn.
drift "$WORK/out-warm" >/dev/null 2>"$WORK/queries.log" || true
DRIFT_DETECTOR_JAR=$JAR drift-detector/bin/drift-detector "${args[@]}" -o "$WORK/out-warm2" >/dev/null 2>&1 || true
floor
[ -f "$WORK/out-warm/drift_analysis.json" ] || { echo "drift.sh: drift-detector wrote no analysis" >&2; cat "$WORK/queries.log" >&2; exit 4; }
checks=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a["totalChecks"], min(d["test"]["nBaseline"] for d in a["drifts"]))' "$WORK/out-warm/drift_analysis.json")
queries=$(grep -c ' promql=' "$WORK/queries.log")
: >"$WORK/times"
for round in $(seq 1 "$ROUNDS"); do
  t0=$(now); floor
  echo "floor $(echo "$(now) - $t0" | bc -l) 0 $(tail -1 "$WORK/cpu-floor" | awk '{print $1 + $2}')" >>"$WORK/times"
  for how in jar launcher; do
    cmd=(java "${TOOL_JVM_FLAGS[@]}" -jar "$JAR"); [ "$how" = launcher ] && cmd=(env DRIFT_DETECTOR_JAR="$JAR" drift-detector/bin/drift-detector)
    t0=$(now)
    /usr/bin/time -f '%M %U %S' -o "$WORK/rss" "${cmd[@]}" "${args[@]}" -o "$WORK/out-$how-$round" >/dev/null 2>&1 || true
    t1=$(now)
    [ -f "$WORK/out-$how-$round/drift_analysis.json" ] || { echo "drift.sh: round $round ($how) wrote no analysis" >&2; exit 4; }
    echo "$how $(echo "$t1 - $t0" | bc -l) $(tail -1 "$WORK/rss" | awk '{print $1, $2 + $3}')" >>"$WORK/times"
  done
done
read -r total n <<<"$checks"
echo "canary: $SERVICES services, $total checks, >= $n samples a side, $queries queries; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); medians of $ROUNDS rounds"
floor_s=$(awk '$1 == "floor" {print $2}' "$WORK/times" | median)
floor_cpu=$(awk '$1 == "floor" {print $4}' "$WORK/times" | median)
# CPU seconds (user + system) are what a loaded machine inflates least: the judge's own work is the difference.
printf '%-9s %8s %8s %14s %13s %7s %7s\n' run wall_s cpu_s wall_beyond_s cpu_beyond_s ratio rss_mb
printf '%-9s %8.2f %8.2f\n' floor "$floor_s" "$floor_cpu"
for how in jar launcher; do
  s_=$(awk -v h="$how" '$1 == h {print $2}' "$WORK/times" | median)
  c_=$(awk -v h="$how" '$1 == h {print $4}' "$WORK/times" | median)
  rss_mb=$(echo "$(awk -v h="$how" '$1 == h {print $3}' "$WORK/times" | sort -g | tail -1) / 1024" | bc -l)
  printf '%-9s %8.2f %8.2f %14.2f %13.2f %6.2fx %7.0f\n' "$how" "$s_" "$c_" "$(echo "$s_ - $floor_s" | bc -l)" \
    "$(echo "$c_ - $floor_cpu" | bc -l)" "$(echo "$s_ / $floor_s" | bc -l)" "$rss_mb"
done

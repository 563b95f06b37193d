#!/usr/bin/env bash
# slo-monitor against its query floor: 100 SLOs (the default two per service, 50 services), 24 hours of
# history at a 60 s step.
#   - retroactive: the whole 24-hour window with the alerts replayed at 1-minute resolution (range queries);
#   - live: evaluation cycles (instant queries; the first cold, the second warm), on a dataset that reaches
#     into the present.
# Each is timed beside testkit's QueryFloor in the same run: a JVM started with the same flags that only
# sends the same queries (the ones slo-monitor logged with -vv), 4 at a time as slo-monitor does, and
# parses the answers. What slo-monitor takes beyond the floor is its own work; aim: <= 0.5 s per cycle.
# Peak RSS of slo-monitor printed; for the retroactive run also CPU seconds (user + system) of both, the fairer
# figures on a loaded machine (the live cycles are timed inside the process: wall only).
# Usage: [ROUNDS=n] [SERVICES=n] scripts/bench/slo.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVICES=${SERVICES:-50}
ROUNDS=${ROUNDS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/slo-bench.XXXXXX")
PROM_PID=""
cleanup() {
  if [ -n "$PROM_PID" ]; then kill "$PROM_PID" 2>/dev/null || true; wait "$PROM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java curl promtool prometheus bc python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "slo.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }
done
JAR=slo-monitor/target/slo-monitor.jar
testkit_jar() { find testkit/target -maxdepth 1 -name 'testkit-*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' | head -1; }
if [ ! -f "$JAR" ] || [ -z "$(testkit_jar)" ]; then
  ./mvnw -B -q -ntp -pl slo-monitor,testkit -am package -DskipTests
fi
TESTKIT_JAR=$(testkit_jar)
. scripts/lib/jvm-flags.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
manifest() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1/manifest.json" "$2"; }

# Generates 24 h of SERVICES services starting at $2, backfills it and starts Prometheus on it.
serve() {
  local name=$1 start=$2 data=$WORK/data-$1 tsdb=$WORK/tsdb-$1 port
  java -cp "$JAR:$TESTKIT_JAR" dev.gaday.testkit.dataset.GenerateDataset "$data" 24 60 "$SERVICES" 42 "$start" 2>/dev/null
  mkdir -p "$tsdb"
  for f in "$data"/*.om; do promtool tsdb create-blocks-from openmetrics "$f" "$tsdb" >/dev/null; done
  port=$(free_port)
  printf 'global:\n  scrape_interval: 1h\n' > "$WORK/prometheus.yml"
  prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$tsdb" --storage.tsdb.retention.time=100y \
    --web.listen-address="127.0.0.1:$port" >"$WORK/prometheus-$name.log" 2>&1 &
  PROM_PID=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.2; done
  URL="http://127.0.0.1:$port"
  DATA=$data
}
stop_prometheus() { kill "$PROM_PID"; wait "$PROM_PID" 2>/dev/null || true; PROM_PID=""; }

# The query floor: seconds to send the logged queries (a JVM like slo-monitor's, started and stopped).
# Also leaves the floor's CPU seconds in $WORK/cpu-floor.
floor_s() {
  local t0
  t0=$(now)
  /usr/bin/time -f '%U %S' -o "$WORK/cpu-floor" java "${TOOL_JVM_FLAGS[@]}" -cp "$JAR:$TESTKIT_JAR" \
    dev.gaday.testkit.bench.QueryFloor "$URL" "$1" >/dev/null \
    || { echo "slo.sh: the query floor failed against $URL" >&2; exit 4; }
  echo "$(now) - $t0" | bc -l
}
cpu_s() { tail -1 "$1" | awk '{print $1 + $2}'; }

echo "$((2 * SERVICES)) SLOs, 24 h at a 60 s step; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); medians of $ROUNDS rounds"

# ---- Retroactive: 24 hours at 1-minute resolution.
serve retro 2026-06-01T00:00:00Z
start=$(manifest "$DATA" start); end=$(manifest "$DATA" end)
args=(--prometheus-url "$URL" --ga-start "$start" --ga-end "$end" --scrape-interval 60s)
java "${TOOL_JVM_FLAGS[@]}" -jar "$JAR" "${args[@]}" -vv -o "$WORK/retro-warm" 2>"$WORK/retro-queries.log" || true
[ -f "$WORK/retro-warm/slo_status.json" ] || { echo "slo.sh: the warm-up run wrote no slo_status.json" >&2; exit 4; }
queries=$(grep -c ' promql=' "$WORK/retro-queries.log")
: >"$WORK/retro-times"
for round in $(seq 1 "$ROUNDS"); do
  echo "floor $(floor_s "$WORK/retro-queries.log") 0 $(cpu_s "$WORK/cpu-floor")" >>"$WORK/retro-times"
  t0=$(now)
  /usr/bin/time -f '%M %U %S' -o "$WORK/rss" java "${TOOL_JVM_FLAGS[@]}" -jar "$JAR" "${args[@]}" \
    -o "$WORK/retro-$round" 2>/dev/null || true
  t1=$(now)
  [ -f "$WORK/retro-$round/slo_status.json" ] || { echo "slo.sh: round $round wrote no slo_status.json" >&2; exit 4; }
  echo "tool $(echo "$t1 - $t0" | bc -l) $(tail -1 "$WORK/rss" | awk '{print $1, $2 + $3}')" >>"$WORK/retro-times"
done
stop_prometheus
tool=$(awk '$1 == "tool" {print $2}' "$WORK/retro-times" | median)
floor=$(awk '$1 == "floor" {print $2}' "$WORK/retro-times" | median)
rss=$(awk '$1 == "tool" {print $3}' "$WORK/retro-times" | sort -g | tail -1)
tool_cpu=$(awk '$1 == "tool" {print $4}' "$WORK/retro-times" | median)
floor_cpu=$(awk '$1 == "floor" {print $4}' "$WORK/retro-times" | median)
printf '%-12s %8s %9s %9s %9s %8s %11s %11s %9s\n' mode queries tool_s floor_s own_s rss_mb tool_cpu_s floor_cpu_s own_cpu_s
printf '%-12s %8d %9.2f %9.2f %9.2f %8.0f %11.2f %11.2f %9.2f\n' retroactive "$queries" "$tool" "$floor" \
  "$(echo "$tool - $floor" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$tool_cpu" "$floor_cpu" \
  "$(echo "$tool_cpu - $floor_cpu" | bc -l)"

# ---- Live: two cycles 2 minutes apart (so that the window so far holds 60 s samples at the first tick): the
# first in a cold JVM, the second warm, as every later cycle of a 24-hour run. The dataset reaches 5 minutes
# per round (a 4-minute run and two floors) plus 10 past now, so that every round's instant queries find data
# at the present time (a fixed 15 minutes left the fourth and later rounds of ROUNDS=5 without data).
ahead=$((5 * ROUNDS + 10))
serve live "$(python3 -c 'import sys, datetime as d; t=d.datetime.now(d.timezone.utc).replace(second=0, microsecond=0) - d.timedelta(hours=24) + d.timedelta(minutes=int(sys.argv[1])); print(t.strftime("%Y-%m-%dT%H:%M:%SZ"))' "$ahead")"
: >"$WORK/live-times"
: >"$WORK/empty.log"
for round in $(seq 1 "$ROUNDS"); do
  /usr/bin/time -f '%M' -o "$WORK/rss" java "${TOOL_JVM_FLAGS[@]}" -jar "$JAR" --prometheus-url "$URL" \
    --duration 4m --interval 2m --scrape-interval 60s -vv -o "$WORK/live-$round" 2>"$WORK/live-$round.log" || true
  cold=$(sed -n 's/.*cycle 1 at [^ ]*: \([0-9.]*\) s.*/\1/p' "$WORK/live-$round.log")
  warm=$(sed -n 's/.*cycle 2 at [^ ]*: \([0-9.]*\) s.*/\1/p' "$WORK/live-$round.log")
  if [ -z "$cold" ] || [ -z "$warm" ]; then echo "slo.sh: the live run logged no two cycles:" >&2; tail -3 "$WORK/live-$round.log" >&2; exit 4; fi
  # The first cycle's queries (the second's are the same at a later time).
  sed -n '/ promql=/p; /cycle 1 at /q' "$WORK/live-$round.log" >"$WORK/live-queries.log"
  # The floor of one cycle alone: the floor JVM with the cycle's queries minus the same JVM with none.
  with=$(floor_s "$WORK/live-queries.log"); without=$(floor_s "$WORK/empty.log")
  echo "$cold $warm $(tail -1 "$WORK/rss") $(echo "$with - $without" | bc -l) $(grep -c ' promql=' "$WORK/live-queries.log")" \
    >>"$WORK/live-times"
done
stop_prometheus
cold=$(awk '{print $1}' "$WORK/live-times" | median)
warm=$(awk '{print $2}' "$WORK/live-times" | median)
rss=$(awk '{print $3}' "$WORK/live-times" | sort -g | tail -1)
floor=$(awk '{print $4}' "$WORK/live-times" | median)
queries=$(awk '{print $5}' "$WORK/live-times" | tail -1)
for which in cold warm; do
  [ "$which" = cold ] && t=$cold || t=$warm
  printf '%-12s %8d %9.2f %9.2f %9.2f %8.0f\n' "cycle $which" "$queries" "$t" "$floor" "$(echo "$t - $floor" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)"
done
echo "own_s = time beyond the query floor (aim: <= 0.5 s per cycle); rss_mb = peak RSS of the slo-monitor process"

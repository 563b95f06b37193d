#!/usr/bin/env bash
# kpi-collector against its peer: for 10 and 100 services over 24 hours (60 s samples), the
# collector's wall time (JVM start included) and peak memory beside the time curl takes to send
# the same queries one after another (the queries the collector logged with -v), as a ratio.
# Reported for the plain `java -jar` run and for the launcher kpi-collector/bin/kpi-collector (C1 JIT,
# serial GC). Aim: ratio <= 1.0. Usage: [INTERVAL=minutes] [ROUNDS=n] scripts/bench/kpi.sh [row...]
# A row is SERVICES or SERVICES:HOURS (default 24), e.g. `scripts/bench/kpi.sh 1000 100:168` for the
# 1,000 services x 24 h and 100 services x 7 days rows.
# (default: 10 100 services, 5-minute snapshots, i.e. 288 snapshot files per run; 3 rounds of curl, jar and
# launcher in turn, each figure the median of its rounds, so that one noisy run does not decide the ratio;
# rows of 1,000 services or more, or longer than 24 h, take one round: generating and backfilling them
# takes minutes and GBs of disk)
#
# Also timed in each round, as a floor: testkit's QueryFloor, a JVM started as the launcher starts one
# (same flags) that only sends the same queries through OkHttp, 4 at a time as
# the collector does, and parses the answers with Jackson. No options, configuration, KPIs or files:
# what the collector takes beyond the floor is its own work; where the floor itself is near curl, no
# JVM collector can be below curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then SERVICES=("$@"); else SERVICES=(10 100); fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kpi-bench.XXXXXX")
PROM_PID=""
cleanup() {
  if [ -n "$PROM_PID" ]; then
    kill "$PROM_PID" 2>/dev/null || true
    wait "$PROM_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java curl promtool prometheus /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "kpi.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }
done
JAR=kpi-collector/target/kpi-collector.jar
testkit_jar() { find testkit/target -maxdepth 1 -name 'testkit-*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' | head -1; }
if [ ! -f "$JAR" ] || [ -z "$(testkit_jar)" ]; then
  ./mvnw -B -q -ntp -pl kpi-collector,testkit -am package -DskipTests
fi
TESTKIT_JAR=$(testkit_jar)
. scripts/lib/jvm-flags.sh

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
ROUNDS=${ROUNDS:-3}

# Replays the logged queries with curl, sequentially; prints the seconds taken.
replay() {
  local log=$1 url=$2 t0 t1
  t0=$(now)
  while IFS= read -r line; do
    local q=${line#* promql=}
    case "$line" in
      *"query_range start="*)
        local rest=${line#*query_range start=}; local start=${rest%% *}
        rest=${line#* end=}; local end=${rest%% *}
        rest=${line#* step=}; local step=${rest%% *}
        curl -sf -o /dev/null "$url/api/v1/query_range" --data-urlencode "query=$q" \
          --data-urlencode "start=$start" --data-urlencode "end=$end" --data-urlencode "step=$step" ;;
      *"query time="*)
        local rest=${line#*query time=}; local time=${rest%% *}
        curl -sf -o /dev/null "$url/api/v1/query" --data-urlencode "query=$q" --data-urlencode "time=$time" ;;
    esac
  done < <(grep ' promql=' "$log")
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}

# The query floor (see above): floor URL QUERY_LOG
floor() {
  java "${TOOL_JVM_FLAGS[@]}" -cp "$JAR:$TESTKIT_JAR" dev.gaday.testkit.bench.QueryFloor "$1" "$2" >/dev/null \
    || { echo "kpi.sh: the query floor failed against $1" >&2; exit 4; }
}

echo "60 s step, snapshots every ${INTERVAL:-5} min; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); medians of $ROUNDS rounds (1 for big rows; peak RSS: the highest)"
printf '%-9s %5s %8s %8s %10s %8s %11s %10s %8s %9s %8s %7s\n' services hours queries curl_s java_jar_s rss_mb ratio launcher_s rss_mb ratio floor_s ratio
for row in "${SERVICES[@]}"; do
  n=${row%%:*} hours=24
  [ "$row" != "$n" ] && hours=${row#*:}
  rounds=$ROUNDS
  if [ "$n" -ge 1000 ] || [ "$hours" -gt 24 ]; then rounds=1; fi
  data=$WORK/data-$n tsdb=$WORK/tsdb-$n
  java -cp "$JAR:$TESTKIT_JAR" dev.gaday.testkit.dataset.GenerateDataset "$data" "$hours" 60 "$n" 2>/dev/null
  mkdir -p "$tsdb"
  for f in "$data"/*.om; do promtool tsdb create-blocks-from openmetrics "$f" "$tsdb" >/dev/null; done
  start=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["start"])' "$data/manifest.json")
  end=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["end"])' "$data/manifest.json")
  port=$(free_port)
  printf 'global:\n  scrape_interval: 1h\n' > "$WORK/prometheus.yml"
  prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$tsdb" \
    --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$port" >"$WORK/prometheus-$n.log" 2>&1 &
  PROM_PID=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.2; done
  url="http://127.0.0.1:$port"
  # curl and the floor wait for an answer as long as it takes; so does the collector here (on a loaded machine a
  # big row's query can take over the default 30 s, and a retry only adds the same query to Prometheus's load).
  args=(--prometheus-url "$url" --ga-start "$start" --ga-end "$end" --interval "${INTERVAL:-5}" --no-kubernetes -v
    --query-timeout 10m --retry-budget 30m)

  # Warm-up runs (the first also gives the query log), then the measured rounds of curl, the query
  # floor, `java -jar` and the launcher in turn: all run with a warm file cache.
  java -jar "$JAR" "${args[@]}" --output "$WORK/out-$n-warm" 2>"$WORK/queries-$n.log" || true
  KPI_COLLECTOR_JAR=$JAR kpi-collector/bin/kpi-collector "${args[@]}" --output "$WORK/out-$n-warm" 2>/dev/null || true
  floor "$url" "$WORK/queries-$n.log"
  queries=$(grep -c ' promql=' "$WORK/queries-$n.log")
  : >"$WORK/times-$n"
  for round in $(seq 1 "$rounds"); do
    echo "curl $(replay "$WORK/queries-$n.log" "$url") 0" >>"$WORK/times-$n"
    t0=$(now)
    floor "$url" "$WORK/queries-$n.log"
    echo "floor $(echo "$(now) - $t0" | bc -l) 0" >>"$WORK/times-$n"
    for how in jar launcher; do
      out=$WORK/out-$n-$how-$round
      cmd=(java -jar "$JAR"); [ "$how" = launcher ] && cmd=(env KPI_COLLECTOR_JAR="$JAR" kpi-collector/bin/kpi-collector)
      t0=$(now)
      /usr/bin/time -f '%M' -o "$WORK/rss-$n" "${cmd[@]}" "${args[@]}" --output "$out" 2>/dev/null || true
      t1=$(now)
      [ -f "$out/ga_kpi_summary.json" ] || { echo "kpi.sh: the collector ($how) wrote no summary for $n services" >&2; exit 4; }
      echo "$how $(echo "$t1 - $t0" | bc -l) $(tail -1 "$WORK/rss-$n")" >>"$WORK/times-$n"
    done
  done
  curl_s=$(awk '$1 == "curl" {print $2}' "$WORK/times-$n" | median)
  line=$(printf '%-9s %5s %8d %8.2f' "$n" "${hours}h" "$queries" "$curl_s")
  for how in jar launcher; do
    s_=$(awk -v h="$how" '$1 == h {print $2}' "$WORK/times-$n" | median)
    rss_mb=$(echo "$(awk -v h="$how" '$1 == h {print $3}' "$WORK/times-$n" | sort -g | tail -1) / 1024" | bc -l)
    line+=$(printf ' %10.2f %8.0f %10.2fx' "$s_" "$rss_mb" "$(echo "$s_ / $curl_s" | bc -l)")
  done
  floor_s=$(awk '$1 == "floor" {print $2}' "$WORK/times-$n" | median)
  line+=$(printf ' %8.2f %6.2fx' "$floor_s" "$(echo "$floor_s / $curl_s" | bc -l)")
  echo "$line"
  kill "$PROM_PID"; wait "$PROM_PID" 2>/dev/null || true; PROM_PID=""
  rm -rf "$data" "$tsdb"
done

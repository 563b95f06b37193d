#!/usr/bin/env bash
# ws-health benchmark: reconnect latency against a raw TCP connect + HTTP upgrade baseline,
# both against the same `ws-health serve` on loopback in the same run, and the peak memory
# of 1,000 parallel connections.
#
#   scripts/bench/ws.sh [ITERATIONS] [CONNECTIONS] [ROUNDS]      (defaults: 2000, 1000 and 3)
#
# The two latency measurements alternate, ROUNDS times, so that load from other processes on a
# shared machine hits both alike; the ratio reported is the median of the rounds' ratios.
# Both clocks start just before the previous connection is reset (no close frame) and stop when
# the 101 answer has been read; ws-health runs with --reconnect-initial-delay 0, so its backoff
# never sleeps.
#
# Aims: ws-health p50 reconnect latency <= 1.2x the baseline's p50; peak RSS < 512 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
ITERATIONS=${1:-2000}
CONNECTIONS=${2:-1000}
ROUNDS=${3:-3}
JAR=${JAR:-ws-health/target/ws-health.jar}
JAVA=${JAVA:-java}

if [[ ! -f $JAR ]]; then
    echo "building $JAR ..." >&2
    ./mvnw -B -q -ntp -pl ws-health -am package -DskipTests
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The server: ws-health's own rehearsal server, plain echo, on a free loopback port.
"$JAVA" -jar "$JAR" serve --port 0 --lost-connection-timeout 0 2>"$WORK/serve.log" &
SERVER_PID=$!
PORT=
for _ in $(seq 1 200); do
    PORT=$(sed -n 's#.*serving ws://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$WORK/serve.log")
    [[ -n $PORT ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 4; }
    sleep 0.05
done
[[ -n $PORT ]] || { echo "serve did not start" >&2; exit 4; }
echo "server: ws://127.0.0.1:$PORT/ws (ws-health serve, pid $SERVER_PID)"

# 1. Baseline: TCP connect + upgrade + reset, no WebSocket library, same server; and
# 2. ws-health: the same number of reconnects, no backoff delay, abrupt drops (no close handshake).
# A short untimed run first: the file cache is warm for the rounds.
WS_HEALTH_JAR="$JAR" ws-health/bin/ws-health -q --endpoint "ws://127.0.0.1:$PORT/ws" --iterations 20 --interval 0 \
    --reconnect-initial-delay 0 --disconnect-mode drop --output "$WORK/warm" >/dev/null

# Prints "p50 avg p99" (ms) of ITERATIONS timed reconnects by the ws-health command given.
latency() {
    "$@" -q --endpoint "ws://127.0.0.1:$PORT/ws" --iterations "$ITERATIONS" --interval 0 \
        --reconnect-initial-delay 0 --disconnect-mode drop --output "$WORK/latency" >/dev/null
    python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["latencyMs"]
print(m["p50"], m["avg"], m["p99"])' "$WORK/latency/ws_health_metrics.json"
}

# One line per round: baseline, launcher, java -jar, each "P50 AVG P99".
: >"$WORK/rounds.txt"
for _ in $(seq 1 "$ROUNDS"); do
    read -r BASE_P50 BASE_AVG BASE_P99 < <("$JAVA" scripts/bench/WsUpgradeBaseline.java 127.0.0.1 "$PORT" "$ITERATIONS")
    read -r WS_P50 WS_AVG WS_P99 < <(latency env WS_HEALTH_JAR="$JAR" ws-health/bin/ws-health)
    read -r JAR_P50 JAR_AVG JAR_P99 < <(latency "$JAVA" -jar "$JAR")
    echo "$BASE_P50 $BASE_AVG $BASE_P99 $WS_P50 $WS_AVG $WS_P99 $JAR_P50 $JAR_AVG $JAR_P99" >>"$WORK/rounds.txt"
done

# 3. Peak memory of CONNECTIONS parallel connections (two cycles each): prints "PEAK_KB OK TOTAL".
connections() {
    local peak=
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -v -o "$WORK/time.txt" "$@" -q --endpoint "ws://127.0.0.1:$PORT/ws" \
            --connections "$CONNECTIONS" --iterations 2 --interval 1s --disconnect-mode drop \
            --output "$WORK/connections" >/dev/null
        peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
    else
        "$@" -q --endpoint "ws://127.0.0.1:$PORT/ws" --connections "$CONNECTIONS" --iterations 2 \
            --interval 1s --disconnect-mode drop --output "$WORK/connections" >/dev/null &
        local pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo "$peak")
            sleep 0.1
        done
        wait "$pid"
    fi
    echo "$peak $(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(m["successful"], m["totalTests"])' "$WORK/connections/ws_health_metrics.json")"
}
read -r PEAK_KB CONN_OK CONN_TOTAL < <(connections env WS_HEALTH_JAR="$JAR" ws-health/bin/ws-health)
read -r JAR_PEAK_KB JAR_CONN_OK JAR_CONN_TOTAL < <(connections "$JAVA" -jar "$JAR")

python3 - "$ITERATIONS" "$WORK/rounds.txt" "$CONNECTIONS" "$PEAK_KB" "$CONN_OK" "$CONN_TOTAL" "$JAR_PEAK_KB" \
    "$JAR_CONN_OK" "$JAR_CONN_TOTAL" <<'PY'
import statistics, sys
n, rounds_file, conns, peak_kb, ok, total, jar_peak_kb, jar_ok, jar_total = sys.argv[1:]
rounds = [list(map(float, line.split())) for line in open(rounds_file) if line.strip()]
print(f"reconnects: {n} each, loopback, {len(rounds)} alternating rounds")
for i, (bp50, bavg, bp99, wp50, wavg, wp99, jp50, javg, jp99) in enumerate(rounds, 1):
    print(f"  round {i}: baseline (TCP connect + HTTP upgrade)  p50 {bp50:7.3f} ms  avg {bavg:7.3f} ms  p99 {bp99:7.3f} ms")
    print(f"           ws-health via bin/ws-health           p50 {wp50:7.3f} ms  avg {wavg:7.3f} ms  p99 {wp99:7.3f} ms"
          f"   p50 ratio {wp50 / bp50:.2f}x")
    print(f"           ws-health via java -jar               p50 {jp50:7.3f} ms  avg {javg:7.3f} ms  p99 {jp99:7.3f} ms"
          f"   p50 ratio {jp50 / bp50:.2f}x")
ratio = statistics.median(r[3] / r[0] for r in rounds)
avg_ratio = statistics.median(r[4] / r[1] for r in rounds)
jar_ratio = statistics.median(r[6] / r[0] for r in rounds)
print(f"  ratio ws-health / baseline (p50, median of rounds): {ratio:.2f}x  (aim <= 1.2x)  {'OK' if ratio <= 1.2 else 'ABOVE AIM'}"
      f"   [java -jar: {jar_ratio:.2f}x]")
print(f"  ratio ws-health / baseline (avg, median of rounds): {avg_ratio:.2f}x")
mb = int(peak_kb) / 1024
print(f"{conns} connections: {ok}/{total} reconnects succeeded; peak RSS {mb:.0f} MB  (aim < 512 MB)  "
      f"{'OK' if mb < 512 else 'ABOVE AIM'}   [java -jar: {jar_ok}/{jar_total}, {int(jar_peak_kb) / 1024:.0f} MB]")
PY

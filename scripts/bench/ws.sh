#!/usr/bin/env bash
# ws-health benchmark: reconnect latency against a raw TCP connect + HTTP upgrade baseline,
# both against the same `ws-health serve` on loopback in the same run, and the peak memory
# of 1,000 parallel connections.
#
#   scripts/bench/ws.sh [ITERATIONS] [CONNECTIONS]      (defaults: 2000 and 1000)
#
# Aims: ws-health p50 reconnect latency <= 1.2x the baseline's p50; peak RSS < 512 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
ITERATIONS=${1:-2000}
CONNECTIONS=${2:-1000}
JAR=ws-health/target/ws-health.jar
JAVA=${JAVA:-java}

if [[ ! -f $JAR ]]; then
    echo "building $JAR ..." >&2
    ./mvnw -B -q -o -pl ws-health -am package -DskipTests
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

# 1. Baseline: TCP connect + upgrade + reset, no WebSocket library, same JVM, same server.
read -r BASE_P50 BASE_AVG BASE_P99 < <("$JAVA" scripts/bench/WsUpgradeBaseline.java 127.0.0.1 "$PORT" "$ITERATIONS")

# 2. ws-health: the same number of reconnects, no backoff delay, abrupt drops (no close handshake).
"$JAVA" -jar "$JAR" -q --endpoint "ws://127.0.0.1:$PORT/ws" --iterations "$ITERATIONS" --interval 0 \
    --reconnect-initial-delay 0 --disconnect-mode drop --output "$WORK/latency.json" >/dev/null
read -r WS_P50 WS_AVG WS_P99 < <(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["latencyMs"]
print(m["p50"], m["avg"], m["p99"])' "$WORK/latency.json")

# 3. Peak memory of CONNECTIONS parallel connections (two cycles each).
PEAK_KB=
if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$WORK/time.txt" "$JAVA" -jar "$JAR" -q --endpoint "ws://127.0.0.1:$PORT/ws" \
        --connections "$CONNECTIONS" --iterations 2 --interval 1s --disconnect-mode drop \
        --output "$WORK/connections.json" >/dev/null
    PEAK_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
else
    "$JAVA" -jar "$JAR" -q --endpoint "ws://127.0.0.1:$PORT/ws" --connections "$CONNECTIONS" --iterations 2 \
        --interval 1s --disconnect-mode drop --output "$WORK/connections.json" >/dev/null &
    PID=$!
    while kill -0 "$PID" 2>/dev/null; do
        PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo "$PEAK_KB")
        sleep 0.1
    done
    wait "$PID"
fi
read -r CONN_OK CONN_TOTAL < <(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(m["successful"], m["totalTests"])' "$WORK/connections.json")

python3 - "$ITERATIONS" "$BASE_P50" "$BASE_AVG" "$BASE_P99" "$WS_P50" "$WS_AVG" "$WS_P99" "$CONNECTIONS" "$PEAK_KB" "$CONN_OK" "$CONN_TOTAL" <<'PY'
import sys
n, bp50, bavg, bp99, wp50, wavg, wp99, conns, peak_kb, ok, total = sys.argv[1:]
bp50, bavg, bp99, wp50, wavg, wp99 = map(float, (bp50, bavg, bp99, wp50, wavg, wp99))
print(f"reconnects: {n} each, loopback")
print(f"  baseline (TCP connect + HTTP upgrade)  p50 {bp50:8.3f} ms  avg {bavg:8.3f} ms  p99 {bp99:8.3f} ms")
print(f"  ws-health reconnect latency            p50 {wp50:8.3f} ms  avg {wavg:8.3f} ms  p99 {wp99:8.3f} ms")
ratio = wp50 / bp50
print(f"  ratio ws-health / baseline (p50): {ratio:.2f}x  (aim <= 1.2x)  {'OK' if ratio <= 1.2 else 'ABOVE AIM'}")
print(f"  ratio ws-health / baseline (avg): {wavg / bavg:.2f}x")
mb = int(peak_kb) / 1024
print(f"{conns} connections: {ok}/{total} reconnects succeeded; peak RSS {mb:.0f} MB  (aim < 512 MB)  {'OK' if mb < 512 else 'ABOVE AIM'}")
PY

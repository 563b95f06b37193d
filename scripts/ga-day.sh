#!/usr/bin/env bash
# The GA day, for a shell on the day and for CI alike (docs/ga-day.md).
#
#   ga-day.sh [--run-dir DIR] baseline --from T1 --to T2        drift-detector capture (the pre-GA baseline)
#   ga-day.sh [--run-dir DIR] start [--ga-start T] [--duration 24h] [--config FILE] [options]
#                                  kpi-collector, slo-monitor, drift-detector compare live in the background,
#                                  ws-health for its configured time, the GA validation scheduled at +6 h
#   ga-day.sh [--run-dir DIR] status [--markdown FILE]         one line per monitor (+ a Markdown block)
#   ga-day.sh [--run-dir DIR] wait [--status-every 1h]         until the day ends, a status every hour
#   ga-day.sh [--run-dir DIR] stop [--timeout 30]              SIGTERM to each monitor, waits for final files
#   ga-day.sh [--run-dir DIR] certify [--release FILE]         validate -> cert-package -> cert-package verify
#   ga-day.sh [--run-dir DIR] retro --ga-start T1 --ga-end T2  the whole day after the fact, then certify
#
# Everything lives in one run directory (default ./ga-day-run, or $GA_DAY_RUN_DIR): logs/, pids/, exit/ and
# one output directory per tool. The tools are run through their launchers: $GA_DAY_BIN/<tool> (the bin/ of
# an unpacked release) or <checkout>/<tool>/bin/<tool>. Secrets come only from the environment and are
# passed to the tools by variable name: PROMETHEUS_TOKEN, WS_TOKEN, SLACK_WEBHOOK_URL.
#
# Exit codes: those of the toolkit (docs/exit-codes.md): 0 pass/certified, 1 gate failed/not certified or a
# monitor died, 2 usage, 3 inconclusive, 4 runtime error.
set -euo pipefail

script_dir="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
run_dir="${GA_DAY_RUN_DIR:-ga-day-run}"
monitors=(kpi-collector slo-monitor drift-detector ws-health validation)

die() {
  local code=$1
  shift
  echo "ga-day: $*" >&2
  exit "$code"
}
say() { echo "ga-day: $*" >&2; }
# What a tool's exit code means (docs/exit-codes.md), for the progress lines.
exit_meaning() {
  case "$1" in
    0) echo "pass" ;;
    1) echo "a gate failed" ;;
    2) echo "usage error" ;;
    3) echo "inconclusive" ;;
    *) echo "runtime error" ;;
  esac
}

# ---------------------------------------------------------------- settings
# Defaults, then the --config file (KEY=VALUE lines, only the keys below), then the command line.
declare -A setting=(
  [PROMETHEUS_URL]="${PROMETHEUS_URL:-}"
  [DURATION]=24h
  [KPI_INTERVAL]=5m
  [SLO_INTERVAL]=1m
  [DRIFT_INTERVAL]=5m
  [SCRAPE_INTERVAL]=15s
  [VALIDATE_AFTER]=6h
  [WS_ENDPOINT]=""
  [WS_DURATION]=1h
  [WS_INTERVAL]=60s
  [WS_CONNECTIONS]=1
  [WS_ARGS]=""
  [SLOS]=""
  [DRIFT_CONFIG]=""
  [RELEASE]=""
  [ENVIRONMENT]=""
  [SIGN_KEY]=""
  [ALLOWED_SIGNERS]=""
)

load_config() {
  local file=$1 line key value n=0
  [ -f "$file" ] || die 2 "--config $file: no such file"
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line="${line%%#*}"
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -z "$line" ] && continue
    [[ "$line" == *=* ]] || die 2 "--config $file:$n: expected KEY=VALUE, got '$line'"
    key="${line%%=*}"
    value="${line#*=}"
    value="${value#\"}"
    value="${value%\"}"
    [[ -v "setting[$key]" ]] || die 2 "--config $file:$n: unknown key '$key' (known: ${!setting[*]})"
    setting[$key]=$value
  done <"$file"
}

# A toolkit duration (90s, 5m, 24h, 7d, 1h30m) in seconds.
seconds() {
  local text=$1 total=0 rest number unit
  rest=$text
  [[ "$rest" =~ ^([0-9]+[smhd])+$ ]] || die 2 "'$text' is not a duration (e.g. 90s, 5m, 24h, 1h30m)"
  while [[ "$rest" =~ ^([0-9]+)([smhd])(.*)$ ]]; do
    number=$((10#${BASH_REMATCH[1]}))
    unit=${BASH_REMATCH[2]}
    rest=${BASH_REMATCH[3]}
    case "$unit" in
      s) total=$((total + number)) ;;
      m) total=$((total + number * 60)) ;;
      h) total=$((total + number * 3600)) ;;
      d) total=$((total + number * 86400)) ;;
    esac
  done
  echo "$total"
}

# An RFC 3339 time, `now` or `now-24h` as epoch seconds.
epoch() {
  local text=$1
  if [ "$text" = now ]; then
    date -u +%s
  elif [[ "$text" =~ ^now-(.+)$ ]]; then
    echo $(($(date -u +%s) - $(seconds "${BASH_REMATCH[1]}")))
  else
    date -u -d "$text" +%s 2>/dev/null || die 2 "'$text' is not a time (RFC 3339, now, now-24h)"
  fi
}
rfc3339() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

# ---------------------------------------------------------------- tools
launcher() {
  local tool=$1 path
  if [ -n "${GA_DAY_BIN:-}" ]; then
    path="$GA_DAY_BIN/$tool"
  else
    path="$repo_root/$tool/bin/$tool"
    if [ ! -x "$path" ] && [ -x "$repo_root/scripts/lib/run-tool.sh" ] && [ -d "$repo_root/$tool" ]; then
      # A module without a bin/ launcher: the same run-tool.sh the others use, through a wrapper in the run.
      path="$run_dir/bin/$tool"
      mkdir -p "$run_dir/bin"
      printf '#!/usr/bin/env bash\nexec %q %q "$@"\n' "$repo_root/scripts/lib/run-tool.sh" "$tool" >"$path"
      chmod +x "$path"
    fi
  fi
  [ -x "$path" ] || die 4 "$tool: no launcher at $path (build: ./mvnw -B package -DskipTests, or set GA_DAY_BIN)"
  echo "$path"
}

# The Prometheus options every querying tool gets; the token by variable name, never by value.
prometheus_args=()
set_prometheus_args() {
  [ -n "${setting[PROMETHEUS_URL]}" ] || die 2 "no Prometheus: give --prometheus-url or set PROMETHEUS_URL"
  prometheus_args=(--prometheus-url "${setting[PROMETHEUS_URL]}")
  if [ -n "${PROMETHEUS_TOKEN:-}" ]; then
    prometheus_args+=(--bearer-token-env PROMETHEUS_TOKEN)
  fi
}

# ---------------------------------------------------------------- run directory and processes
pid_of() { cat "$run_dir/pids/$1.pid" 2>/dev/null || true; }
# Alive and not a zombie: an orphaned supervisor may wait unreaped where PID 1 does not reap (containers).
alive() {
  local pid stat
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  stat=$(ps -o stat= -p "$pid" 2>/dev/null || true)
  [[ "$stat" != Z* ]]
}

# Starts NAME (its command after it) in its own session under a small supervisor that records the exit
# code in exit/NAME.rc. pids/NAME.pid is the supervisor (the group leader: `stop` signals the group).
launch() {
  local name=$1
  shift
  rm -f "$run_dir/exit/$name.rc"
  # shellcheck disable=SC2016 # expanded by the supervisor's shell
  GA_DAY_RC="$run_dir/exit/$name.rc" setsid bash -c '
    trap "true" TERM
    "$@" &
    child=$!
    while :; do
      wait "$child"
      rc=$?
      kill -0 "$child" 2>/dev/null || break
    done
    echo "$rc" >"$GA_DAY_RC.tmp" && mv "$GA_DAY_RC.tmp" "$GA_DAY_RC"
  ' "ga-day-$name" "$@" </dev/null >>"$run_dir/logs/$name.log" 2>&1 &
  echo $! >"$run_dir/pids/$name.pid"
  say "started $name (pid $!, log $run_dir/logs/$name.log)"
}

final_file() {
  case "$1" in
    kpi-collector) echo "$run_dir/ga_kpis/ga_kpi_summary.json" ;;
    slo-monitor) echo "$run_dir/slo/slo_status.json" ;;
    drift-detector) echo "$run_dir/drift/drift_analysis.json" ;;
    ws-health) echo "$run_dir/ws_health/ws_health_metrics.json" ;;
    validation) echo "$run_dir/ga_validation_interim/validation_results.json" ;;
  esac
}
snapshot_glob() {
  case "$1" in
    kpi-collector) echo "$run_dir/ga_kpis/snapshot_*.json" ;;
    slo-monitor) echo "$run_dir/slo/slo_status_*.json" ;;
    drift-detector) echo "$run_dir/drift/drift_snapshot_*.json" ;;
    *) echo "" ;;
  esac
}

# The verdict a tool's JSON file states, whatever the tool calls it.
verdict_of() {
  jq -r '(.certification.status // .compliance.status // .verdict.status // .verdict // .status // .summary.status
          // (if .passed == true then "PASS" elif .passed == false then "FAIL" else empty end)
          // "-") | if type == "string" then . else tostring end' "$1" 2>/dev/null || echo "unreadable"
}
partial_of() {
  jq -r 'if (.partial == true) or (.complete == false) or (.interrupted == true) then " (partial)" else "" end' \
    "$1" 2>/dev/null || true
}

# One monitor's state: "not started", "running", "finished exit N", "stopped exit N", "DIED ...".
state_of() {
  local name=$1 rc final
  [ -f "$run_dir/pids/$name.pid" ] || { echo "not started"; return; }
  if alive "$name"; then
    echo "running"
    return
  fi
  final=$(final_file "$name")
  if [ ! -f "$run_dir/exit/$name.rc" ]; then
    echo "DIED (no exit code recorded)"
    return
  fi
  rc=$(cat "$run_dir/exit/$name.rc")
  if [ -s "$final" ] && { [ "$rc" -le 1 ] || [ "$rc" -eq 3 ] || [ "$rc" -eq 143 ]; }; then
    if [ -f "$run_dir/exit/$name.stopped" ]; then echo "stopped exit $rc"; else echo "finished exit $rc"; fi
  else
    echo "DIED exit $rc, no $(basename "$final")"
  fi
}

monitor_line() {
  local name=$1 state glob newest="" last="-" verdict="-" final
  state=$(state_of "$name")
  glob=$(snapshot_glob "$name")
  final=$(final_file "$name")
  if [ -n "$glob" ]; then
    newest=$(find "$(dirname "$glob")" -maxdepth 1 -name "$(basename "$glob")" -printf '%T@ %p\n' 2>/dev/null \
      | sort -n | tail -1 | cut -d' ' -f2-)
  fi
  if [ -s "$final" ]; then
    last=$(date -u -r "$final" +%Y-%m-%dT%H:%M:%SZ)
    verdict="$(verdict_of "$final")$(partial_of "$final")"
  elif [ -n "$newest" ]; then
    last=$(date -u -r "$newest" +%Y-%m-%dT%H:%M:%SZ)
    verdict="$(verdict_of "$newest") (so far)"
  fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$state" "$last" "$verdict"
}

require_run() {
  [ -f "$run_dir/run.env" ] || die 2 "no GA day in $run_dir (run 'ga-day.sh start' or 'retro' first)"
  # shellcheck disable=SC1091 # written by this script: GA_START, GA_END, PROMETHEUS_URL, ...
  . "$run_dir/run.env"
  setting[PROMETHEUS_URL]=${PROMETHEUS_URL:-${setting[PROMETHEUS_URL]}}
}

write_run_env() {
  local start=$1 end=$2 mode=$3
  {
    printf 'GA_START=%q\n' "$start"
    printf 'GA_END=%q\n' "$end"
    printf 'GA_MODE=%q\n' "$mode"
    printf 'PROMETHEUS_URL=%q\n' "${setting[PROMETHEUS_URL]}"
    printf 'RELEASE_FILE=%q\n' "${setting[RELEASE]}"
    printf 'GA_ENVIRONMENT=%q\n' "${setting[ENVIRONMENT]}"
    printf 'SIGN_KEY_FILE=%q\n' "${setting[SIGN_KEY]}"
    printf 'ALLOWED_SIGNERS_FILE=%q\n' "${setting[ALLOWED_SIGNERS]}"
  } >"$run_dir/run.env"
}

prepare_run_dir() {
  mkdir -p "$run_dir/logs" "$run_dir/pids" "$run_dir/exit"
  run_dir="$(cd "$run_dir" && pwd)"
}

# ---------------------------------------------------------------- option parsing shared by the commands
ga_start=""
ga_end=""
base_from=""
base_to=""
markdown=""
stop_timeout=30
status_every=1h
wait_grace=300
parse_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --config) load_config "${2:?--config needs a file}"; shift ;;
      --ga-start | --from-start) ga_start=${2:?$1 needs a time}; shift ;;
      --ga-end) ga_end=${2:?$1 needs a time}; shift ;;
      --from) base_from=${2:?--from needs a time}; shift ;;
      --to) base_to=${2:?--to needs a time}; shift ;;
      --baseline-from) base_from=${2:?$1 needs a time}; shift ;;
      --baseline-to) base_to=${2:?$1 needs a time}; shift ;;
      --duration) setting[DURATION]=${2:?--duration needs a duration}; shift ;;
      --prometheus-url) setting[PROMETHEUS_URL]=${2:?$1 needs a URL}; shift ;;
      --kpi-interval) setting[KPI_INTERVAL]=${2:?$1 needs a duration}; shift ;;
      --slo-interval) setting[SLO_INTERVAL]=${2:?$1 needs a duration}; shift ;;
      --drift-interval) setting[DRIFT_INTERVAL]=${2:?$1 needs a duration}; shift ;;
      --scrape-interval) setting[SCRAPE_INTERVAL]=${2:?$1 needs a duration}; shift ;;
      --validate-after) setting[VALIDATE_AFTER]=${2:?$1 needs a duration}; shift ;;
      --ws-endpoint) setting[WS_ENDPOINT]=${2:?$1 needs a URL}; shift ;;
      --ws-duration) setting[WS_DURATION]=${2:?$1 needs a duration}; shift ;;
      --ws-interval) setting[WS_INTERVAL]=${2:?$1 needs a duration}; shift ;;
      --slos) setting[SLOS]=${2:?--slos needs a file}; shift ;;
      --drift-config) setting[DRIFT_CONFIG]=${2:?$1 needs a file}; shift ;;
      --release) setting[RELEASE]=${2:?--release needs a file}; shift ;;
      --environment) setting[ENVIRONMENT]=${2:?$1 needs a name}; shift ;;
      --sign-key) setting[SIGN_KEY]=${2:?$1 needs a file}; shift ;;
      --allowed-signers) setting[ALLOWED_SIGNERS]=${2:?$1 needs a file}; shift ;;
      --markdown) markdown=${2:?--markdown needs a file}; shift ;;
      --status-every) status_every=${2:?$1 needs a duration}; shift ;;
      --grace) wait_grace=$(seconds "${2:?--grace needs a duration}"); shift ;;
      --timeout) stop_timeout=$(seconds "${2:?--timeout needs a duration}"); shift ;;
      *) die 2 "unknown option '$1' (see the head of $0)" ;;
    esac
    shift
  done
}

# ---------------------------------------------------------------- commands
cmd_baseline() {
  if [ -z "$base_from" ] || [ -z "$base_to" ]; then die 2 "baseline needs --from T1 --to T2"; fi
  set_prometheus_args
  prepare_run_dir
  local args=(capture "${prometheus_args[@]}" --from "$base_from" --to "$base_to" -o "$run_dir/drift_baseline")
  [ -n "${setting[DRIFT_CONFIG]}" ] && args+=(--config "${setting[DRIFT_CONFIG]}")
  say "baseline: drift-detector capture $base_from .. $base_to"
  "$(launcher drift-detector)" "${args[@]}" 2>&1 | tee -a "$run_dir/logs/baseline.log"
  return "${PIPESTATUS[0]}"
}

cmd_start() {
  set_prometheus_args
  prepare_run_dir
  local name running=()
  for name in "${monitors[@]}"; do
    if alive "$name"; then running+=("$name"); fi
  done
  [ ${#running[@]} -eq 0 ] || die 2 "a GA day is already running in $run_dir (${running[*]}); 'stop' it first"
  local duration start now end validate_after
  duration=$(seconds "${setting[DURATION]}")
  validate_after=$(seconds "${setting[VALIDATE_AFTER]}")
  now=$(date -u +%s)
  start=$now
  if [ -n "$ga_start" ] && [ "$ga_start" != now ]; then
    start=$(epoch "$ga_start")
    if [ "$start" -gt "$now" ]; then
      say "waiting until the GA start $(rfc3339 "$start")"
      sleep $((start - now))
    elif [ $((now - start)) -gt 120 ]; then
      die 2 "--ga-start $ga_start lies in the past: a live day starts now (use 'retro' for a past window)"
    fi
    start=$(date -u +%s)
  fi
  end=$((start + duration))
  # A new day: the previous day's outputs go, its logs are kept beside the new ones.
  rm -rf "$run_dir/ga_kpis" "$run_dir/slo" "$run_dir/drift" "$run_dir/ws_health" "$run_dir/ga_validation_interim" \
    "$run_dir/ga_validation" "$run_dir/ga_certification" "$run_dir"/exit/* "$run_dir/verdict.env"
  mkdir -p "$run_dir/ws_health"
  write_run_env "$(rfc3339 "$start")" "$(rfc3339 "$end")" live
  say "GA day $(rfc3339 "$start") .. $(rfc3339 "$end") in $run_dir"

  launch kpi-collector "$(launcher kpi-collector)" "${prometheus_args[@]}" --duration "${setting[DURATION]}" \
    --interval "${setting[KPI_INTERVAL]}" --no-kubernetes --output "$run_dir/ga_kpis"

  local slo=("$(launcher slo-monitor)" "${prometheus_args[@]}" --duration "${setting[DURATION]}"
    --interval "${setting[SLO_INTERVAL]}" --scrape-interval "${setting[SCRAPE_INTERVAL]}" -o "$run_dir/slo")
  [ -n "${setting[SLOS]}" ] && slo+=(--slos "${setting[SLOS]}")
  [ -n "${SLACK_WEBHOOK_URL:-}" ] && slo+=(--slack-webhook-env SLACK_WEBHOOK_URL)
  launch slo-monitor "${slo[@]}"

  if [ -s "$run_dir/drift_baseline/baseline_metrics.json" ]; then
    local drift=("$(launcher drift-detector)" compare "${prometheus_args[@]}"
      --baseline "$run_dir/drift_baseline/baseline_metrics.json" --duration "${setting[DURATION]}"
      --interval "${setting[DRIFT_INTERVAL]}" -o "$run_dir/drift")
    [ -n "${setting[DRIFT_CONFIG]}" ] && drift+=(--config "${setting[DRIFT_CONFIG]}")
    launch drift-detector "${drift[@]}"
  else
    say "drift-detector not started: no baseline (run 'ga-day.sh baseline --from T1 --to T2' before 'start')"
  fi

  if [ -n "${setting[WS_ENDPOINT]}" ]; then
    local ws=("$(launcher ws-health)" --endpoint "${setting[WS_ENDPOINT]}" --duration "${setting[WS_DURATION]}"
      --interval "${setting[WS_INTERVAL]}" --connections "${setting[WS_CONNECTIONS]}" --output "$run_dir/ws_health")
    [ -n "${WS_TOKEN:-}" ] && ws+=(--bearer-token-env WS_TOKEN)
    # shellcheck disable=SC2206 # WS_ARGS is a list of extra options
    [ -n "${setting[WS_ARGS]}" ] && ws+=(${setting[WS_ARGS]})
    launch ws-health "${ws[@]}"
  else
    say "ws-health not started: no WebSocket endpoint (--ws-endpoint or WS_ENDPOINT in --config)"
  fi

  # The GA validation over the first VALIDATE_AFTER of the day, run when that time has come.
  if [ "$validate_after" -le "$duration" ]; then
    local at=$((start + validate_after))
    # shellcheck disable=SC2016 # expanded by the scheduler's shell
    launch validation bash -c '
      at=$1; shift
      while [ "$(date -u +%s)" -lt "$at" ]; do sleep 1; done
      exec "$@"' validation "$at" "$(launcher kpi-collector)" validate "${prometheus_args[@]}" \
      --ga-start "$(rfc3339 "$start")" --ga-end "$(rfc3339 "$at")" --ga-mode --inputs "$run_dir/ws_health" \
      --inputs "$run_dir/slo" --inputs "$run_dir/drift" --output "$run_dir/ga_validation_interim"
    say "GA validation scheduled at $(rfc3339 "$at")"
  fi
  sleep 1
  local died=0
  for name in "${monitors[@]}"; do
    if [ -f "$run_dir/pids/$name.pid" ] && ! alive "$name"; then
      case "$(state_of "$name")" in DIED*) say "$name died at once: $(tail -3 "$run_dir/logs/$name.log")"; died=1 ;; esac
    fi
  done
  return "$died"
}

cmd_status() {
  [ -d "$run_dir/pids" ] || die 2 "no GA day in $run_dir"
  local lines name dead=0
  lines=$(for name in "${monitors[@]}"; do [ -f "$run_dir/pids/$name.pid" ] && monitor_line "$name"; done || true)
  [ -n "$lines" ] || die 2 "no monitor was started in $run_dir"
  # shellcheck disable=SC1091
  [ -f "$run_dir/run.env" ] && . "$run_dir/run.env"
  echo "GA day ${GA_START:-?} .. ${GA_END:-?} ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  while IFS=$'\t' read -r name state last verdict; do
    printf '%-15s %-32s last %-20s verdict %s\n' "$name" "$state" "$last" "$verdict"
    [[ "$state" == DIED* ]] && dead=1
  done <<<"$lines"
  local target=${markdown:-${GITHUB_STEP_SUMMARY:-}}
  if [ -n "$target" ]; then
    {
      echo "### GA day status $(date -u +%H:%M:%SZ)"
      echo
      echo "Window ${GA_START:-?} .. ${GA_END:-?}"
      echo
      echo "| Monitor | State | Last file | Verdict |"
      echo "|---|---|---|---|"
      while IFS=$'\t' read -r name state last verdict; do
        echo "| \`$name\` | $state | $last | $verdict |"
      done <<<"$lines"
      echo
    } >>"$target"
  fi
  return "$dead"
}

# Waits for the day to end (every monitor ended, or GA_END + the grace period passed), a status every
# --status-every (default 1h; into the job summary in CI). Then `stop` collects what is left.
cmd_wait() {
  require_run
  local every end next now name running
  every=$(seconds "$status_every")
  end=$(epoch "$GA_END")
  next=$(($(date -u +%s) + every))
  while :; do
    running=0
    for name in "${monitors[@]}"; do alive "$name" && running=1; done
    now=$(date -u +%s)
    [ "$running" -eq 0 ] && break
    [ "$now" -ge $((end + wait_grace)) ] && { say "the day ended $((now - end))s ago and monitors still run"; break; }
    if [ "$now" -ge "$next" ]; then
      cmd_status || true
      next=$((next + every))
    fi
    sleep 1
  done
  cmd_status
}

cmd_stop() {
  [ -d "$run_dir/pids" ] || { echo "ga-day: no GA day in $run_dir: nothing to stop"; return 0; }
  local name pid signalled=() waited=0 rc=0
  for name in "${monitors[@]}"; do
    if alive "$name"; then
      pid=$(pid_of "$name")
      touch "$run_dir/exit/$name.stopped"
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      signalled+=("$name")
    fi
  done
  if [ ${#signalled[@]} -eq 0 ]; then
    echo "ga-day: no monitor is running in $run_dir"
  else
    echo "ga-day: SIGTERM sent to ${signalled[*]}; waiting up to ${stop_timeout}s for their final files"
  fi
  while [ "$waited" -lt $((stop_timeout * 4)) ]; do
    local left=0
    for name in "${signalled[@]}"; do alive "$name" && left=1; done
    [ "$left" -eq 0 ] && break
    sleep 0.25
    waited=$((waited + 1))
  done
  for name in "${signalled[@]}"; do
    if alive "$name"; then
      pid=$(pid_of "$name")
      kill -KILL -- "-$pid" 2>/dev/null || true
      say "$name did not end within ${stop_timeout}s: killed"
      rc=1
    fi
  done
  for name in "${monitors[@]}"; do
    [ -f "$run_dir/pids/$name.pid" ] || continue
    local state final
    state=$(state_of "$name")
    final=$(final_file "$name")
    if [ -s "$final" ]; then
      printf 'ga-day: %-15s %s, left %s (%s%s)\n' "$name" "$state" "${final#"$run_dir"/}" \
        "$(verdict_of "$final")" "$(partial_of "$final")"
    else
      printf 'ga-day: %-15s %s, left no final file\n' "$name" "$state"
    fi
    [[ "$state" == DIED* ]] && rc=1
  done
  return "$rc"
}

# The failed criteria of every tool's file, one per line: "tool: name: detail".
failed_criteria() {
  local f jq_round='def r: if type == "number" then (. * 1000 | round / 1000) else . end; '

  f="$run_dir/ga_kpis/ga_kpi_summary.json"
  [ -s "$f" ] && jq -r "$jq_round"'.certification.criteria[]? | select(.status == "FAIL")
      | "kpi-collector: \(.name): \(.value // "no value" | r) (threshold \(.comparator // "") \(.threshold // ""))"' "$f"
  f="$run_dir/slo/slo_status.json"
  [ -s "$f" ] && jq -r '.slos[]? | select(.verdict == "FAIL" or .status == "FAIL" or .state == "PAGE"
      or .state == "BUDGET_EXHAUSTED") | "slo-monitor: \(.name): \(.state // .status)"' "$f"
  f="$run_dir/drift/drift_analysis.json"
  [ -s "$f" ] && jq -r "$jq_round"'.drifts[]? | select(.severity == "critical" or (.critical == true and .drifted == true))
      | "drift-detector: \(.metric) [\(.service // "")]: \(.classification), \(if .changePercent == null then "rose from zero" else "\(if .changePercent > 0 then "+" else "" end)\(.changePercent * 10 | round / 10) %" end) (\(.severity))"' "$f"
  f="$run_dir/ws_health/ws_health_metrics.json"
  [ -s "$f" ] && jq -r '.. | objects | select(has("status") and has("name") and .status == "FAIL")
      | "ws-health: \(.name): \(.value // "")"' "$f"
  f="$run_dir/ga_validation/validation_results.json"
  [ -s "$f" ] && jq -r "$jq_round"'.cases[]? | select(.status == "failed" and .severity == "critical")
      | "validation: \(.name): observed \(.observed // "none" | r) (threshold \(.comparator // "") \(.threshold // ""))"' "$f"
  return 0
}

cmd_certify() {
  require_run
  set_prometheus_args
  local name
  for name in "${monitors[@]}"; do
    alive "$name" && die 2 "$name is still running: 'ga-day.sh stop' first (or wait for the day's end)"
  done
  local release=${setting[RELEASE]:-${RELEASE_FILE:-}}
  if [ -z "$release" ] && [ -f "$repo_root/templates/release.example.yaml" ] && [ -z "${GA_DAY_BIN:-}" ]; then
    release="$repo_root/templates/release.example.yaml"
  fi
  local inputs=() dir
  for dir in ga_kpis ws_health slo drift; do
    [ -d "$run_dir/$dir" ] && inputs+=(--inputs "$run_dir/$dir")
  done

  say "certify 1/3: kpi-collector validate over $GA_START .. $GA_END"
  local validate=0
  "$(launcher kpi-collector)" validate "${prometheus_args[@]}" --ga-start "$GA_START" --ga-end "$GA_END" --ga-mode \
    "${inputs[@]}" --output "$run_dir/ga_validation" >"$run_dir/logs/validate.out" 2>>"$run_dir/logs/validate.log" \
    || validate=$?
  # Its stdout is the summary: the headline and every check that did not pass, the critical ones first.
  cat "$run_dir/logs/validate.out" >&2
  [ "$validate" -le 3 ] || die "$validate" "kpi-collector validate failed (exit $validate): see $run_dir/logs/validate.log"
  inputs+=(--inputs "$run_dir/ga_validation")

  say "certify 2/3: cert-package"
  local cert=0 args=("${inputs[@]}" --output-dir "$run_dir/ga_certification" --include-artifacts)
  local sign_key=${setting[SIGN_KEY]:-${SIGN_KEY_FILE:-}} allowed_signers=${setting[ALLOWED_SIGNERS]:-${ALLOWED_SIGNERS_FILE:-}}
  [ -n "$release" ] && args+=(--release "$release")
  [ -n "$sign_key" ] && args+=(--sign-key "$sign_key")
  rm -rf "$run_dir/ga_certification"
  SOURCE_DATE_EPOCH=$(epoch "$GA_END") "$(launcher cert-package)" "${args[@]}" \
    2> >(tee -a "$run_dir/logs/cert-package.log" >&2) | tee "$run_dir/logs/cert-package.out" || cert=${PIPESTATUS[0]}
  [ "$cert" -le 3 ] || die "$cert" "cert-package failed (exit $cert): see $run_dir/logs/cert-package.log"

  say "certify 3/3: cert-package verify"
  local package="$run_dir/ga_certification/ga_certification_package.tar.gz" verify=(verify)
  [ -n "$allowed_signers" ] && verify+=(--allowed-signers "$allowed_signers")
  "$(launcher cert-package)" "${verify[@]}" "$package" || die 4 "cert-package verify failed on $package"

  local verdict failed
  case "$cert" in
    0) verdict="CERTIFIED" ;;
    1) verdict="NOT CERTIFIED" ;;
    *) verdict="INCONCLUSIVE" ;;
  esac
  failed=$(failed_criteria)
  {
    printf 'VERDICT=%q\n' "$verdict"
    printf 'EXIT_CODE=%q\n' "$cert"
    printf 'PACKAGE=%q\n' "$package"
    if [ -n "$sign_key" ]; then printf 'SIGNATURE=%q\n' "$package.sig"; fi
  } >"$run_dir/verdict.env"
  printf '%s\n' "$failed" >"$run_dir/failed_criteria.txt"
  echo "GA day $GA_START .. $GA_END: $verdict"
  if [ -n "$failed" ]; then
    echo "failed criteria:"
    while IFS= read -r line; do
      echo "  $line"
      if [ "${GITHUB_ACTIONS:-}" = true ]; then
        # An annotation per failed criterion; % and newlines escaped as the runner expects.
        line=${line//'%'/'%25'}
        echo "::error title=GA day: $verdict::$line"
      fi
    done <<<"$failed"
  fi
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    {
      echo "## GA day: $verdict"
      echo
      echo "Window $GA_START .. $GA_END"
      echo
      if [ -n "$failed" ]; then while IFS= read -r line; do echo "- $line"; done <<<"$failed"; fi
      echo
    } >>"$GITHUB_STEP_SUMMARY"
  fi
  return "$cert"
}

cmd_retro() {
  if [ -z "$ga_start" ] || [ -z "$ga_end" ]; then die 2 "retro needs --ga-start T1 --ga-end T2"; fi
  set_prometheus_args
  prepare_run_dir
  local name
  for name in "${monitors[@]}"; do
    alive "$name" && die 2 "a live GA day is running in $run_dir ($name): 'stop' it first"
  done
  local start end
  start=$(rfc3339 "$(epoch "$ga_start")")
  end=$(rfc3339 "$(epoch "$ga_end")")
  rm -rf "$run_dir/ga_kpis" "$run_dir/slo" "$run_dir/drift" "$run_dir/ga_validation_interim" \
    "$run_dir/ga_validation" "$run_dir/ga_certification" "$run_dir"/pids/* "$run_dir"/exit/* "$run_dir/verdict.env"
  mkdir -p "$run_dir/ws_health"
  write_run_env "$start" "$end" retroactive
  say "retroactive GA day $start .. $end in $run_dir"
  local rc

  say "retro 1/4: kpi-collector"
  rc=0
  "$(launcher kpi-collector)" "${prometheus_args[@]}" --ga-start "$start" --ga-end "$end" \
    --interval "${setting[KPI_INTERVAL]}" --no-kubernetes --output "$run_dir/ga_kpis" \
    >>"$run_dir/logs/kpi-collector.log" 2>&1 || rc=$?
  say "kpi-collector exit $rc ($(exit_meaning "$rc"))"
  [ "$rc" -le 3 ] || die "$rc" "kpi-collector failed: $(tail -1 "$run_dir/logs/kpi-collector.log")"

  say "retro 2/4: slo-monitor"
  rc=0
  local slo=("$(launcher slo-monitor)" "${prometheus_args[@]}" --ga-start "$start" --ga-end "$end"
    --scrape-interval "${setting[SCRAPE_INTERVAL]}" -o "$run_dir/slo")
  [ -n "${setting[SLOS]}" ] && slo+=(--slos "${setting[SLOS]}")
  "${slo[@]}" >>"$run_dir/logs/slo-monitor.log" 2>&1 || rc=$?
  say "slo-monitor exit $rc ($(exit_meaning "$rc"))"
  [ "$rc" -le 3 ] || die "$rc" "slo-monitor failed: $(tail -1 "$run_dir/logs/slo-monitor.log")"

  say "retro 3/4: drift-detector"
  if [ -n "$base_from" ] && [ -n "$base_to" ]; then
    cmd_baseline >/dev/null || die 4 "drift-detector capture failed: see $run_dir/logs/baseline.log"
  fi
  if [ -s "$run_dir/drift_baseline/baseline_metrics.json" ]; then
    rc=0
    "$(launcher drift-detector)" compare "${prometheus_args[@]}" \
      --baseline "$run_dir/drift_baseline/baseline_metrics.json" --from "$start" --to "$end" -o "$run_dir/drift" \
      >>"$run_dir/logs/drift-detector.log" 2>&1 || rc=$?
    say "drift-detector exit $rc ($(exit_meaning "$rc"))"
    [ "$rc" -le 3 ] || die "$rc" "drift-detector failed: $(tail -1 "$run_dir/logs/drift-detector.log")"
  else
    say "drift-detector skipped: no baseline (--baseline-from T1 --baseline-to T2, or 'ga-day.sh baseline')"
  fi

  say "retro 4/4: ws-health"
  if [ -n "${setting[WS_ENDPOINT]}" ]; then
    rc=0
    local ws=("$(launcher ws-health)" --endpoint "${setting[WS_ENDPOINT]}" --duration "${setting[WS_DURATION]}"
      --interval "${setting[WS_INTERVAL]}" --connections "${setting[WS_CONNECTIONS]}" --output "$run_dir/ws_health")
    [ -n "${WS_TOKEN:-}" ] && ws+=(--bearer-token-env WS_TOKEN)
    # shellcheck disable=SC2206 # WS_ARGS is a list of extra options
    [ -n "${setting[WS_ARGS]}" ] && ws+=(${setting[WS_ARGS]})
    "${ws[@]}" >>"$run_dir/logs/ws-health.log" 2>&1 || rc=$?
    say "ws-health exit $rc ($(exit_meaning "$rc"))"
    [ "$rc" -le 3 ] || die "$rc" "ws-health failed: $(tail -1 "$run_dir/logs/ws-health.log")"
  elif [ -s "$run_dir/ws_health/ws_health_metrics.json" ]; then
    say "ws-health: using the run's ws_health_metrics.json"
  else
    say "ws-health skipped: no WebSocket endpoint (a WebSocket check cannot be replayed after the fact)"
  fi
  cmd_certify
}

# ---------------------------------------------------------------- main
while [ $# -gt 0 ]; do
  case "$1" in
    --run-dir) run_dir=${2:?--run-dir needs a directory}; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || die 2 "missing command: baseline | start | status | wait | stop | certify | retro (--help)"
command=$1
shift
parse_options "$@"
case "$command" in
  baseline) cmd_baseline ;;
  start) cmd_start ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  stop) cmd_stop ;;
  certify) cmd_certify ;;
  retro) cmd_retro ;;
  *) die 2 "unknown command '$command': baseline | start | status | wait | stop | certify | retro" ;;
esac

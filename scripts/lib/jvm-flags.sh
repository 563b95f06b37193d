# shellcheck shell=bash
# The JVM flags of the tools' launchers (scripts/lib/run-tool.sh), also used by scripts/bench/kpi.sh for
# its query floor so that both start the same JVM: C1 JIT only, on one compiler thread, serial GC, no
# perf-data file.
# shellcheck disable=SC2034 # used by the scripts that source this file
TOOL_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData)

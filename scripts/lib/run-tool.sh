#!/usr/bin/env bash
# The tools' launchers (<tool>/bin/<tool>) all run this: TOOL's jar with JVM flags suited to a short
# command-line run (scripts/lib/jvm-flags.sh: C1 JIT on one compiler thread, so that a second one or
# C2 does not compete with the run on a small machine; serial GC). Same arguments, output and exit
# codes as `java -jar`. TOOL_NAME_JAR (e.g. KPI_COLLECTOR_JAR) overrides the jar; JAVA_OPTS adds JVM
# options. When the build left a class-data archive beside the jar (TOOL.jsa: cert-package's, made by
# scripts/lib/class-archive.sh), the JVM maps it instead of parsing and verifying those classes again; a
# stale or foreign one is ignored without a word. The launcher only reads it: a run writes nothing there.
# Usage: run-tool.sh TOOL [ARGS...]
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "run-tool.sh: usage: run-tool.sh TOOL [ARGS...] (TOOL: kpi-collector, ws-health, drift-detector, slo-monitor, cert-package)" >&2
  exit 2
fi
tool="$1"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
override="$(echo "$tool" | tr 'a-z-' 'A-Z_')_JAR"
jar="${!override:-$root/$tool/target/$tool.jar}"
if [ ! -f "$jar" ]; then
  echo "$tool: $jar not found; build it: ./mvnw -B -pl $tool -am package -DskipTests" >&2
  exit 4
fi
# shellcheck source=scripts/lib/jvm-flags.sh
. "$root/scripts/lib/jvm-flags.sh"
class_archive_flags "$jar"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java "${TOOL_JVM_FLAGS[@]}" "${CLASS_ARCHIVE_FLAGS[@]}" ${JAVA_OPTS:-} -jar "$jar" "$@"

#!/usr/bin/env bash
# The tools' launchers (kpi-collector/bin/kpi-collector, cert-package/bin/cert-package,
# ws-health/bin/ws-health) all run this: TOOL's jar with JVM flags suited to the toolkit's runs.
# C1 JIT only, on one compiler thread (on a small machine a second one, or C2, competes with the
# run itself), serial GC, and an AppCDS archive of the classes a run loads (JDK 17: made by the
# first run that is not --help or --version, beside the jar, and remade when the jar is newer). Same arguments, output and exit
# codes as `java -jar`. TOOL_NAME_JAR (e.g. KPI_COLLECTOR_JAR) overrides the jar; JAVA_OPTS adds
# JVM options.
# Usage: run-tool.sh TOOL [ARGS...]
set -euo pipefail
tool="$1"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
override="$(echo "$tool" | tr 'a-z-' 'A-Z_')_JAR"
jar="${!override:-$root/$tool/target/$tool.jar}"
if [ ! -f "$jar" ]; then
  echo "$tool: $jar not found; build it: ./mvnw -B -pl $tool -am package -DskipTests" >&2
  exit 4
fi
archive="${jar%.jar}.jsa"
# shellcheck source=jvm-flags.sh
. "$root/scripts/lib/jvm-flags.sh"
flags=("${TOOL_JVM_FLAGS[@]}")
# A help or version run loads a tenth of a real run's classes: it must not be the run that makes
# the archive, which is kept until the jar changes.
informational=false
for arg in "$@"; do
  case "$arg" in -h | --help | -V | --version) informational=true ;; esac
done
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  flags+=(-XX:SharedArchiveFile="$archive")
elif [ "$informational" = false ] && [ -w "$(dirname "$jar")" ]; then
  flags+=(-XX:ArchiveClassesAtExit="$archive")
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java "${flags[@]}" ${JAVA_OPTS:-} -jar "$jar" "$@"

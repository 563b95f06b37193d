#!/usr/bin/env bash
# Build step (cert-package's `package` phase): makes TOOL.jsa beside TOOL.jar, a class-data (AppCDS) archive
# of the classes one representative run loads, parsed and verified once here instead of on every run.
# scripts/lib/run-tool.sh reads it; a user's run never writes it. The JVM uses it only with the same JDK
# build and the very jar it was made from (same path, size and time; a rebuilt or moved jar, or another
# JDK, silently runs without it), so it is made with the `java` the launchers run (JAVA_CMD, default `java`
# on the PATH) and the launchers' flags. The release archive's lib/make-class-archive runs it too.
# Usage: class-archive.sh JAR WORK_DIR [TOOL ARGS...]   (WORK_DIR: scratch space for the run's output)
set -euo pipefail
jar="$1"
work="$2"
shift 2
archive="${jar%.jar}.jsa"
# shellcheck source=scripts/lib/jvm-flags.sh
. "$(dirname "${BASH_SOURCE[0]}")/jvm-flags.sh"
rm -rf "$archive" "$work"
mkdir -p "$work"
# The run's own verdict (exit 0-3) does not matter here, only the classes it loaded; cds logging is off
# because the JVM lists every class it cannot archive (picocli's are Java 5 class files).
status=0
"${JAVA_CMD:-java}" "${TOOL_JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off,cds+dynamic=off \
  -jar "$jar" "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
if [ ! -s "$archive" ] || [ "$status" -gt 3 ]; then
  # Not a build failure: the launcher then runs without an archive (slower to start, same results), e.g. when
  # the `java` on the PATH is not the JDK that built the jar. LauncherClassArchiveIT fails on a missing one.
  rm -f "$archive"
  echo "class-archive.sh: warning: no class archive made for $jar (exit $status): $(head -n 1 "$work/stderr")" >&2
  exit 0
fi
# Success is silent: the line would be the only output of a quiet build (the demo's `./mvnw -q package`).

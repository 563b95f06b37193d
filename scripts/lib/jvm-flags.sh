# shellcheck shell=bash
# The JVM flags of the tools' launchers (scripts/lib/run-tool.sh), also used by scripts/bench/kpi.sh for
# its query floor so that both start the same JVM: C1 JIT only, on one compiler thread, serial GC, no
# perf-data file.
# shellcheck disable=SC2034 # used by the scripts that source this file
TOOL_JVM_FLAGS=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData)

# The launchers' flags for the class-data archive beside JAR (TOOL.jsa, made by scripts/lib/class-archive.sh
# or the release's lib/make-class-archive), into CLASS_ARCHIVE_FLAGS; empty when there is none. The archive is
# only read; the JVM's own cds logging is off, so that a stale or foreign archive is ignored without a word.
# Usage: class_archive_flags JAR
class_archive_flags() {
  CLASS_ARCHIVE_FLAGS=()
  if [ -f "${1%.jar}.jsa" ]; then
    CLASS_ARCHIVE_FLAGS=(-XX:SharedArchiveFile="${1%.jar}.jsa" "-Xlog:cds=off,cds+dynamic=off")
  fi
}

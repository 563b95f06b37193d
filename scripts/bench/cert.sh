#!/usr/bin/env bash
# Benchmark: cert-package building the full certification package (filled report, PDF with three
# charts, copies, manifest, reproducible tar.gz), JVM start included, beside pandoc turning the
# same filled Markdown into a PDF with the LaTeX engines Debian provides. Prints median wall times
# and ratios (peer time / cert-package time: above 1 means cert-package is faster), for the plain
# `java -jar` run and for the launcher cert-package/bin/cert-package (its JVM flags and the class-data
# archive the build makes beside the jar); the launcher's flags without that archive are timed too.
#
# Usage: scripts/bench/cert.sh [RUNS]   (default 5; inputs: cert-package/src/test/resources/sample-inputs)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
jar=cert-package/target/cert-package.jar
inputs=cert-package/src/test/resources/sample-inputs

if [ ! -f "$jar" ] || [ ! -f "${jar%.jar}.jsa" ]; then
  ./mvnw -B -q -ntp -pl cert-package -am package -DskipTests
fi
if ! command -v pandoc >/dev/null || ! command -v pdflatex >/dev/null; then
  bash scripts/install-deps.sh pandoc pdflatex
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1795478400

# One run to get the filled Markdown both sides render.
java -jar "$jar" --inputs "$inputs" -o "$work/pkg" -q >/dev/null || true
md="$work/pkg/package/GA_DAY_REPORT.md"
[ -f "$md" ] || { echo "cert.sh: cert-package produced no report" >&2; exit 4; }
# pdflatex cannot typeset ✔ ✘ ⚠ ≥ ≤ · — (it stops with "Unicode character not set up"): give it an
# ASCII copy, which only makes its job easier. lualatex gets the original.
sed -e 's/✔/OK/g; s/✘/X/g; s/⚠/!/g; s/≥/>=/g; s/≤/<=/g; s/·/-/g; s/—/--/g' "$md" > "$work/ascii.md"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Each command once as a warm-up (file cache), then $runs rounds in which every
# command runs once in turn, so that a change in the machine's load hits all of them alike; each
# figure is the median of its rounds (ms; -1 when the command fails).
# shellcheck source=scripts/lib/jvm-flags.sh
. scripts/lib/jvm-flags.sh
names=(cert cert_flags cert_cds certify_only pdflatex lualatex)
declare -A cmds
cmds[cert]="java -jar $jar --inputs $inputs -o $work/bench -q"
cmds[cert_flags]="java ${TOOL_JVM_FLAGS[*]} -jar $jar --inputs $inputs -o $work/bench-flags -q"
cmds[cert_cds]="cert-package/bin/cert-package --inputs $inputs -o $work/bench-cds -q"
cmds[certify_only]="java -jar $jar --inputs $inputs -o $work/co -q --certify-only"
cmds[pdflatex]="pandoc $work/ascii.md -o $work/pdflatex.pdf --pdf-engine=pdflatex -V geometry:a4paper"
cmds[lualatex]=""
if command -v lualatex >/dev/null; then
  cmds[lualatex]="pandoc $md -o $work/lualatex.pdf --pdf-engine=lualatex -V geometry:a4paper"
fi
declare -A failed
for name in "${names[@]}"; do
  [ -n "${cmds[$name]}" ] || { failed[$name]=1; continue; }
  # shellcheck disable=SC2086 # each command is a plain word list
  ${cmds[$name]} >/dev/null 2>&1 || { echo "cert.sh: $name failed (exit $?): ${cmds[$name]}" >&2; failed[$name]=1; }
done
: >"$work/times"
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do
    [ -z "${failed[$name]:-}" ] || continue
    t0=$(now_ms); ${cmds[$name]} >/dev/null 2>&1; t1=$(now_ms)
    echo "$name $((t1 - t0))" >>"$work/times"
  done
done
figure() {
  if [ -n "${failed[$1]:-}" ]; then echo -1; else awk -v n="$1" '$1 == n {print $2}' "$work/times" | median; fi
}
cert_ms=$(figure cert)
cert_flags_ms=$(figure cert_flags)
cert_cds_ms=$(figure cert_cds)
cert_pdf_only_ms=$(figure certify_only)
pdflatex_ms=$(figure pdflatex)
lualatex_ms=$(figure lualatex)

ratio() { awk -v p="$1" -v c="$2" 'BEGIN { if (p < 0 || c <= 0) print "n/a"; else printf "%.2f", p / c }'; }
shown() { if [ "$1" -lt 0 ]; then echo "failed"; else echo "$1 ms"; fi; }
echo "cert-package bench: $runs rounds, the commands in turn, median wall time, JVM start included ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf '  %-52s %6s ms\n' "cert-package: full package (MD + PDF + charts + tar.gz)" "$cert_ms"
printf '  %-52s %6s ms\n' "cert-package, launcher's flags, no class archive" "$cert_flags_ms"
printf '  %-52s %6s ms\n' "cert-package via bin/cert-package (flags + archive)" "$cert_cds_ms"
printf '  %-52s %6s ms\n' "cert-package --certify-only (JVM + inputs + verdict)" "$cert_pdf_only_ms"
printf '  %-52s %9s   ratio %s (plain), %s (flags), %s (launcher)\n' "pandoc + pdflatex: PDF only (ASCII copy)" \
  "$(shown "$pdflatex_ms")" "$(ratio "$pdflatex_ms" "$cert_ms")" "$(ratio "$pdflatex_ms" "$cert_flags_ms")" \
  "$(ratio "$pdflatex_ms" "$cert_cds_ms")"
printf '  %-52s %9s   ratio %s (plain), %s (flags), %s (launcher)\n' "pandoc + lualatex: PDF only" \
  "$(shown "$lualatex_ms")" "$(ratio "$lualatex_ms" "$cert_ms")" "$(ratio "$lualatex_ms" "$cert_flags_ms")" \
  "$(ratio "$lualatex_ms" "$cert_cds_ms")"
echo "  ratio = peer time / cert-package time (> 1: cert-package is faster, though it also draws charts and packs)"

#!/usr/bin/env bash
# Benchmark: cert-package building the full certification package (filled report, PDF with three
# charts, copies, manifest, reproducible tar.gz), JVM start included, beside pandoc turning the
# same filled Markdown into a PDF with the LaTeX engines Debian provides. Prints median wall times
# and ratios (peer time / cert-package time: above 1 means cert-package is faster), for the plain
# `java -jar` run and for the launcher cert-package/bin/cert-package.
#
# Usage: scripts/bench/cert.sh [RUNS]   (default 5; inputs: cert-package/src/test/resources/sample-inputs)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
jar=cert-package/target/cert-package.jar
inputs=cert-package/src/test/resources/sample-inputs

if [ ! -f "$jar" ]; then
  ./mvnw -B -q -o -pl cert-package -am package -DskipTests
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

# time_cmd NAME CMD...: runs CMD $runs times (after one warm-up for the file cache), prints median ms.
time_cmd() {
  local name="$1"; shift
  "$@" >/dev/null 2>&1 || { echo "cert.sh: $name failed (exit $?): $*" >&2; echo "-1"; return; }
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms)
    echo $((t1 - t0))
  done | median
}

cert_ms=$(time_cmd cert-package java -jar "$jar" --inputs "$inputs" -o "$work/bench" -q)
# The same run through cert-package/bin/cert-package: C1 only, serial GC and an AppCDS archive of
# the classes one run loads (made by its first run, the warm-up below; removed first so it is fresh).
rm -f "${jar%.jar}.jsa"
cert_cds_ms=$(time_cmd cert-package-launcher cert-package/bin/cert-package --inputs "$inputs" -o "$work/bench-cds" -q)
cert_pdf_only_ms=$(time_cmd cert-package-certify-only java -jar "$jar" --inputs "$inputs" -o "$work/co" -q --certify-only)
pdflatex_ms=$(time_cmd pandoc+pdflatex pandoc "$work/ascii.md" -o "$work/pdflatex.pdf" --pdf-engine=pdflatex -V geometry:a4paper)
lualatex_ms=-1
if command -v lualatex >/dev/null; then
  lualatex_ms=$(time_cmd pandoc+lualatex pandoc "$md" -o "$work/lualatex.pdf" --pdf-engine=lualatex -V geometry:a4paper)
fi

ratio() { awk -v p="$1" -v c="$2" 'BEGIN { if (p < 0 || c <= 0) print "n/a"; else printf "%.2f", p / c }'; }
shown() { if [ "$1" -lt 0 ]; then echo "failed"; else echo "$1 ms"; fi; }
echo "cert-package bench: $runs runs each, median wall time, JVM start included ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf '  %-52s %6s ms\n' "cert-package: full package (MD + PDF + charts + tar.gz)" "$cert_ms"
printf '  %-52s %6s ms\n' "cert-package via bin/cert-package (C1, AppCDS)" "$cert_cds_ms"
printf '  %-52s %6s ms\n' "cert-package --certify-only (JVM + inputs + verdict)" "$cert_pdf_only_ms"
printf '  %-52s %9s   ratio %s (plain), %s (tuned)\n' "pandoc + pdflatex: PDF only (ASCII copy)" \
  "$(shown "$pdflatex_ms")" "$(ratio "$pdflatex_ms" "$cert_ms")" "$(ratio "$pdflatex_ms" "$cert_cds_ms")"
printf '  %-52s %9s   ratio %s (plain), %s (tuned)\n' "pandoc + lualatex: PDF only" \
  "$(shown "$lualatex_ms")" "$(ratio "$lualatex_ms" "$cert_ms")" "$(ratio "$lualatex_ms" "$cert_cds_ms")"
echo "  ratio = peer time / cert-package time (> 1: cert-package is faster, though it also draws charts and packs)"

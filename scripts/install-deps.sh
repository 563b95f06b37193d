#!/usr/bin/env bash
# Installs the programs the tests and the demo start for real, when they are missing:
# Debian's prometheus (with promtool), victoria-metrics, postgresql, python3-scipy and python3-junitparser.
# Needs root (or sudo) and apt.
set -euo pipefail

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v victoria-metrics >/dev/null 2>&1 || need+=(victoria-metrics)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# drift-detector's ScipyAgreementIT compares its statistics with Debian's SciPy (/usr/bin/python3, not a pyenv one).
/usr/bin/python3 -c 'import scipy' >/dev/null 2>&1 || need+=(python3-scipy)
# kpi-collector's ValidateGaDayIT reads its JUnit XML back with an independent parser.
/usr/bin/python3 -c 'import junitparser' >/dev/null 2>&1 || need+=(python3-junitparser)
# tmux: the terminal the progress-line tests (TerminalProgressIT) draw into, at a fixed width.
command -v tmux >/dev/null 2>&1 || need+=(tmux)
for extra in "$@"; do
  case "$extra" in
    pdftotext) command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils) ;;
    pandoc) command -v pandoc >/dev/null 2>&1 || need+=(pandoc) ;;
    pdflatex) command -v pdflatex >/dev/null 2>&1 || need+=(texlive-latex-base texlive-latex-recommended texlive-fonts-recommended lmodern) ;;
    hyperfine) command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine) ;;
    *) need+=("$extra") ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0

# Unique package names, in order.
mapfile -t packages < <(printf '%s\n' "${need[@]}" | awk '!seen[$0]++')
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${packages[*]}" >&2; exit 4; }
  sudo="sudo"
fi
echo "install-deps: installing ${packages[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# The Debian package starts a system Prometheus on :9090 where systemd runs; the tests start
# their own on free ports and never use it.

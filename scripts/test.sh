#!/usr/bin/env bash
# Every test suite in one command, as CI runs it (.ci/run calls this script):
#   1. dependencies (npm ci), build, type check, lint, unit and CLI tests (mocha);
#   2. a real VS Code (code-server 4.100.3, installed offline and cached in
#      .vscode-test/) and the extension-host integration tests inside it;
#   3. the analyst's flow end to end in that workbench (Playwright + Chromium).
# Ends with one line "tests: N passed, N failed" over all suites.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

step() {
  echo
  echo "━━ $1"
  shift
  "$@" 2>&1 | tee -a "$log"
  local code=${PIPESTATUS[0]}
  if [ "$code" -ne 0 ]; then
    echo "━━ failed (exit $code): $*"
    status=1
  fi
  return "$code"
}

step "Installing dependencies" npm ci --no-audit --no-fund --loglevel=error || exit 1
step "Unit and CLI tests" npm test
if [ "${SKIP_VSCODE:-}" != "1" ]; then
  if step "Setting up a real VS Code (code-server)" npm run --silent vscode:setup; then
    step "Extension-host tests in VS Code" npm run --silent test:vscode
    if grep -q '"test:ui"' package.json; then step "UI tests in the workbench" npm run --silent test:ui; fi
  fi
fi

# mocha prints "N passing" / "N failing" per suite; Playwright-style runners print "N passed".
sum() { grep -Eo "^[[:space:]]*[0-9]+ ($1)" "$log" | awk '{ total += $1 } END { print total + 0 }'; }
passed=$(sum 'passing|passed')
failed=$(sum 'failing|failed')
echo
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "a step failed before its tests could report"; fi
exit "$status"

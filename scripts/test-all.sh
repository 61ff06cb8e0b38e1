#!/usr/bin/env bash
# `npm test`: the project's whole test command (assumes `npm ci` has run).
#   1. typecheck            npm run typecheck
#   2. unit tests           npx vitest run
#   3. integration tests    npm run test:integration (the extension in a real VS Code: code-server + headless
#                           Chromium; installs code-server into ~/.cache/counterpoint on first use, a few minutes)
# Every step runs even if an earlier one failed; exits non-zero if any failed. Ends with a summary of the
# steps and a closing line `all: N passed, M failed` (unit + integration test counts, plus one for each step that
# failed without a failing test, such as the typecheck).
set -uo pipefail
cd "$(dirname "$0")/.."

logdir=$(mktemp -d "${TMPDIR:-/tmp}/counterpoint-test-all.XXXXXX")
trap 'rm -rf "$logdir"' EXIT
summary=()
failed=0

step() { # step NAME COMMAND...: runs it, shows its output, records ok/FAILED and its time
  local name=$1; shift
  echo
  echo "=== $name: $*"
  local t0=$SECONDS
  "$@" 2>&1 | tee "$logdir/$name.log"
  local rc=${PIPESTATUS[0]}
  local secs=$((SECONDS - t0))
  if [ "$rc" -eq 0 ]; then summary+=("$name: ok (${secs}s)"); else summary+=("$name: FAILED, exit $rc (${secs}s)"); failed=1; failed_steps+=("$name"); fi
}
failed_steps=()

# The browser tests (unit) and the integration suite need Debian's chromium and code-server: install them first.
step setup bash scripts/vscode-server/install.sh
step typecheck npm run --silent typecheck
step unit npx vitest run
step integration npm run --silent test:integration

# Test counts: vitest's "Tests  1 failed | 4 passed (5)" line and the runner's "integration: N passed, M failed".
strip() { sed -e 's/\x1b\[[0-9;]*m//g' "$1"; }
count() { grep -oE "[0-9]+ $2" <<<"$1" | head -1 | grep -oE '^[0-9]+' || echo 0; }
unit_line=$(strip "$logdir/unit.log" | grep -E '^\s*Tests\s' | tail -1)
int_line=$(strip "$logdir/integration.log" | grep -E '^integration: [0-9]+ passed, [0-9]+ failed$' | tail -1)
passed=$(( $(count "$unit_line" passed) + $(count "$int_line" passed) ))
failures=$(( $(count "$unit_line" failed) + $(count "$int_line" failed) ))
# A step that failed without a failing test to show for it (set-up, the typecheck, a build that stopped before
# any test ran) counts as one failure, so the closing line never reads "0 failed" when something failed.
for name in "${failed_steps[@]}"; do
  case $name in
    unit) [ "$(count "$unit_line" failed)" -eq 0 ] && failures=$((failures + 1)) ;;
    integration) [ "$(count "$int_line" failed)" -eq 0 ] && failures=$((failures + 1)) ;;
    *) failures=$((failures + 1)) ;;
  esac
done

echo
echo "=== summary"
for s in "${summary[@]}"; do echo "  $s"; done
[ -n "$unit_line" ] && echo "  unit tests:$(sed 's/^ *Tests//' <<<"$unit_line")"
[ -n "$int_line" ] && echo "  $int_line"
echo "all: $passed passed, $failures failed"
exit $failed

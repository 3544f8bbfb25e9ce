#!/usr/bin/env bash
# `npm test` after Chromium is in place: build (server and web app, which the browser and binary tests
# use), then the tests and the checks (types, lint, layers, conventions) side by side. The checks need no
# test and no test needs them; run one after the other they took ~55 s + ~370 s here, and the tests leave
# about a tenth of the two cores idle (waiting on PostgreSQL, Chromium and servers), which the checks fill.
# The checks' output is printed when they end, after the tests'; the command fails if the build, the
# tests or the checks fail. Arguments go to vitest (e.g. `npm test -- test/cli`).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! npm run --silent build > "$out/build" 2>&1; then
  echo "── npm run build failed"; cat "$out/build"; exit 1
fi
echo "── npm run build"; tail -n 3 "$out/build"

# The checks at a lower priority: the tests' timing-sensitive parts (servers, browsers) go first.
nice -n 10 npm run --silent check > "$out/check" 2>&1 &
check=$!
# The JSON report beside the usual output: its failures are printed again at the very end (see below).
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/results.json" "$@"
tests_status=$?
wait "$check"; check_status=$?
echo "── npm run check (exit $check_status)"; cat "$out/check"
[ "$tests_status" -eq 0 ] || node scripts/test-failures.mjs "$out/results.json"
[ "$check_status" -eq 0 ] || echo "npm test: the checks failed (above); the tests exited $tests_status."
exit $(( tests_status != 0 || check_status != 0 ))

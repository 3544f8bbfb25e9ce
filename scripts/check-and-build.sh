#!/usr/bin/env bash
# `npm test`'s first step: the checks (types, lint, layers, conventions) and the build (server and web
# app, which the browser and binary tests use) are independent, so they run side by side. Each one's
# output is printed when it ends; the step fails if either fails.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
npm run --silent check > "$out/check" 2>&1 &
check=$!
npm run --silent build > "$out/build" 2>&1 &
build=$!
wait "$check"; check_status=$?
wait "$build"; build_status=$?
echo "── npm run check (exit $check_status)"; cat "$out/check"
echo "── npm run build (exit $build_status)"
if [ "$build_status" -eq 0 ]; then tail -n 3 "$out/build"; else cat "$out/build"; fi
exit $(( check_status != 0 || build_status != 0 ))

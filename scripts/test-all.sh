#!/usr/bin/env bash
# The whole test suite, as the README's `npm test` runs it and CI runs it:
# lint, typecheck, unit tests, API tests on PGlite and on PostgreSQL, the SPA build,
# and Playwright end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$1"; }
need_apt() { # need_apt <command-or-path> <debian-package>
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing $2 with apt-get…"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "Missing $1: install Debian's '$2' package (apt-get install $2)." >&2
      exit 1
    fi
  fi
}

step "lint and typecheck"
# Side by side: each is mostly one core's work.
npm run --silent lint & lint_pid=$!
typecheck_ok=1
npm run --silent typecheck || typecheck_ok=0
wait "$lint_pid" || { echo "lint failed" >&2; exit 1; }
[ "$typecheck_ok" = 1 ] || { echo "typecheck failed" >&2; exit 1; }
step "unit tests"
npx vitest run --project unit
step "API tests (PGlite)"
npx vitest run --project api

step "API tests (PostgreSQL)"
pg_out=$(bash scripts/postgres-for-tests.sh)
pg_dir=$(echo "$pg_out" | sed -n 's/^dir=//p')
trap 'bash scripts/postgres-for-tests.sh stop "$pg_dir"' EXIT
TEST_DATABASE_URL=$(echo "$pg_out" | sed -n 's/^url=//p') npx vitest run --project api

step "build"
npm run --silent build
step "end-to-end (Chromium)"
need_apt /usr/bin/chromium chromium
need_apt /usr/bin/docker-registry docker-registry
npx playwright test

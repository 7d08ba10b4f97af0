#!/usr/bin/env bash
# `npm test`: every check and every test. Installs what the tests need when it is missing
# (Debian's Chromium for the browser tests), then runs: typecheck, lint, format, migration
# drift, unit + database + server tests, and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Tests use the PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432)
# and fall back to embedded PGlite when none answers.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi

mkdir -p test-results
npm run --silent typecheck
npm run --silent lint
npm run --silent format:check
npm run --silent db:check

status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=$?
npm run --silent build:renderer
npx vitest run --config tests/e2e/vitest.config.ts --reporter=default --reporter=json \
  --outputFile.json=test-results/e2e.json || status=$?

npx tsx scripts/test-summary.ts test-results/unit.json test-results/e2e.json
exit $status

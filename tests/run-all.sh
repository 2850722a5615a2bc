#!/usr/bin/env bash
# `npm test`: the whole suite. Unit tests (Vitest) on SQLite and again on a throwaway PostgreSQL
# server, the content and type checks, a production build, then end-to-end tests (Playwright in
# Chromium) against it, including two servers sharing that PostgreSQL. Ends with one plain line,
# "N passed, N failed", counted from the runners' JSON reports.
source "$(dirname "${BASH_SOURCE[0]}")/../src/cli/node-env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/postgres-server.sh"
cd "$BOTCAMP_ROOT"
export NO_COLOR=1
unset FORCE_COLOR
reports="$(mktemp -d)"
status=0

echo "== unit tests (SQLite)" >&2
env -u BOTCAMP_TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json" || status=1

echo "== unit tests (PostgreSQL)" >&2
if botcamp_start_postgres; then
  npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit-postgres.json" || status=1
else
  status=1
fi

echo "== content and type checks" >&2
check_passed=0 check_failed=0
if npm run --silent check >&2; then check_passed=1; else check_failed=1; status=1; fi

echo "== build" >&2
if npx astro build --force >&2; then
  echo "== end-to-end tests" >&2
  PW_JSON="$reports/e2e.json" npx playwright test || status=1
else
  status=1
fi

node --input-type=module - "$reports" "$check_passed" "$check_failed" <<'JS'
import { existsSync, readFileSync } from 'node:fs';
const [dir, checkPassed, checkFailed] = process.argv.slice(2);
let passed = Number(checkPassed), failed = Number(checkFailed), skipped = 0;
const read = (f) => (existsSync(`${dir}/${f}`) ? JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) : null);
for (const name of ['unit.json', 'unit-postgres.json']) {
  const unit = read(name);
  if (unit) { passed += unit.numPassedTests; failed += unit.numFailedTests; skipped += unit.numPendingTests + (unit.numTodoTests ?? 0); }
  else failed += 1;
}
const e2e = read('e2e.json');
if (e2e) { passed += e2e.stats.expected + e2e.stats.flaky; failed += e2e.stats.unexpected; skipped += e2e.stats.skipped; }
else failed += 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
JS
exit $status

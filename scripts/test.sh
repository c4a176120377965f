#!/usr/bin/env bash
# Set up a fresh test environment and run every check: ruff (lint and format), mypy, then every test
# (unit, property, AppTest, store on SQLite and PostgreSQL, browser, replicas behind HAProxy), on 2 workers.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! { command -v haproxy || test -x /usr/sbin/haproxy; } >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium and haproxy for the browser and replica tests" >&2
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium haproxy >/dev/null
  else
    echo "chromium or haproxy not found: those tests will be skipped (install Debian's packages)" >&2
  fi
fi
# PostgreSQL for the store tests (scripts/postgres.sh: Debian's cluster, a test role and a read-only role);
# a database of your own: set KIM_TEST_DATABASE_URL (and ..._READONLY_URL) before running this.
if [ -z "${KIM_TEST_DATABASE_URL:-}" ]; then
  if pg_env=$(bash scripts/postgres.sh --createdb); then
    eval "$pg_env"
  elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not be set up: the store tests need it on CI" >&2
    exit 1
  else
    echo "PostgreSQL not available: its store tests will be skipped" >&2
  fi
fi
# Node.js and npm for the sign-in tests' real OpenID Connect provider (oidc-provider, pinned by
# tests/oidc/package-lock.json); `npm ci` is bounded so a slow registry fails plainly instead of hanging.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's nodejs and npm for the sign-in tests" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  else
    echo "node or npm not found: the sign-in tests will be skipped" >&2
  fi
fi
if command -v npm >/dev/null 2>&1; then
  (cd tests/oidc && timeout 600 npm ci --no-audit --no-fund --loglevel=error) || {
    echo "npm ci failed in tests/oidc: the sign-in tests cannot run" >&2
    [ "${CI:-}" = "true" ] && exit 1
  }
fi
VENV=.venv-test
rm -rf "$VENV"
python3.11 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check -r requirements-dev.txt -e .
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
exec "$VENV/bin/python" -m pytest -q -n 2 --dist loadgroup "$@"

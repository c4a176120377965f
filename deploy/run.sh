#!/usr/bin/env bash
# N Streamlit replicas of the KIM Dashboard behind HAProxy: start | status | scale N | heal | reload | stop.
# Runbook: deploy/README.md. Uses the app's virtualenv (.venv, or the Python named by KIM_PYTHON).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${KIM_PYTHON:-.venv/bin/python}"
if [ ! -x "$PYTHON" ]; then
  echo "no Python at $PYTHON: python3.11 -m venv .venv && .venv/bin/pip install -r requirements.txt" >&2
  exit 2
fi
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ] && [ -z "${KIM_HAPROXY:-}" ]; then
  echo "haproxy not found: sudo apt-get install -y haproxy" >&2
  exit 2
fi
exec "$PYTHON" deploy/ctl.py "$@"

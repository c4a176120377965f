# Shortcuts for daily work; they reuse .venv-test (made by `make venv` or scripts/test.sh).
# CI runs scripts/test.sh, which builds a fresh venv and starts PostgreSQL and the browsers' packages.
VENV ?= .venv-test
PY := $(VENV)/bin/python

.PHONY: venv app test test-fast lint format types bench scale clean

venv: $(VENV)/bin/activate
$(VENV)/bin/activate: requirements.txt requirements-dev.txt
	python3.11 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements-dev.txt -e .
	touch $@

app: venv  ## the dashboard on http://localhost:8501 (development: error details shown)
	$(VENV)/bin/streamlit run app.py --client.showErrorDetails=full

test: venv  ## every test, as CI runs them (PostgreSQL from scripts/postgres.sh when available)
	eval "$$(bash scripts/postgres.sh --createdb 2>/dev/null)"; $(PY) -m pytest -q -n 2 --dist loadgroup

test-fast: venv  ## everything but the slow tests (fuzzers, browsers, replicas, fresh servers)
	$(PY) -m pytest -q -n 2 -m "not slow"

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

types: venv
	$(VENV)/bin/mypy

bench: venv  ## rerun ratios, cold start, memory; then uploads at the size limit
	$(PY) bench/run.py
	$(PY) bench/uploads.py

scale: venv  ## 1 and 2 replicas behind HAProxy
	$(PY) bench/scale.py

clean:
	rm -rf $(VENV) screenshots .mypy_cache .ruff_cache

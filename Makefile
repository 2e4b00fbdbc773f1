# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Exact versions with hashes of everything installed: requirements.lock for the image,
# requirements-dev.lock (the same versions plus the test and lint tools) for `make install`.
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
# One resolution for every platform, for the image's Python and newer.
COMPILE := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --quiet --custom-compile-command "make lock"

.PHONY: install lock run test lint bench

$(STAMP): $(DEV_LOCK) pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## After changing the dependencies in pyproject.toml: the lock files anew, keeping every
## version that still fits (`make lock LOCK_FLAGS=--upgrade` takes the newest releases).
lock: install
	$(COMPILE) $(LOCK_FLAGS) --extra dev -o $(DEV_LOCK)
	$(COMPILE) --constraint $(DEV_LOCK) -o $(LOCK)

## Embedded default (SQLite, memory storage, in-process queue) unless .env names services.
## Bot (polling unless BOT_MODE=webhook, then the webapp hosts it), webapp and worker
## together (services/run.py); Ctrl-C stops all three, and so does one of them failing.
run: install
	$(BIN)/alembic upgrade heads
	$(BIN)/python -m services.run

## Three workers (pytest-xdist), a test file on one of them; the files that start the app's
## own processes run in two lanes, one file after another (tests/support/parallel.py). One test alone:
## `.venv/bin/python -m pytest tests/unit/test_x.py`.
test: install
	$(BIN)/python -m pytest -n 3 --dist loadfile

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## The benches of tests/bench/ (figures, no assertions; not part of `make test`), each
## ending with one JSON line; they need PostgreSQL, Redis and RabbitMQ as the tests do.
BENCHES := bench_startup bench_clock_in bench_notifications bench_payroll bench_media_proxy
bench: install
	for bench in $(BENCHES); do $(BIN)/python -m tests.bench.$$bench --json || exit 1; done

# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Embedded default (SQLite, memory storage, in-process queue) unless .env names services.
## Bot (polling unless BOT_MODE=webhook, then the webapp hosts it), webapp and worker
## together (services/run.py); Ctrl-C stops all three, and so does one of them failing.
run: install
	$(BIN)/alembic upgrade heads
	$(BIN)/python -m services.run

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

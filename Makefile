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
## together; Ctrl-C stops all three.
run: install
	$(BIN)/alembic upgrade heads
	trap 'kill 0' INT TERM EXIT; \
	mode="$${BOT_MODE:-$$(grep -sE '^BOT_MODE=' .env | cut -d= -f2)}"; \
	if [ "$$mode" != "webhook" ]; then $(BIN)/python -m bot & fi; \
	$(BIN)/python -m webapp & \
	$(BIN)/python -m services.worker & \
	wait

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

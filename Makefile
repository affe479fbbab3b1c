# The two commands of the README: `make demo` and `make test`. Both bootstrap .venv from pinned deps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS := $(firstword $(wildcard ../shared/corpus/seeds) examples/seeds)
DB ?= sitrep.duckdb

.PHONY: demo test venv clean

$(BIN)/sitrep: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/sitrep

venv: $(BIN)/sitrep

demo: venv
	$(BIN)/sitrep --db $(DB) run $(SEEDS)
	$(BIN)/sitrep --db $(DB) docs

test: venv
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) $(DB).wal

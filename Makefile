# The two commands of the README: `make demo` and `make test`. Both bootstrap .venv from pinned deps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS := $(firstword $(wildcard ../shared/corpus/seeds) examples/seeds)
DB ?= sitrep.duckdb

.PHONY: demo test lint venv browser constraints clean

# constraints.txt pins every transitive dependency (pip freeze of a venv that passed the tests),
# so a fresh machine installs exactly what was tested; `make constraints` refreshes it.
$(BIN)/sitrep: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $(BIN)/sitrep

venv: $(BIN)/sitrep

demo: venv
	$(BIN)/sitrep --db $(DB) run $(SEEDS)
	$(BIN)/sitrep --db $(DB) docs
	$(BIN)/sitrep --db $(DB) stories
	$(BIN)/sitrep --db $(DB) events --type MOBILIZE

# The UI tests drive Debian's chromium (never a browser download). Installing it needs root;
# where that fails the UI tests skip and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: UI tests will be skipped"

test: venv browser
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check src tests eval bench docs

constraints: venv
	$(BIN)/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(VENV) $(DB) $(DB).wal

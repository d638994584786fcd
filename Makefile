# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv on first use and installs the pinned versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,notebooks]"
	touch $(STAMP)

.PHONY: install demo test lint notebooks figures bench clean
install: $(STAMP)

demo: $(STAMP)
	$(BIN)/communique stats

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

notebooks: $(STAMP)
	$(BIN)/python -m pytest tests/test_notebooks.py

figures: $(STAMP)
	$(BIN)/communique figures --out figures

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_corpus.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info

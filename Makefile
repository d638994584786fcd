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

.PHONY: install demo test test-compiled lint notebooks figures bench clean
install: $(STAMP)

demo: $(STAMP)
	$(BIN)/communique stats

test: $(STAMP)
	$(BIN)/python -c "import analysis._modal_rules as m, corpus.segment as s; \
		assert m.__file__.endswith('.py') and s.__file__.endswith('.py'), \
		'extension modules in the source folder shadow the sources: make clean'"
	$(BIN)/python -m pytest
	$(MAKE) test-compiled
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite again against the modules mypyc compiles (setup.py) as `pip install .` builds
# them: the wheel is unpacked beside a copy of the tests (and of the README, whose recipes
# they run), so its extension modules are what `import analysis` finds (PYTHONPATH: in
# the tests' subprocesses too). Doctests of
# the compiled modules ran above (pytest cannot collect them from an extension module).
COMPILED := build/compiled
test-compiled: $(STAMP)
	rm -rf $(COMPILED)
	$(BIN)/python -m pip wheel --quiet --no-deps -w $(COMPILED)/wheel .
	$(BIN)/python -m zipfile -e $(COMPILED)/wheel/*.whl $(COMPILED)/tree
	cp -r tests seeds notebooks pyproject.toml README.md $(COMPILED)/tree/
	cd $(COMPILED)/tree && $(CURDIR)/$(BIN)/python -c \
		"import analysis._modal_rules as m; assert m.__file__.endswith('.so'), m.__file__"
	cd $(COMPILED)/tree && PYTHONPATH=$(CURDIR)/$(COMPILED)/tree \
		$(CURDIR)/$(BIN)/python -m pytest -p no:cacheprovider \
		$$(for so in corpus/*.so analysis/*.so; do echo "--ignore=$${so%%.*}.py"; done)

notebooks: $(STAMP)
	$(BIN)/python -m pytest tests/test_notebooks.py

figures: $(STAMP)
	$(BIN)/communique figures --out figures

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_corpus.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
	rm -f corpus/*.so analysis/*.so communique_*__mypyc*.so

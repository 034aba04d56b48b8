# The single entry point: `make run` extracts the seeds, `make test` runs the suite.
# Both create (or reuse) the virtual environment in .venv.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt golden gen-data clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/langnghe extract seeds/ -o out.jsonl
	@echo "wrote out.jsonl"

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests tools
	$(BIN)/ruff format --check src tests tools
	$(BIN)/mypy

fmt: $(STAMP)
	$(BIN)/ruff format src tests tools
	$(BIN)/ruff check --fix src tests tools

golden: $(STAMP)
	$(BIN)/pytest tests/test_golden.py --update

gen-data: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,gen]'
	$(BIN)/python tools/gen_provinces.py

clean:
	rm -rf $(VENV) out.jsonl .pytest_cache .mypy_cache .ruff_cache

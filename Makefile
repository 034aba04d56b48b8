# The single entry point: `make run` extracts the seeds, `make test` runs the suite.
# Both create (or reuse) the virtual environment in .venv.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint fmt golden gen-data clean bench fuzz

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

# Throughput over the bulk corpus (or a generated one) at --jobs 1 and 2 against an I/O floor;
# a few minutes, not part of `make test` (issue #7). Figures go to bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python bench/bench.py

# Fuzz the library entry point with atheris for FUZZ_RUNS inputs, starting from the seeds; not
# part of `make test` (issue #9). Crashing inputs are saved as crash-* in the current directory.
FUZZ_RUNS ?= 20000
FUZZ_CORPUS ?= /tmp/langnghe-fuzz-corpus
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,fuzz]'
	mkdir -p $(FUZZ_CORPUS) && cp seeds/*.txt $(FUZZ_CORPUS)/
	$(BIN)/python fuzz/fuzz_extract.py -runs=$(FUZZ_RUNS) -max_len=4096 -timeout=20 $(FUZZ_CORPUS)

clean:
	rm -rf $(VENV) out.jsonl .pytest_cache .mypy_cache .ruff_cache

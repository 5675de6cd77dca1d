# One command sets up and runs the demo; one sets up and runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test browser bench bench-quantities bench-findings clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@# An editable install compiles nothing: byte-compile the package once, as an installed
	@# one is, so no command pays for it at start (even where bytecode is not written).
	$(BIN)/python -m compileall -q factcheck
	touch $(STAMP)

setup: $(STAMP)

## Run the main job on the demo corpus. Exit 1 only means findings were reported.
run: setup
	$(BIN)/factcheck run seeds/ || [ $$? -eq 1 ]

## Headless Chromium for the browser tests (Debian's package; needs root or sudo).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; \
	fi

test: setup browser
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: bench-quantities bench-findings

bench-quantities: setup
	$(BIN)/python benchmarks/bench_quantities.py

bench-findings: setup
	$(BIN)/python benchmarks/bench_findings.py

clean:
	rm -rf $(VENV) reports/*.json reports/*.html reports/*.png .pytest_cache

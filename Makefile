# Two commands on a fresh Debian machine (as root or with sudo):
#   make demo   — install, then convert the bundled corpus and score it
#   make test   — install, then run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-fra poppler-utils fonts-dejavu-core

.PHONY: demo test system venv lint bench fuzz corpus clean

system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

# The main job: convert every bundled notice (outputs and avis-report.jsonl in out/demo),
# then score extraction against the ground truth.
demo: system venv
	$(VENV)/bin/avis convert corpus -o out/demo --to json,xml,hropen,dc,csv --exclude 'README*' --exclude '*.py'
	$(VENV)/bin/avis eval corpus/

test: system venv
	$(VENV)/bin/ruff check src tests tools benchmarks
	$(VENV)/bin/pytest

lint: venv
	$(VENV)/bin/ruff check src tests tools benchmarks
	$(VENV)/bin/ruff format --check src tests tools benchmarks

corpus: venv
	$(PY) -m tools.gencorpus corpus/generated

bench: system venv
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_batch.py

clean:
	rm -rf $(VENV) out .pytest_cache

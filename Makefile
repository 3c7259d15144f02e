# Two commands on a fresh Debian machine (as root or with sudo):
#   make demo   — install, then convert the bundled corpus and score it
#   make test   — install, then run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := tesseract-ocr tesseract-ocr-fra poppler-utils fonts-dejavu-core chromium postgresql

.PHONY: demo test system venv lint bench fuzz corpus scans clean

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
	@# bytecode, as a wheel install leaves it: with PYTHONDONTWRITEBYTECODE set (CI images set
	@# it) every avis process would otherwise compile avis's modules again as it starts
	$(PY) -m compileall -q src >/dev/null
	touch $@

venv: $(VENV)/.installed

# The main job: convert every bundled notice (outputs and avis-report.jsonl in out/demo),
# then score extraction against the ground truth.
demo: system venv
	$(VENV)/bin/avis convert corpus -o out/demo --to json,xml,hropen,dc,csv --exclude 'README*'
	$(VENV)/bin/avis eval corpus/

test: system venv
	$(VENV)/bin/ruff check src tests tools benchmarks
	$(VENV)/bin/ruff format --check src tests tools benchmarks
	$(PY) -m mypy
	$(VENV)/bin/pytest

lint: venv
	$(VENV)/bin/ruff check src tests tools benchmarks
	$(VENV)/bin/ruff format --check src tests tools benchmarks

# Only `make corpus` needs these (the generated files are committed): LibreOffice prints the
# pdf-libreoffice family, Carlito is the Calibri-metric font of the emulated Word PDFs.
CORPUS_PACKAGES := libreoffice-writer-nogui fonts-crosextra-carlito
corpus: venv
	$(MAKE) system SYSTEM_PACKAGES="$(SYSTEM_PACKAGES) $(CORPUS_PACKAGES)"
	$(PY) -m tools.gencorpus corpus/generated
	rm -rf corpus/unseen
	$(PY) -m tools.gencorpus corpus/unseen --count 6 --seed 2026 --layouts unseen
	rm -rf corpus/classes
	$(PY) -m tools.gencorpus corpus/classes --count 6 --seed 101 --layouts classes

# Scans of six generated notices in six qualities (clean 300 dpi, 200 dpi, skewed, noisy, JPEG,
# photocopied), one folder per quality, with their truth; then score each quality.
# The OCR rules were tuned on the default six; score six others as a held-out check with
#   make scans SCANS=corpus/scans-heldout SCAN_SEED=7 SCAN_SOURCES="pdf-ruled-07 pdf-ruled-11 \
#     pdf-borderless-08 pdf-borderless-12 pdf-stacked-09 pdf-stacked-10"
SCAN_SOURCES ?= pdf-ruled-01 pdf-ruled-02 pdf-borderless-01 pdf-borderless-02 pdf-stacked-01 pdf-stacked-02
SCAN_SEED ?= 1
SCANS ?= corpus/scans
scans: system venv
	rm -rf $(SCANS) .scan-src && mkdir -p .scan-src
	for n in $(SCAN_SOURCES); do cp corpus/generated/$$n.pdf corpus/generated/$$n.truth.json .scan-src/; done
	for v in clean300 dpi200 skew noisy jpeg photocopy; do \
	  $(PY) -m tools.scans .scan-src $(SCANS)/$$v --variants $$v --seed $(SCAN_SEED) >/dev/null; done
	rm -rf .scan-src
	for v in clean300 dpi200 skew noisy jpeg photocopy; do \
	  echo "== $$v"; $(VENV)/bin/avis eval $(SCANS)/$$v | tail -4 | head -2; done

bench: system venv
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_extract.py
	$(PY) benchmarks/bench_batch.py
	$(PY) benchmarks/bench_dask.py
	$(PY) benchmarks/bench_ocr.py

# Fuzz one reader (pdf, docx, docx-xml, text, html, image, any) with atheris: READER=pdf RUNS=10000
READER ?= any
RUNS ?= 10000
fuzz: venv
	$(VENV)/bin/pip install -q atheris
	$(PY) fuzz/fuzz_readers.py --reader $(READER) -runs=$(RUNS) -timeout=10 -rss_limit_mb=8192

clean:
	rm -rf $(VENV) out .pytest_cache

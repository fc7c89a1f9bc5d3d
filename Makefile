# Quick start: `make site` (environment from pinned versions + build site/), `make test` (every test).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# ROOT=path builds (serves, adds to, suggests for) another explainer, such as one started with `make new`.
ROOT ?= .
EXPLAINER := PYTHONPATH=scripts $(PY) -m explainer --root $(ROOT)

.PHONY: site pdf test serve convert add new suggest lint lock golden clean bench-pages bench bench-search bench-entity bench-extensions bench-scripts bench-10k learn-lines learn-lines-cv learn-lines-curve

site: $(VENV)/.installed node_modules/.installed
	$(EXPLAINER) site

# The whole explainer as a PDF (Chromium prints the print page), linked from the site and put in the bundle.
pdf: site
	$(EXPLAINER) pdf

convert: $(VENV)/.installed
	$(EXPLAINER) convert

# make add FILE=~/Downloads/page.html [NAME=outlet-2002-05-10]: a saved web page or a text file → sources/articles/
# A file name is data: FILE and NAME reach the command as environment variables taken unexpanded ($(value …)),
# never as text of the recipe, so neither make nor the shell runs anything written in them.
unexport FILE NAME
add: export EXPLAINER_ADD_FILE := $(value FILE)
add: export EXPLAINER_ADD_NAME := $(value NAME)
add: $(VENV)/.installed
	@test -n "$$EXPLAINER_ADD_FILE" || { echo "usage: make add FILE=path/to/page.html-or-article.txt [NAME=citation-key]" >&2; exit 2; }
	$(EXPLAINER) add $${EXPLAINER_ADD_NAME:+--name "$$EXPLAINER_ADD_NAME"} -- "$$EXPLAINER_ADD_FILE"

# make new DIR=../my-explainer [TITLE="The Harbour Row"]: a new explainer, ready to build with `make site ROOT=DIR`
new: $(VENV)/.installed
	@test -n "$(DIR)" || { echo "usage: make new DIR=path/to/new-explainer [TITLE=\"Its title\"]" >&2; exit 2; }
	PYTHONPATH=scripts $(PY) -m explainer new "$(DIR)" $(if $(TITLE),--title "$(TITLE)")

# What an editor might write next: recurring names with no entity, dated sentences no event cites (as YAML).
suggest: $(VENV)/.installed
	$(EXPLAINER) suggest

serve: $(VENV)/.installed node_modules/.installed
	$(EXPLAINER) serve

test: site
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests

# Scale: synthetic corpora of 10, 100 and 1,000 articles, our build against plain Material in the same run.
bench: $(VENV)/.installed node_modules/.installed
	PYTHONPATH=scripts $(PY) -m bench.scale

# Issue 16's N = 10,000 row (opt-in: it takes minutes): N = 1,000 (medians of 3) and 10,000 (one run of each
# build), the exponents between them, peak memory, and the first and later searches from file:// at 10,000.
bench-10k: $(VENV)/.installed node_modules/.installed
	PYTHONPATH=scripts $(PY) -m bench.scale --sizes 1000 10000 --runs 3 --large-runs 1 --no-preview

# Lighthouse (mobile) on each page type, served on 127.0.0.1: scores and page weight against the targets.
# The site is built with an address under a folder (as on GitHub Pages), measured there, then built again without.
BENCH_ADDRESS := http://127.0.0.1:8731/some/subpath/
bench-pages: $(VENV)/.installed node_modules/.installed
	SITE_URL=$(BENCH_ADDRESS) $(EXPLAINER) site
	PYTHONPATH=scripts $(PY) -m bench.lighthouse --address $(BENCH_ADDRESS) $(if $(PAGES),--pages "$(PAGES)") $(if $(RUNS),--runs $(RUNS)) $(if $(LIGHTHOUSE_JSON),--keep-json "$(LIGHTHOUSE_JSON)"); status=$$?; $(EXPLAINER) site; exit $$status

# The heaviest entity page at N = 1,000 (Beijing): HTML size, links, its data file, Lighthouse.
bench-entity: $(VENV)/.installed node_modules/.installed
	PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1 $(PY) -m bench.entity_page --lighthouse

# What each Markdown extension costs at N = 1,000 and on how many pages it changes anything (CPU time).
bench-extensions: $(VENV)/.installed node_modules/.installed
	PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1 $(PY) -m bench.extensions

# What each of the site's scripts costs on each page type from file://, and where it does something.
bench-scripts: site
	PYTHONPATH=scripts $(PY) -m bench.page_scripts

# Native-script search: index size and search latency for each search setting, real site and N = 1,000.
bench-search: $(VENV)/.installed node_modules/.installed
	PYTHONPATH=scripts $(PY) -m bench.search_languages

# What a reader meets (Chromium, desktop and a touch phone): "inferred" per page, heights, tap targets, screenshots.
bench-reading: site
	PYTHONPATH=scripts $(PY) -m bench.reading

# The learnt line scores: weights learnt from the annotated evaluation sets (never the held-out one), and how
# they travel (cross-validation grouped by outlet, the rules alone beside).
learn-lines: $(VENV)/.installed
	PYTHONPATH=scripts $(PY) -m bench.learn_line_weights learn

learn-lines-cv: $(VENV)/.installed
	PYTHONPATH=scripts $(PY) -m bench.learn_line_weights cv

learn-lines-curve: $(VENV)/.installed
	PYTHONPATH=scripts $(PY) -m bench.learn_line_weights curve

# Regenerate the golden files after a reviewed change of the converter (review `git diff tests/golden`).
golden: $(VENV)/.installed
	$(PY) -m pytest tests/test_golden.py --regen-golden

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Re-pin the whole dependency tree from the direct pins in pyproject.toml.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet ".[test]" && .lockenv/bin/pip uninstall --quiet -y shenyang-explainer
	( echo "# Generated by \`make lock\` from pyproject.toml; do not edit by hand."; \
	  .lockenv/bin/pip freeze --exclude-editable ) > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf site site.* docs/sources docs/assets/vendor test-artifacts

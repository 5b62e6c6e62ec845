# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED ?= ../shared/seed/000_dfe97af656a4cfdc.txt
DATA ?= ../shared/data
# The knowledge base `make demo` fills: kronika's default database, kronika.db in this folder.
DB ?= kronika.db
SEED_FILE = $(or $(wildcard $(SEED)),examples/seed.txt)

.PHONY: demo test install install-test train clean

$(BIN)/kronika: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/kronika

install-test: install
	$(BIN)/pip install --quiet -e '.[test]'

# Analyse the seed article, store it in the knowledge base (a second run finds it stored and skips
# it), search it, and say how to go on with one's own articles and the web pages.
demo: install
	$(BIN)/kronika analyze $(SEED_FILE)
	$(BIN)/kronika ingest $(SEED_FILE) --db $(DB)
	$(BIN)/kronika search Tokajewa --db $(DB) --limit 3
	@echo
	@echo "The seed article is in the knowledge base $(DB). Next:"
	@echo "  $(BIN)/kronika ingest path/to/articles/ --db $(DB)   # your articles: a folder (recursive) or files"
	@echo "  $(BIN)/kronika search 'any words' --db $(DB)          # any inflected form finds the others"
	@echo "  $(BIN)/kronika serve --db $(DB)                       # then open http://127.0.0.1:8000/ (Ctrl-C stops it)"

test: install-test
	@# pytest exits 5 when it collects no tests: that is not a failure of the suite.
	$(BIN)/python -m pytest -q; rc=$$?; [ $$rc -eq 5 ] && exit 0; exit $$rc

train: install
	$(BIN)/kronika train --data $(DATA)

clean:
	rm -rf $(VENV) build *.egg-info

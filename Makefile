# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED ?= ../shared/seed/000_dfe97af656a4cfdc.txt
DATA ?= ../shared/data

.PHONY: demo test install install-test train clean

$(BIN)/kronika: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/kronika

install-test: install
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	$(BIN)/kronika analyze $(or $(wildcard $(SEED)),examples/seed.txt)

test: install-test
	@# pytest exits 5 when it collects no tests: that is not a failure of the suite.
	$(BIN)/python -m pytest -q; rc=$$?; [ $$rc -eq 5 ] && exit 0; exit $$rc

train: install
	$(BIN)/kronika train --data $(DATA)

clean:
	rm -rf $(VENV) build *.egg-info

# Breaking Isolation: every task of the kit. `make help` lists them.
# The first run of any target sets up the pinned environment in .venv (about a minute, once).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.8
export PYTHONPATH := $(CURDIR)/notebooks
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help setup lab test execute student slides bench classroom clean

help: ## List the kit's commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(STAMP) ## Set up the pinned environment in .venv (done for you by the other commands)

$(STAMP): requirements.txt
	$(PYTHON) tools/check_python.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.txt
	touch $@

lab: $(STAMP) ## Open JupyterLab on the start-here notebook (http://127.0.0.1:8888, with a token)
	$(BIN)/jupyter lab --config=jupyter/jupyter_server_config.py notebooks/00-start-here.ipynb

test: $(STAMP) ## Run every test: data, code, notebooks (strict nbval)
	$(BIN)/python -m pytest

execute: $(STAMP) ## Re-run every notebook in a fresh kernel and store its outputs
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb

student: $(STAMP) ## Build student notebooks (no solutions) into build/student/
	$(BIN)/python tools/build_student.py

slides: $(STAMP) ## Build offline slide decks and HTML handouts into build/slides/ (needs npm once)
	$(BIN)/python tools/build_slides.py

bench: $(STAMP) ## Print the kit's benchmarks (notebook floor ratio, loader ratio)
	$(BIN)/python tools/benchmark.py

STUDENTS ?= 30
REVISION ?= HEAD
classroom: $(STAMP) ## Serve the kit to a simulated class on a local JupyterHub and measure it (STUDENTS=30, REVISION=HEAD)
	$(BIN)/python tools/classroom/setup_env.py
	build/classroom/hub/bin/python tools/classroom/run.py --students $(STUDENTS) --revision $(REVISION) --json build/classroom/results.json

clean: ## Remove what the kit builds (not the environment)
	rm -rf build output test-artifacts .pytest_cache

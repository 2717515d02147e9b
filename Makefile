# Breaking Isolation: every task of the kit. `make help` lists them.
# The first run of a target sets up the environment it needs, installed exactly from its lock file:
#   .venv       what runs the kit (JupyterLab, the notebooks, the builds): requirements.txt
#   .venv-test  the same packages plus the test tools (pytest, nbval, Playwright...): requirements-test.txt
# uv, pinned below, installs both; it lives in .venv-uv, outside the kit's environments.

PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .venv-uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin
TEST_VENV := .venv-test
TEST_BIN := $(TEST_VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(TEST_VENV)/.installed
# The lock is for every platform (Linux, macOS, Windows) and every Python from 3.11 on.
LOCK := $(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock"
# No --compile-bytecode: compiling all of it up front took 11 s of a fresh `make lab`; Python compiles what
# is imported on first use (2 s) and keeps it.
WHEEL_PLATFORMS := x86_64-manylinux_2_28 aarch64-manylinux_2_28 x86_64-apple-darwin aarch64-apple-darwin x86_64-pc-windows-msvc
SYNC := $(UV) pip sync --quiet --require-hashes
# Where every tool and kernel finds the kit's package (the tests' own is pyproject.toml's pythonpath): no tool
# edits sys.path. To run a tool by hand: PYTHONPATH=notebooks .venv/bin/python tools/NAME.py
export PYTHONPATH := $(CURDIR)/notebooks
TOOLS_PATH := PYTHONPATH=$(CURDIR)/notebooks:$(CURDIR)/tools  # the classroom scripts also import the tools
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help setup setup-test lab lab-teacher test execute refresh student served links slides bench lock classroom clean

help: ## List the kit's commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: $(STAMP) ## Set up the kit's environment in .venv (done for you by the other commands)

setup-test: $(TEST_STAMP) ## Set up the test environment in .venv-test (done for you by make test)

$(UV):
	$(PYTHON) tools/check_python.py
	$(PYTHON) -m venv .venv-uv
	.venv-uv/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): requirements.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(SYNC) --python $(BIN)/python requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(TEST_VENV)
	$(SYNC) --python $(TEST_BIN)/python requirements-test.txt
	touch $@

lab: $(STAMP) ## Open JupyterLab as a student: your own copies in my-work/ (made once, kept), each solution folded until opened; no lesson plans or keys in sight
	$(BIN)/jupyter lab --config=jupyter/jupyter_server_config.py

lab-teacher: $(STAMP) ## Open JupyterLab with the teacher's material too: lesson plans, keys, the notebooks with their solutions
	$(BIN)/jupyter lab --config=jupyter/jupyter_server_config.py --KitContentsManager.teacher=True

test: $(TEST_STAMP) ## Run every test: data, code, notebooks (strict nbval)
	$(TEST_BIN)/python -m pytest

execute: $(STAMP) ## Re-run every notebook in a fresh kernel and store its outputs
	$(BIN)/python tools/execute_notebooks.py notebooks/*.ipynb

refresh: $(TEST_STAMP) ## After editing data/: check it, re-run the notebooks, rebuild everything, say what changed
	$(TEST_BIN)/python tools/refresh.py

student: $(STAMP) ## Build the student edition (no solutions, plans or keys) into build/student/ (OUT=folder to choose)
	$(BIN)/python tools/build_student.py $(if $(OUT),--out $(OUT))

served: $(STAMP) ## Make or update the student edition in its own git repository (REPO=../breaking-isolation-students)
	@test -n "$(REPO)" || { echo "make served needs REPO=<folder of the student edition's git repository>"; exit 2; }
	$(TOOLS_PATH) $(BIN)/python tools/classroom/served_repo.py "$(REPO)"

links: $(STAMP) ## Binder and hub links to the student edition, QR codes, a how-to-get-in sheet (REPOSITORY=https://... [HUB=https://...])
	@test -n "$(REPOSITORY)" || { echo "make links needs REPOSITORY=<https address of the student edition>, and HUB=<your JupyterHub> if you have one"; exit 2; }
	$(BIN)/python tools/make_links.py --repository "$(REPOSITORY)" $(if $(HUB),--hub "$(HUB)") $(if $(BRANCH),--branch "$(BRANCH)")

slides: $(STAMP) ## Build offline slide decks and HTML handouts into build/slides/ (the first run downloads reveal.js and axe-core with npm)
	$(BIN)/python tools/build_slides.py

bench: $(TEST_STAMP) ## Print the kit's benchmarks beside their goals (notebooks against their floor, import, loader)
	$(TEST_BIN)/python tools/benchmark.py

lock: | $(UV) ## Re-write requirements.txt and requirements-test.txt from the .in lists (add UPGRADE=1 to upgrade)
	$(LOCK) $(if $(UPGRADE),--upgrade) requirements.in -o requirements.txt
	$(LOCK) $(if $(UPGRADE),--upgrade) requirements-test.in -o requirements-test.txt
	@# Every locked version must install from a wheel everywhere: no teacher should need a C compiler.
	@for platform in $(WHEEL_PLATFORMS); do for python in 3.11 3.12 3.13 3.14; do \
	  $(UV) pip compile --quiet --no-deps --only-binary :all: --python-platform $$platform --python-version $$python \
	    requirements-test.txt -o /dev/null || { echo "no wheel for $$platform, Python $$python: see above"; exit 1; }; \
	done; done; echo "every locked package has wheels for $(WHEEL_PLATFORMS), Python 3.11 to 3.14"

STUDENTS ?= 30
REVISION ?= HEAD
classroom: | $(UV) ## Serve the kit to a simulated class on a local JupyterHub and measure it (STUDENTS=30)
	$(PYTHON) tools/classroom/setup_env.py
	$(TOOLS_PATH) build/classroom/hub/bin/python tools/classroom/run.py --students $(STUDENTS) --revision $(REVISION) --json build/classroom/results.json

clean: ## Remove what the kit builds (not the environments)
	rm -rf build output test-artifacts .pytest_cache

# Every target builds its own environment: a fresh machine needs only Python 3.10+ and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# One stamp per set of dependencies: `make lab` installs the kit and what it
# needs to run (pip install -e .), `make test` adds the test extras. Either may
# come first; each installs only what it is missing.
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

# Jupyter's root is the repository, so the file browser shows the whole course
# (notebooks/, exercises/, solutions/), and it opens on the first lesson.
START    := notebooks/00_start_here.ipynb
LAB_ARGS ?=

.PHONY: lab test bench assign clean

# Jupyter refuses to run as root (as in many containers) unless told it may.
AS_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

lab: $(RUNTIME)
	$(VENV)/bin/jupyter lab $(AS_ROOT) --ServerApp.root_dir="$(CURDIR)" \
	    --LabApp.default_url=/lab/tree/$(START) $(LAB_ARGS)

test: $(TESTING)
	$(PY) -m pytest -n auto

bench: $(TESTING)
	$(PY) benchmarks/run.py

assign: $(RUNTIME)
	$(PY) -m kit assign

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Python 3.10 or newer is needed; set PYTHON=/path/to/python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# jsonschema, pulled in with its format extras by Jupyter's event system, builds
# a Lark grammar for the "iri" format whenever it is imported, when the optional
# rfc3987-syntax is installed: 2 s here, paid by every process that reads a
# notebook (nbformat), the Jupyter server, the grader and each test worker.
# Nothing in the course validates IRIs, so it is removed after each install
# (jsonschema then skips that one format). `make bench` times `import nbformat`.
DROP := $(PY) -m pip uninstall --quiet --yes rfc3987-syntax

# The test extras include everything the kit needs to run, so a fresh test
# install counts as a runtime install too.
$(RUNTIME): pyproject.toml | $(PY)
	@if [ -e $(TESTING) ] && [ $(TESTING) -nt pyproject.toml ]; then echo "runtime dependencies: installed with the test extras"; \
	else $(PY) -m pip install --quiet -e . && $(DROP); fi
	touch $@

$(TESTING): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	$(DROP)
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache

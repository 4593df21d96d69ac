# strikewatch — two commands on a fresh machine: `make demo` and `make test`.
# Debian's own CPython 3.11 (built with profile-guided optimisation) when it can make a venv,
# else the first python3.11 on the PATH: extraction ran 533-547 reports/s on Debian's build
# against 445-501 on a plain source build, same code, same minutes (docs/measurements.md).
PYTHON ?= $(shell /usr/bin/python3.11 -c 'import ensurepip, venv' 2>/dev/null && echo /usr/bin/python3.11 || echo python3.11)
VENV := .venv
BIN := $(VENV)/bin
DEBIAN_PACKAGES := postgresql postgresql-15-postgis-3 chromium fonts-noto-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install system-deps demo test lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installed when pyproject or the pins change.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

demo: install
	$(BIN)/strikewatch demo

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

test: system-deps install lint
	$(BIN)/pytest -n 2

docs: install
	$(BIN)/python scripts/gen_cli_docs.py

bench: install
	for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	$(BIN)/python scripts/pg_test_server.py stop 2>/dev/null || true
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

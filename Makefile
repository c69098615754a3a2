# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CLIENTS := $(VENV)/clients/.installed

.PHONY: serve test lint typecheck unit clean lock browser

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 3))' || \
		{ echo "Bastion needs Python 3.11.3 or newer (found $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3

# Every dependency, dev tools and the build backend included, comes from the lock at the
# versions and hashes it names, so a new release upstream cannot change a fresh install.
$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# The coding agents the integration tests drive through the gateway (Claude Code, Codex),
# installed from their npm lock (versions and integrity hashes) beside the virtualenv. Package
# scripts do not run, except Claude Code's, which only links its native binary (no download).
# Without npm (a laptop), those tests are skipped and say why.
$(CLIENTS): tests/clients/package.json tests/clients/package-lock.json | $(BIN)/python
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p $(VENV)/clients && \
		cp tests/clients/package.json tests/clients/package-lock.json $(VENV)/clients/ && \
		cd $(VENV)/clients && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && \
		node node_modules/@anthropic-ai/claude-code/install.cjs >/dev/null && \
		touch .installed; \
	else \
		echo "npm not found: the tests that drive Claude Code and Codex will be skipped"; \
	fi

# The console's browser tests drive Debian's Chromium through its chromedriver (Selenium never
# downloads a browser or a driver). Installed when missing, as root with apt-get; elsewhere (a
# laptop) those tests are skipped and say why, except with CI=true, where they fail instead.
BROWSER := /usr/bin/chromium
BROWSER_DRIVER := /usr/bin/chromedriver

browser:
	@if [ -x $(BROWSER) ] && [ -x $(BROWSER_DRIVER) ]; then \
		:; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			chromium chromium-driver >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y \
			--no-install-recommends chromium chromium-driver >/dev/null; }; \
	else \
		echo "chromium or chromium-driver missing (and no root apt-get): the console's browser tests will be skipped"; \
	fi

## lock: re-resolve requirements.lock after a dependency change in pyproject.toml
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools==7.7.0
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	@# The project itself (a dev extra names it) is installed from the checkout, not the lock.
	$(PYTHON) -c 'import re, pathlib; p = pathlib.Path("requirements.lock"); \
		p.write_text(re.sub(r"# WARNING: pip install will require[^\n]*\n#[^\n]*\nbastion-gateway @ [^\n]*\n[^\n]*\n", "", p.read_text()))'
	@# The container image's lock: the runtime, OpenTelemetry export and the build backend only,
	@# compiled from a copy of the full lock so that every pin it keeps is the same.
	cp requirements.lock deploy/requirements.lock
	$(BIN)/pip-compile --quiet --generate-hashes --extra otel --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o deploy/requirements.lock \
		pyproject.toml deploy/requirements.in

## serve: start the gateway on its embedded defaults (discovered engines, or the simulator)
serve: $(STAMP)
	$(BIN)/bastion serve

## test: lint, type-check and run the whole test suite (in parallel: see tests/conftest.py)
test: $(STAMP) $(CLIENTS) browser lint typecheck
	$(BIN)/python -m pytest -n auto --dist worksteal

## lint: ruff, the package's layering (import-linter's contracts in pyproject.toml), and the
## container image recipe (hadolint)
lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/hadolint --config deploy/.hadolint.yaml deploy/Containerfile

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest tests/unit

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

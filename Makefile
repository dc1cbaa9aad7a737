# Wacana: `make run` serves the site, `make test` runs what CI runs. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
THREADS ?= 8
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/wacana
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
# pytest runs on this many workers (pytest-xdist): auto is one per CPU, 0 runs in this
# process alone. Worker n has its own test database (test_…_gwn), and with Redis the
# database REDIS_TEST_URL's minus n. Tests marked xdist_group stay on one worker.
PYTEST_WORKERS ?= auto
PYTEST_FLAGS = -q -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadgroup

.PHONY: install run dev migrate demo test lint typecheck pytest pytest-sqlite pytest-postgres messages browsers clean bench wrk assets check-assets bundle-size loadtest paint profile
.PHONY: lock deploy-check cluster-test

# --- Installs from lock files, and what production leaves out ---------------------------
# Every install takes exact, hashed versions from a lock file in requirements/: with
# WACANA_ENV=production the runtime lock only (no dev tools), otherwise the dev lock (the
# same runtime pins plus the tools). The project itself goes in after, without deps.
# Re-runs when the lock or pyproject.toml changes (one marker per lock).
WACANA_ENV ?= development
ifeq ($(WACANA_ENV),production)
LOCK := requirements/runtime.txt
SITE_CONTENT := migrate
else
LOCK := requirements/dev.txt
SITE_CONTENT := demo
endif
INSTALLED := $(VENV)/.installed-$(basename $(notdir $(LOCK)))

$(INSTALLED): $(LOCK) pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed*
	@touch $@

install: $(INSTALLED)

# Writes both locks from pyproject.toml with uv (its version pinned, with hashes, in
# requirements/tools.txt). Versions already locked are kept unless pyproject.toml no
# longer allows them; `make lock UPGRADE=1` moves everything to the newest allowed.
# The dev lock is constrained to the runtime lock, so both agree on every shared pin.
LOCK_FLAGS = --quiet --generate-hashes --universal --python-version 3.11 \
	--index-url https://pypi.org/simple --custom-compile-command "make lock" \
	$(if $(UPGRADE),--upgrade)
lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements/tools.txt
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements/runtime.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev -c requirements/runtime.txt \
		$(LOCK_FLAGS) -o requirements/dev.txt

# Django's deployment checks with the production settings (the required variables set to
# values for this check only); any warning fails `make test`.
deploy-check: install
	env -u DEBUG WACANA_ENV=production ALLOWED_HOSTS=wacana.example \
		CSRF_TRUSTED_ORIGINS=https://wacana.example \
		SECRET_KEY=only-for-make-deploy-check-never-a-real-key-7f3a9c2e1b5d8 \
		$(PY) manage.py check --deploy --fail-level WARNING
# ------------------------------------------------------------------------------------------

migrate: install
	$(PY) manage.py migrate --no-input
	@# A site that existed before search gets its index once (no-op otherwise).
	$(PY) manage.py rebuild_search_index --if-empty

demo: migrate
	$(PY) manage.py load_demo --if-empty

# In production the site starts from the migrated database only: no demo content.
run: $(SITE_CONTENT)
	$(PY) manage.py collectstatic --no-input -v0
	@echo "Wacana: http://$(HOST):$(PORT)"
	@# One supervisor (wacana/operations/supervisor.py) runs granian, the task worker and
	@# the view flusher, restarts the worker and the flusher when they die, and on SIGTERM
	@# or Ctrl-C stops them all within seconds, then writes the buffered view counts. exec:
	@# the signal make forwards reaches the supervisor, not a shell waiting on it.
	exec $(PY) manage.py serve --host $(HOST) --port $(PORT) --workers $(WORKERS) --threads $(THREADS)

# The development server (DEBUG=1) under the same supervisor, the flusher writing view
# counts itself (--direct: it needs no worker).
dev: demo
	exec $(PY) manage.py serve --dev --host $(HOST) --port $(PORT)

# lint-imports: the layer order of docs/architecture.md ([tool.importlinter] in
# pyproject.toml); an import the wrong way fails here, and so `make test`. djLint: the
# HTML templates as `djlint --reformat templates wacana/*/templates` lays them out, and
# its lint rules ([tool.djlint]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint --check templates wacana/*/templates
	$(BIN)/djlint --lint templates wacana/*/templates

typecheck: install
	$(BIN)/mypy wacana

# The whole suite: lint, types, Django's checks, then pytest on SQLite and, where the
# services answer, again on PostgreSQL with Redis as cache.
test: lint typecheck browsers
	DJANGO_SETTINGS_MODULE=wacana.settings $(PY) manage.py check
	$(MAKE) --no-print-directory deploy-check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_messages.py
	$(MAKE) --no-print-directory pytest-sqlite
	$(MAKE) --no-print-directory pytest-postgres

pytest-sqlite: install
	@echo "== pytest on SQLite (local-memory cache)"
	env -u DATABASE_URL -u REDIS_URL $(BIN)/pytest $(PYTEST_FLAGS)

# The browser journeys run once, in the SQLite pass: on PostgreSQL with two workers the
# offline and writing journeys timed out now and then on this 2-core machine (seen twice).
pytest-postgres: install
	@url="$${DATABASE_URL:-$(PG_TEST_URL)}"; \
	if ! $(PY) scripts/services.py postgres "$$url"; then \
		echo "== PostgreSQL does not answer at $$url: skipping the PostgreSQL run"; exit 0; fi; \
	redis="$${REDIS_URL:-$(REDIS_TEST_URL)}"; \
	if $(PY) scripts/services.py redis "$$redis"; then \
		echo "== pytest on PostgreSQL with Redis ($$redis)"; export REDIS_URL="$$redis"; \
	else echo "== Redis does not answer at $$redis: PostgreSQL run without Redis"; unset REDIS_URL; fi; \
	DATABASE_URL="$$url" $(BIN)/pytest $(PYTEST_FLAGS) -m "not browser"

# Debian's chromium drives the browser tests; install it where we can (CI runs as root).
browsers:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium is not installed: browser tests will be skipped"; fi; }

# Load test: SQLite, then PostgreSQL (database wacana_bench) where it answers; the data set
# is kept in var/bench-* between runs. Options: make bench BENCH_ARGS="--regenerate --only sqlite".
bench: install wrk
	$(PY) scripts/bench/run.py $(BENCH_ARGS)

# Where one page's time goes (issue 15): CPU ms per request and the top of a cProfile,
# in-process (Django's test Client), on the SQLite bench data of `make bench`.
# Options: make profile URL=/kategori/fiksiana PROFILE_ARGS="--signed-in --top 40".
URL ?= /kategori/fiksiana
BENCH_SQLITE := $(CURDIR)/var/bench-sqlite
profile: install
	DATABASE_URL=sqlite:///$(BENCH_SQLITE)/wacana.sqlite3 WACANA_VAR_DIR=$(BENCH_SQLITE) \
		WACANA_RATE_LIMITS=off $(PY) scripts/bench/profile_page.py $(URL) $(PROFILE_ARGS)

# First paint on a cheap phone on Slow 4G (issue 18): Debian's chromium through Playwright,
# throttled through the DevTools protocol; FCP, LCP, bytes and requests per page, median of
# 5, on the demo data and the bench data. `make bench` runs it at its end too.
# Options: make paint PAINT_ARGS="--data demo --runs 3".
paint: install browsers
	$(PY) scripts/bench/paint.py $(PAINT_ARGS)

# Write load test: a fresh SQLite site in var/loadtest, granian (2 workers) and the task
# worker on 127.0.0.1, 50 API writers for 60 s; prints errors by status and p50/p99.
# Options: make loadtest LOADTEST_ARGS="--writers 20 --seconds 30 --port 8170 --strict".
loadtest: install
	$(PY) scripts/load/writes.py $(LOADTEST_ARGS)

# wrk drives the load in `make bench`; install Debian's where we can (as root).
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's wrk for make bench"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "wrk is not installed: make bench needs it (apt-get install wrk)"; fi; }

# The writing page's editor (assets/editor): npm ci from its package-lock.json, then an
# esbuild bundle into static/js/editor.js, which is committed so run and test need no Node.
assets:
	cd assets/editor && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

# CI, where Node is present: the committed bundle is byte for byte what its sources build.
check-assets:
	scripts/check_assets.sh

# The writing page's JavaScript, minified and gzipped (make bench prints it too).
bundle-size:
	@$(PYTHON) scripts/bundle_size.py

# Extract new strings into the Indonesian catalogue (needs GNU gettext; English is the
# source language, so it has no catalogue), then compile it. assets/ holds node_modules.
messages: install
	$(PY) manage.py makemessages -l id --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'assets/*'
	$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'assets/*'

clean:
	rm -rf $(VENV) staticfiles .mypy_cache .ruff_cache .pytest_cache

# Two app servers (manage.py serve) behind deploy/nginx.conf, sharing PostgreSQL, Redis and
# an S3 bucket (moto's server), under 40 s of mixed load with one server killed half-way
# (scripts/cluster_test.py). Skips where PostgreSQL, Redis or nginx are missing. Not in
# `make test`: it takes about a minute and a half.
cluster-test: install
	$(PY) scripts/cluster_test.py $(CLUSTER_ARGS)

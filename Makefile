# Two commands do everything on a fresh machine: `make run` and `make test`.
# The venv is built from the committed lock; nothing is installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Rasa with our patches of its internals installed first (rasa_patches/); `rasa run actions`,
# the action server, is rasa_sdk and runs as is.
RASA   := $(BIN)/python -m rasa_patches
LOCK   := requirements/lock.txt
UV_VERSION := 0.13.9
# rasa 3.6 declares Python < 3.11 but runs on 3.11: the lock is compiled for 3.10 and installed as is.
LOCK_TARGET := --python-version 3.10 --python-platform x86_64-manylinux_2_28

MODEL := models/assistant.tar.gz
TRAINING_FILES := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) \
  $(wildcard pipeline/*.py) $(wildcard reading/*.py) $(wildcard languages/*)
ACTIONS_PORT ?= 5055
RASA_PORT ?= 5005
ASSETS_PORT ?= 5006
# Rasa server processes for `make run`: one per core, each with one worker, behind an nginx front
# on RASA_PORT that keeps each socket.io session on the process holding it (web/front.py). They
# share the SQLite lock of each conversation (endpoints.yml) and the stores.
WORKERS ?= $(shell nproc 2>/dev/null || echo 1)
# Rasa's telemetry and error reports would try to reach the internet.
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

WEB_LIBRARIES := web/node_modules/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install front-package system-packages train run shell check test fuzz bench nlu-accuracy nlu-heldout \
  lock clean

install: $(VENV)/.installed $(WEB_LIBRARIES)

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(LOCK) | $(BIN)/uv
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -r $(LOCK)
	touch $@

# The web chat's browser libraries (socket.io client; axe-core for the accessibility test,
# rasa-webchat for the widget's compatibility test).
$(WEB_LIBRARIES): web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: nginx, the front of `make run` (and of the tests of that layout); Chromium for
# the browser tests (Playwright drives it and downloads no browser itself), PostgreSQL for the
# concurrency tests, Redis for the lock store shared by several Rasa servers (the tests start
# throw-away servers of their own on free ports and use no system-wide one).
NGINX := $(shell command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

front-package:
	@if ! [ -x $(NGINX) ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx-light; \
	fi

system-packages: front-package
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	    || ! command -v redis-server >/dev/null; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium postgresql redis-server; \
	fi

# Retrained only when the training data, the domain or the pipeline changed.
$(MODEL): $(TRAINING_FILES) | $(VENV)/.installed
	$(BIN)/rasa train --fixed-model-name assistant --out models

train: $(MODEL)

run: $(MODEL) $(WEB_LIBRARIES) front-package
	$(BIN)/python -m account init
	@mkdir -p var
	@echo "Web chat: http://localhost:$(RASA_PORT)/webhooks/web/  (REST: /webhooks/rest/webhook, socket.io)"
	@echo "Widget for other sites: <script src=\"http://localhost:$(RASA_PORT)/webhooks/web/widget.js\" async></script> (their origins in ALLOWED_ORIGINS)"
	@echo "E-mails are written to var/outbox/ (see .env.example to change it). Ctrl-C stops everything."
	@echo "Conversations older than CONVERSATION_RETENTION_DAYS are purged now, then every hour."
	@trap 'kill 0' EXIT INT TERM; \
	$(BIN)/python -m account purge --every 3600 > var/purge.log 2>&1 & \
	$(BIN)/rasa run actions --actions actions -p $(ACTIONS_PORT) & \
	$(BIN)/python -m web.front --port $(RASA_PORT) --processes $(WORKERS) --run-dir var/front -- \
	  run -m $(MODEL) --credentials credentials.yml --endpoints endpoints.yml

# For support staff: the whole dialogue in a terminal (buttons as choices, links, file paths).
# `rasa shell` runs only its command-line channel, so the CAPTCHA and PDF routes are served by
# `python -m web` next to it, and the links point there.
shell: $(MODEL)
	$(BIN)/python -m account init
	@mkdir -p var
	@trap 'kill 0' EXIT INT TERM; \
	PUBLIC_BASE_URL=http://localhost:$(ASSETS_PORT) \
	  $(BIN)/rasa run actions --actions actions -p $(ACTIONS_PORT) > var/actions.log 2>&1 & \
	$(BIN)/python -m web $(ASSETS_PORT) > var/web.log 2>&1 & \
	$(RASA) shell -m $(MODEL) --endpoints endpoints.yml

# The fast tier, under 3 minutes with a trained model: lint and format check, the tests that
# start no server, no browser and no fuzz run (pytest markers, pyproject.toml), and the story
# tests. Pytest and the stories run side by side (one core each); the stories' output goes to
# results/stories.log and is shown when they fail.
FAST_TESTS := not servers and not browser and not fuzz and not model

check: $(MODEL)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@mkdir -p results
	@echo "Story tests running beside pytest (output: results/stories.log)"
	@$(RASA) test core --model $(MODEL) --stories tests/stories --out results/stories \
	  --fail-on-prediction-errors > results/stories.log 2>&1 & stories=$$!; \
	$(BIN)/python -m pytest -m "$(FAST_TESTS)"; tests=$$?; \
	wait $$stories; stories=$$?; \
	if [ $$stories -eq 0 ]; then echo "Story tests passed (results/stories/)"; \
	else tail -n 40 results/stories.log; echo "Story tests FAILED (results/stories.log)"; fi; \
	[ $$tests -eq 0 ] && [ $$stories -eq 0 ]

test: $(MODEL) $(WEB_LIBRARIES) system-packages
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/rasa data validate
	$(BIN)/python -m tests.evaluation.report --report-only
	$(BIN)/python -m pytest
	$(RASA) test core --model $(MODEL) --stories tests/stories --out results/stories \
	  --fail-on-prediction-errors

# The fuzz runs alone, REST and socket.io (over 6 500 messages, about 15 minutes on 2 cores;
# `make test` runs them too).
fuzz: $(MODEL) system-packages
	$(BIN)/python -m pytest -m fuzz tests/conversation/test_fuzz.py tests/conversation/test_fuzz_socketio.py

# Benchmarks on this machine, our assistant beside `rasa init`'s bot (about 20 minutes): writes
# docs/benchmarks.md and docs/benchmarks.png (raw numbers in results/benchmarks.json).
bench: $(MODEL) $(VENV)/.installed front-package
	$(BIN)/python -m benchmarks

# Intent accuracy per language: 3-fold cross-validation on each language's examples alone.
nlu-accuracy: $(VENV)/.installed
	for language in fr en; do \
	  $(BIN)/rasa test nlu --nlu data/nlu/$$language --config config.yml --cross-validation \
	    --folds 3 --out results/nlu-$$language || exit 1; \
	  $(BIN)/python -c "import json; r = json.load(open('results/nlu-$$language/intent_report.json')); \
	    print('$$language intent accuracy:', round(r['accuracy'], 3))"; \
	done

# What users see on the evaluation sets written blind (report: docs/nlu-blind.md) and on the old
# held-out messages (docs/nlu-heldout.md); exits non-zero below the targets (docs/evaluation.md).
nlu-heldout: $(MODEL)
	$(BIN)/python -m tests.nlu_heldout.report; $(BIN)/python -m tests.evaluation.report

lock: | $(BIN)/uv
	$(BIN)/uv pip compile $(LOCK_TARGET) --override requirements/overrides.txt \
	  requirements/dev.in -o $(LOCK)

clean:
	rm -rf $(VENV) web/node_modules var models results .pytest_cache .rasa

# Two commands do everything on a fresh machine: `make run` and `make test`.
# The venv is built from the committed lock; nothing is installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements/lock.txt
UV_VERSION := 0.13.9
# rasa 3.6 declares Python < 3.11 but runs on 3.11: the lock is compiled for 3.10 and installed as is.
LOCK_TARGET := --python-version 3.10 --python-platform x86_64-manylinux_2_28

.PHONY: install run test lock clean

install: $(VENV)/.installed

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: $(LOCK) | $(BIN)/uv
	$(BIN)/uv pip install --python $(BIN)/python --no-deps -r $(LOCK)
	touch $@

lock: | $(BIN)/uv
	$(BIN)/uv pip compile $(LOCK_TARGET) --override requirements/overrides.txt \
	  requirements/dev.in -o $(LOCK)

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) var models .pytest_cache

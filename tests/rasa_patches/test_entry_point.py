"""`make run`, `make shell` and `make test` start Rasa through `python -m rasa_patches`, which
installs every patch before Rasa's command line runs: the same patches everywhere."""

import logging
import os
import re
import subprocess
import sys

import pytest
import rasa

import rasa_patches
from account.settings import PROJECT_ROOT
from rasa_patches import PATCHES
from rasa_patches import __main__ as entry_point
from web.front import Front

# Targets whose prerequisites are taken as made: nothing is trained, installed or fetched.
SATISFIED = [
    "models/assistant.tar.gz",
    "web/node_modules/.installed",
    "system-packages",
    "front-package",
]
# `make run` starts the Rasa processes through its front, web/front.py (`... -- run -m ...`).
RASA_COMMAND = re.compile(
    r"(\S+(?: -m \S+)?)(?: --port .*? --)? (?:\\\s+)?(run -m|shell -m|test core)\b"
)


def rasa_launchers(target: str) -> list[str]:
    """What starts Rasa (not its action server) in the commands `make <target>` would run."""
    dry_run = subprocess.run(
        ["make", "-n", *(f"-o{name}" for name in SATISFIED), target],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [launcher for launcher, _ in RASA_COMMAND.findall(dry_run)]


@pytest.mark.parametrize("target", ["run", "shell", "test"])
def test_make_starts_rasa_through_the_entry_point(target):
    launchers = rasa_launchers(target)
    assert launchers, f"`make {target}` starts no Rasa server"
    if target == "run":  # the front starts each Rasa process through the entry point
        assert set(launchers) == {".venv/bin/python -m web.front"}
        command = Front(5005, 2, PROJECT_ROOT / "var" / "front", ["run"]).rasa_command(5101)
        assert command[:4] == [sys.executable, "-m", "rasa_patches", "run"]
    else:
        assert set(launchers) == {".venv/bin/python -m rasa_patches"}


def test_the_entry_point_installs_every_patch_before_rasa_runs(monkeypatch, unpatched_afterwards):
    seen = {}

    def rasa_main():
        seen["argv"] = list(sys.argv)
        seen["installed"] = [patch.name for patch in PATCHES if patch.installed()]

    monkeypatch.setattr("rasa.__main__.main", rasa_main)
    monkeypatch.setattr(sys, "argv", ["/x/rasa_patches/__main__.py", "shell", "-m", "m.tar.gz"])
    assert not any(patch.installed() for patch in PATCHES)
    entry_point.main()
    assert seen == {
        "argv": ["rasa", "shell", "-m", "m.tar.gz"],
        "installed": [patch.name for patch in PATCHES],
    }


def test_the_entry_point_runs_rasas_command_line_and_names_the_patches():
    done = subprocess.run(
        [sys.executable, "-m", "rasa_patches", "--version"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Rasa Version" in done.stdout
    [line] = [line for line in done.stderr.splitlines() if "rasa_patches.main" in line]
    assert f"Rasa {rasa.__version__} patched:" in line
    for patch in PATCHES:
        assert f"{patch.name} ({patch.target})" in line


def load_policy(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    from pipeline.typed_answers import TypedAnswerPolicy

    return TypedAnswerPolicy.load(
        TypedAnswerPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("typed_answers"),
        ExecutionContext(GraphSchema({}), "model"),
    )


def test_a_rasa_started_without_the_patches_says_so_loudly(tmp_path, caplog, unpatched_afterwards):
    caplog.set_level(logging.ERROR, logger="pipeline.typed_answers")
    load_policy(tmp_path)
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert errors and "python -m rasa_patches" in errors[0].getMessage()
    assert "conversation_language" in errors[0].getMessage()
    caplog.clear()
    rasa_patches.install()
    load_policy(tmp_path)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]

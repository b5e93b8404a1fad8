"""`python -m benchmarks.compare BEFORE`: this checkout's assistant against the one of another
commit, measured alternately in one run on this machine (one-user p50, ten-user throughput and
p95), so that a change is judged against what it replaced under the same load of the machine.

The other commit is checked out in a temporary worktree sharing this virtualenv, and its model
trained there. Each measurement starts that checkout's own servers (`harness/`, `make run`'s
layout: one Rasa process per core behind the nginx front) and its simulated users
(`benchmarks/dialogues.py`); the results go to results/benchmarks-compare.json and a table on
standard output.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from account.settings import PROJECT_ROOT

# Run in the checkout measured, with its own modules (the harness and dialogues of that commit).
MEASURE = r"""
import json, os, sys, tempfile
from pathlib import Path
from benchmarks import dialogues
from benchmarks.load import run_users
from harness.servers import Assistant

seconds, workers = float(sys.argv[1]), int(sys.argv[2])
with tempfile.TemporaryDirectory(prefix="compare-") as home:
    ours = Assistant(Path(home), captcha_enabled=True, workers=workers).start()
    try:
        registration = dialogues.registration(ours.captcha_answer, ours.outbox)
        one = run_users(ours.base_url, registration, 1, seconds / 2, "one")
        ten = run_users(ours.base_url, registration, 10, seconds, "ten")
    finally:
        ours.stop()
print(json.dumps({"p50 one user (ms)": 1000 * one.percentile(50), "turns per second, 10 users":
                  ten.turns_per_second, "p95 10 users (ms)": 1000 * ten.percentile(95),
                  "errors": len(one.errors) + len(ten.errors)}))
"""


def checkout(commit: str, folder: Path) -> Path:
    """The commit in a worktree, with this virtualenv and its model trained."""
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(folder), commit], cwd=PROJECT_ROOT, check=True
    )
    (folder / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    subprocess.run(
        [str(PROJECT_ROOT / ".venv/bin/rasa"), "train", "--fixed-model-name", "assistant",
         "--out", "models"],
        cwd=folder,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        check=True,
        capture_output=True,
    )  # fmt: skip
    return folder


def measure(folder: Path, seconds: float, workers: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(seconds), str(workers)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(folder), "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", help="the commit to compare with (e.g. a tag or a hash)")
    parser.add_argument("--rounds", type=int, default=2, help="alternations (before, after)")
    parser.add_argument("--seconds", type=float, default=30, help="load at 10 users")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare-") as temporary:
        before = checkout(arguments.before, Path(temporary) / "before")
        try:
            runs: dict[str, list[dict]] = {"before": [], "after": []}
            sides = [("before", before), ("after", PROJECT_ROOT)]
            for round_ in range(arguments.rounds):
                # Each side first in turn: the machine's drift during the run cancels out.
                for side, folder in sides if round_ % 2 == 0 else sides[::-1]:
                    runs[side].append(measure(folder, arguments.seconds, arguments.workers))
                    print(f"round {round_ + 1} {side}: {runs[side][-1]}", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=PROJECT_ROOT)
    results = {"before": arguments.before, "runs": runs}
    (PROJECT_ROOT / "results").mkdir(exist_ok=True)
    (PROJECT_ROOT / "results" / "benchmarks-compare.json").write_text(json.dumps(results, indent=2))
    print(f"\n| measure | before ({arguments.before}) | after |\n|---|---|---|")
    for name in runs["before"][0]:
        values = {side: statistics.median(r[name] for r in runs[side]) for side in runs}
        print(
            f"| {name} (median of {arguments.rounds}) | {values['before']:.1f} | {values['after']:.1f} |"
        )


if __name__ == "__main__":
    main()

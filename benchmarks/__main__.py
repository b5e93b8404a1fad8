"""`make bench`: measure this machine, write docs/benchmarks.md and docs/benchmarks.png.

    python -m benchmarks [--seconds 60] [--skip-training] [--workers N]

Our servers and `rasa init`'s bot run one after the other, each alone, with the same simulated
users; results/benchmarks.json keeps the raw numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
from datetime import date
from pathlib import Path

import rasa

from account.settings import PROJECT_ROOT
from benchmarks import account_service, dialogues, report, training
from benchmarks.load import run_users
from benchmarks.processes import cpu_seconds, memory_of_tree, process_tree, role
from benchmarks.servers import ReferenceBot, our_assistant

LEVELS = (1, 10, 50)
LONG_TURNS = 200


def summary(result) -> dict:
    return {
        "turns": len(result.latencies),
        "dialogues": result.dialogues,
        "turns per second": result.turns_per_second,
        "p50": result.percentile(50),
        "p95": result.percentile(95),
        "p99": result.percentile(99),
        "errors": len(result.errors),
        "error examples": result.errors[:5],
    }


def server_processes(rasa_pid: int, action_server_pid: int | None = None) -> dict[str, int]:
    """The processes to watch, by name: each Rasa process, the nginx front (master and worker)
    and its launcher when there are several, the action server."""
    tree = process_tree(rasa_pid)
    if len(tree) == 1:
        named = {"rasa": rasa_pid}
    else:
        counts: dict[str, int] = {}
        named = {}
        for pid in tree:
            kind = role(pid)
            counts[kind] = counts.get(kind, 0) + 1
            named[f"{kind} {counts[kind]}" if kind != "launcher" else kind] = pid
    if action_server_pid is not None:
        named["action server"] = action_server_pid
    return named


def loads(base_url: str, dialogue, seconds: float, prefix: str, processes: dict) -> dict:
    """Each load level, with the CPU each process used during it (100 = one core)."""
    runs = {}
    for users in LEVELS:
        before = {name: cpu_seconds(pid) for name, pid in processes.items()}
        result = run_users(base_url, dialogue, users, seconds if users > 1 else seconds / 2, prefix)
        runs[str(users)] = summary(result)
        runs[str(users)]["cpu percent"] = {
            name: round(100 * (cpu_seconds(pid) - before[name]) / result.seconds, 1)
            for name, pid in processes.items()
        }
        print(f"  {prefix} {users} users: {runs[str(users)]}", flush=True)
    return runs


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "rasa": rasa.__version__,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--seconds", type=float, default=60, help="load per level (10 and 50 users)"
    )
    parser.add_argument(
        "--skip-training", action="store_true", help="reuse the last training times"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="Rasa server processes for ours (default: one per core, as `make run`)",
    )
    arguments = parser.parse_args()
    results_file = PROJECT_ROOT / "results" / "benchmarks.json"
    previous = json.loads(results_file.read_text()) if results_file.is_file() else {}
    results = {
        "date": date.today().isoformat(),
        "machine": machine(),
        "load": {},
        "long": {},
        "memory": {},
    }

    with tempfile.TemporaryDirectory(prefix="bench-") as temporary:
        home = Path(temporary)
        if arguments.skip_training and "training" in previous:
            results["training"] = previous["training"]
        else:
            print("Training (cold, then cached)...", flush=True)
            results["training"] = training.measure(home / "training")

        print("Account service...", flush=True)
        (home / "service").mkdir()
        results["service"] = account_service.measure(home / "service")

        print("Our assistant...", flush=True)
        (home / "ours").mkdir()
        ours = our_assistant(home / "ours", arguments.workers)
        try:
            rasa_pid = ours.processes["rasa"].pid
            processes = server_processes(rasa_pid, ours.processes["actions"].pid)
            results["workers"] = arguments.workers
            results["memory"]["rasa server"] = memory_of_tree(rasa_pid)
            results["memory"]["action server"] = memory_of_tree(ours.processes["actions"].pid)
            registration = dialogues.registration(ours.captcha_answer, ours.outbox)
            results["load"]["ours"] = loads(
                ours.base_url, registration, arguments.seconds, "ours", processes
            )
            long = run_users(
                ours.base_url,
                dialogues.long_registration(ours.captcha_answer, ours.outbox, LONG_TURNS),
                1,
                0,
                "ours-long",
            )
            results["long"]["ours"] = long.median_by_turn(report.TURN_BUCKET)
            results["memory"]["rasa server after load"] = memory_of_tree(rasa_pid)
        finally:
            ours.stop()

        print("rasa init's bot...", flush=True)
        (home / "reference").mkdir()
        reference = ReferenceBot(home / "reference")
        results["training"]["reference init"] = reference.create()
        reference.start()
        try:
            results["memory"]["reference server"] = memory_of_tree(reference.process.pid)
            results["load"]["reference"] = loads(
                reference.base_url,
                dialogues.reference(),
                arguments.seconds,
                "init",
                server_processes(reference.process.pid),
            )
            long = run_users(
                reference.base_url, dialogues.reference(LONG_TURNS // 6 + 1), 1, 0, "init-long"
            )
            results["long"]["reference"] = long.median_by_turn(report.TURN_BUCKET)
        finally:
            reference.stop()

    results_file.parent.mkdir(exist_ok=True)
    results_file.write_text(json.dumps(results, indent=2))
    docs = PROJECT_ROOT / "docs"
    (docs / "benchmarks.md").write_text(report.markdown(results))
    report.plot(results, docs / "benchmarks.png")
    print((docs / "benchmarks.md").read_text())


if __name__ == "__main__":
    main()

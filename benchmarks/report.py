"""docs/benchmarks.md (tables, targets) and docs/benchmarks.png from a run's results."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TURN_BUCKET = 25


def ms(seconds: float) -> str:
    return "n/a" if seconds is None or math.isnan(seconds) else f"{seconds * 1000:.0f} ms"


# "Flat": the last turns of the long conversation within this factor of its first turns.
FLAT_FACTOR = 1.5


def growth(series: dict) -> float:
    """Median latency of the last bucket of turns over that of the first."""
    starts = sorted(series, key=int)
    return series[starts[-1]] / series[starts[0]]


def targets(results: dict) -> list[tuple[str, str, bool]]:
    ours, reference = results["load"]["ours"], results["load"]["reference"]
    long_ours = results["long"]["ours"]
    first, last = sorted(long_ours, key=int)[0], sorted(long_ours, key=int)[-1]
    best = lambda runs: max(run["turns per second"] for run in runs.values())  # noqa: E731
    return [
        (
            "turns per second, at least twice rasa init's",
            f"{best(ours):.1f} vs {best(reference):.1f} (x{best(ours) / best(reference):.2f})",
            best(ours) >= 2 * best(reference),
        ),
        (
            "p95 under 300 ms, 10 users without pause",
            ms(ours["10"]["p95"]),
            ours["10"]["p95"] < 0.3,
        ),
        ("p50 under 50 ms, one user", ms(ours["1"]["p50"]), ours["1"]["p50"] < 0.05),
        (
            f"latency flat along a conversation (last {TURN_BUCKET} turns of {int(last) + TURN_BUCKET - 1} "
            f"within x{FLAT_FACTOR} of the first {TURN_BUCKET})",
            f"{ms(long_ours[first])} → {ms(long_ours[last])} (x{growth(long_ours):.2f}; rasa init "
            f"x{growth(results['long']['reference']):.2f})",
            growth(long_ours) <= FLAT_FACTOR,
        ),
        ("no error at 50 users", f"{ours['50']['errors']} errors", ours["50"]["errors"] == 0),
        (
            "full training under 5 minutes",
            f"{results['training']['cold'] / 60:.1f} min",
            results["training"]["cold"] < 300,
        ),
        (
            "Rasa server under 1.2 GB per worker (PSS of all its processes)",
            f"{per_worker(results):.0f} MB ({results['memory']['rasa server']['pss']:.0f} MB "
            f"for {results['workers']} workers)",
            per_worker(results) < 1200,
        ),
    ]


def per_worker(results: dict) -> float:
    return results["memory"]["rasa server"]["pss"] / results["workers"]


def cpu_table(results: dict) -> list[str]:
    """CPU used by each process during each load level (100% = one core)."""
    lines = ["| Bot | Users | " + " | ".join(["Process", "CPU"]) + " |", "|---|---|---|---|"]
    for name, runs in (
        ("ours", results["load"]["ours"]),
        ("rasa init", results["load"]["reference"]),
    ):
        for users, run in runs.items():
            for process, percent in run.get("cpu percent", {}).items():
                lines.append(f"| {name} | {users} | {process} | {percent:.0f}% |")
    return lines


def markdown(results: dict) -> str:
    machine = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {results['date']}: {machine['cpu']}, {machine['cores']} cores, "
        f"Python {machine['python']}, Rasa {machine['rasa']}. Our assistant and `rasa init`'s bot "
        "were measured in the same run, one after the other, each alone on the machine. "
        "Plot: [benchmarks.png](benchmarks.png).",
        "",
        "## Targets",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
    ]
    lines += [
        f"| {name} | {value} | {'yes' if met else '**no**'} |"
        for name, value, met in targets(results)
    ]
    lines += [
        "",
        "## Latency per turn over the REST channel",
        "",
        "Simulated users send each message as soon as the previous answer arrives. Ours: complete "
        "registrations and activations (25 turns, CAPTCHA on, SQLite, file outbox, "
        f"{results['workers']} Rasa processes behind the nginx front, as `make run` on this "
        "machine; the load goes through the front). "
        "`rasa init`: its greeting and mood dialogue (6 turns), one process as it comes.",
        "",
        "| Bot | Users | Turns | Dialogues | Turns/s | p50 | p95 | p99 | Errors | Ratio p50 (ours / init) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    ours, reference = results["load"]["ours"], results["load"]["reference"]
    for name, runs in (("ours", ours), ("rasa init", reference)):
        for users, run in runs.items():
            ratio = (
                f"{ours[users]['p50'] / reference[users]['p50']:.2f}"
                if runs is ours and users in reference
                else ""
            )
            lines.append(
                f"| {name} | {users} | {run['turns']} | {run['dialogues']} | "
                f"{run['turns per second']:.1f} | {ms(run['p50'])} | {ms(run['p95'])} | "
                f"{ms(run['p99'])} | {run['errors']} | {ratio} |"
            )
    lines += [
        "",
        f"## Latency by turn index (one user, median per {TURN_BUCKET} turns)",
        "",
        "Ours: one registration and activation, then questions and thanks in the same "
        "conversation. `rasa init`: its dialogue repeated in one conversation.",
        "",
        "| Turns | Ours | rasa init |",
        "|---|---|---|",
    ]
    long_ours, long_reference = results["long"]["ours"], results["long"]["reference"]
    for start in sorted(set(long_ours) | set(long_reference), key=int):
        lines.append(
            f"| {start}–{int(start) + TURN_BUCKET - 1} | {ms(long_ours.get(start))} | "
            f"{ms(long_reference.get(start))} |"
        )
    lines += [
        "",
        "## CPU per process during the load",
        "",
        "CPU time each process used during each level, over the level's duration (100% is one "
        "core). Ours, as `make run` starts it: each Rasa process, nginx in front of them (its "
        "master and its worker), the launcher that started them (web/front.py), the action "
        "server; the simulated users run on the same machine and use the rest.",
        "",
        *cpu_table(results),
    ]
    service, memory, training = results["service"], results["memory"], results["training"]
    lines += [
        "",
        "## Memory, training, account service",
        "",
        "PSS counts each page shared between processes (libraries; each Rasa process loads "
        "its own model) once "
        "in all: the PSS of a server's processes add up to what the server uses. RSS counts "
        "shared pages in every process.",
        "",
        "| Measure | Value |",
        "|---|---|",
        f"| Rasa server after loading (ours, {memory['rasa server']['processes']} processes): "
        f"PSS / RSS | {memory['rasa server']['pss']:.0f} MB / {memory['rasa server']['rss']:.0f} MB |",
        f"| Rasa server after the load (ours): PSS / RSS | "
        f"{memory['rasa server after load']['pss']:.0f} MB / "
        f"{memory['rasa server after load']['rss']:.0f} MB |",
        f"| Action server after loading: PSS / RSS | {memory['action server']['pss']:.0f} MB / "
        f"{memory['action server']['rss']:.0f} MB |",
        f"| Rasa server after loading (rasa init, one process): PSS / RSS | "
        f"{memory['reference server']['pss']:.0f} MB / {memory['reference server']['rss']:.0f} MB |",
        f"| Full training, cold cache | {training['cold']:.0f} s |",
        f"| Full training, cache unchanged | {training['cached']:.0f} s |",
        f"| `rasa init` (creates and trains its bot) | {training['reference init']:.0f} s |",
        f"| Pre-registrations per second (argon2id hashing included, one thread) | "
        f"{service['pre-registrations per second']:.1f} |",
        f"| Activations per second (one thread) | {service['activations per second']:.1f} |",
        "",
        "Raw numbers: `results/benchmarks.json` (not committed).",
        "",
    ]
    return "\n".join(lines)


def plot(results: dict, path: Path) -> None:
    figure, (by_users, by_turn) = plt.subplots(1, 2, figsize=(12, 4.5))
    ours, reference = results["load"]["ours"], results["load"]["reference"]
    levels = list(ours)
    width = 0.2
    for offset, (name, runs, colour) in enumerate(
        (("ours", ours, "#000091"), ("rasa init", reference, "#e1000f"))
    ):
        for shade, quantile in ((1.0, "p50"), (0.5, "p95")):
            positions = [i + (offset * 2 + (quantile == "p95")) * width for i in range(len(levels))]
            by_users.bar(
                positions,
                [runs[level][quantile] * 1000 for level in levels],
                width,
                color=colour,
                alpha=shade,
                label=f"{name} {quantile}",
            )
    by_users.set_xticks(
        [i + 1.5 * width for i in range(len(levels))], [f"{u} users" for u in levels]
    )
    by_users.set_ylabel("latency per turn (ms)")
    by_users.set_yscale("log")
    by_users.set_title("Latency by concurrent users (REST)")
    by_users.legend(fontsize=8)
    for name, series, colour in (
        ("ours", results["long"]["ours"], "#000091"),
        ("rasa init", results["long"]["reference"], "#e1000f"),
    ):
        starts = sorted(series, key=int)
        by_turn.plot(
            [int(s) for s in starts],
            [series[s] * 1000 for s in starts],
            marker="o",
            color=colour,
            label=name,
        )
    by_turn.set_xlabel("turn index in the conversation")
    by_turn.set_ylabel(f"median latency per {TURN_BUCKET} turns (ms)")
    by_turn.set_title("Latency along one long conversation")
    by_turn.set_ylim(bottom=0)
    by_turn.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)

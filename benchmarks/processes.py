"""CPU and memory of a server's processes, read from /proc (Linux): `make run`'s Rasa server is
a launcher (web/front.py) with one Rasa process per core and nginx, the front, as children."""

from __future__ import annotations

import os
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    # The command name, in parentheses, may hold spaces: split after its closing one.
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants, parents first."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int(_stat(int(entry.name))[1])
            except (OSError, ValueError, IndexError):
                continue  # ended meanwhile
            children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [pid]
    while pending:
        current = pending.pop(0)
        tree.append(current)
        pending += sorted(children.get(current, []))
    return tree


def arguments(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")


def role(pid: int) -> str:
    """What a process of the server is: "rasa" (`python -m rasa_patches ...`), "nginx" or
    "launcher" (web/front.py)."""
    command = arguments(pid)
    if "rasa_patches" in command:
        return "rasa"
    return "nginx" if command[0].startswith("nginx") else "launcher"


def rasa_processes(pid: int) -> list[int]:
    """The Rasa processes of the server started as `pid` (itself, when it is one)."""
    return [member for member in process_tree(pid) if role(member) == "rasa"]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def memory_megabytes(pid: int) -> dict[str, float]:
    """Resident memory (RSS) and proportional share (PSS: each shared page divided between the
    processes that map it, so the PSS of several processes add up to what they use together)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            values[name.lower()] = int(rest.split()[0]) / 1024
    return values


def memory_of_tree(pid: int) -> dict[str, float]:
    """RSS and PSS of `pid` and its descendants, added up (PSS is the honest total)."""
    total = {"rss": 0.0, "pss": 0.0, "processes": 0}
    for member in process_tree(pid):
        try:
            values = memory_megabytes(member)
        except OSError:
            continue
        total["rss"] += values["rss"]
        total["pss"] += values["pss"]
        total["processes"] += 1
    return total

"""make bench's report and its process readings (benchmarks/), on made-up numbers: the run itself
takes 20 minutes and is not part of `make test`."""

import os
import subprocess
import sys
import time

from benchmarks import report
from benchmarks.__main__ import server_processes
from benchmarks.processes import cpu_seconds, memory_of_tree, process_tree, rasa_processes


def run(turns_per_second, p50, p95, cpu):
    return {
        "turns": 100,
        "dialogues": 4,
        "turns per second": turns_per_second,
        "p50": p50,
        "p95": p95,
        "p99": p95 * 1.2,
        "errors": 0,
        "cpu percent": cpu,
    }


def results() -> dict:
    memory = {"rss": 2100.0, "pss": 1500.0, "processes": 3}
    ours_cpu = {"rasa main": 0.1, "rasa worker 1": 97.0, "rasa worker 2": 95.0, "action server": 40}
    return {
        "date": "2026-12-01",
        "machine": {"cpu": "AMD EPYC", "cores": 2, "python": "3.11.7", "rasa": "3.6.21"},
        "workers": 2,
        "load": {
            "ours": {
                "1": run(20.0, 0.045, 0.08, ours_cpu),
                "10": run(50.0, 0.2, 0.29, ours_cpu),
                "50": run(51.0, 0.9, 1.5, ours_cpu),
            },
            "reference": {
                "1": run(22.0, 0.044, 0.05, {"rasa": 99}),
                "10": run(23.0, 0.4, 0.7, {"rasa": 100}),
                "50": run(23.4, 1.6, 2.6, {"rasa": 100}),
            },
        },
        "long": {"ours": {"1": 0.045, "176": 0.043}, "reference": {"1": 0.059, "176": 0.22}},
        "memory": {
            "rasa server": memory,
            "rasa server after load": memory,
            "action server": {"rss": 150.0, "pss": 120.0, "processes": 1},
            "reference server": {"rss": 1100.0, "pss": 1000.0, "processes": 1},
        },
        "training": {"cold": 215.0, "cached": 30.0, "reference init": 106.0},
        "service": {"pre-registrations per second": 22.3, "activations per second": 123.6},
    }


def test_the_report_states_workers_cpu_per_process_and_memory_of_all_of_them():
    text = report.markdown(results())
    assert "2 Rasa processes behind the nginx front" in text
    assert "| ours | 10 | rasa worker 2 | 95% |" in text
    assert "| rasa init | 50 | rasa | 100% |" in text
    assert "1500 MB / 2100 MB" in text
    met = {name: ok for name, _, ok in report.targets(results())}
    assert met["turns per second, at least twice rasa init's"]  # 51.0 against 23.4
    assert met["Rasa server under 1.2 GB per worker (PSS of all its processes)"]  # 750 MB each


def test_a_missed_target_is_reported_as_missed():
    slower = results()
    slower["load"]["ours"]["10"]["p95"] = 0.31
    assert "| p95 under 300 ms, 10 users without pause | 310 ms | **no** |" in report.markdown(
        slower
    )


def test_processes_of_a_server_are_found_with_their_cpu_and_memory():
    # A parent with two busy children, as the front's launcher and its Rasa processes (their
    # command lines name rasa_patches, as `python -m rasa_patches run ...` does).
    busy = "import time\nend = time.time() + 1.5\nwhile time.time() < end: pass\n"
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import subprocess, sys\n"
            f"children = [subprocess.Popen([sys.executable, '-c', {busy!r}, 'rasa_patches'])"
            " for _ in range(2)]\n"
            "[c.wait() for c in children]\n",
        ]
    )
    try:
        time.sleep(0.8)
        named = server_processes(parent.pid, os.getpid())
        assert list(named) == ["launcher", "rasa 1", "rasa 2", "action server"]
        assert rasa_processes(parent.pid) == [named["rasa 1"], named["rasa 2"]]
        assert process_tree(parent.pid)[0] == parent.pid
        assert cpu_seconds(named["rasa 1"]) > 0.2
        memory = memory_of_tree(parent.pid)
        assert memory["processes"] == 3 and 0 < memory["pss"] <= memory["rss"]
    finally:
        parent.wait(timeout=10)

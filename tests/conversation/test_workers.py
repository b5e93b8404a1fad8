"""Several Rasa server processes on one machine (`make run` starts one per core behind its nginx
front, web/front.py): they share the SQLite lock of each conversation and the stores, and each
keeps the trackers it saved last in memory (transcripts/locks.py, transcripts/recent.py)."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from benchmarks import dialogues
from benchmarks.load import run_users
from benchmarks.processes import cpu_seconds, rasa_processes
from harness.servers import running

pytestmark = pytest.mark.servers

WORKERS = 2


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(tmp_path_factory.mktemp("workers"), workers=WORKERS) as servers:
        yield servers


def workers_of(assistant) -> list[int]:
    return rasa_processes(assistant.processes["rasa"].pid)


def test_the_rasa_server_runs_the_processes_asked_for(assistant):
    assert len(workers_of(assistant)) == WORKERS


def test_whole_registrations_go_through_several_workers(assistant):
    before = {pid: cpu_seconds(pid) for pid in workers_of(assistant)}
    result = run_users(
        assistant.base_url,
        dialogues.registration(assistant.captcha_answer, assistant.outbox),
        users=6,
        duration=25,
        prefix="workers",
        keep_alive=False,  # each message may reach either worker
    )
    assert result.errors == [] and result.dialogues >= 6
    # Every worker answered part of the messages (each one used the processor meanwhile).
    assert all(cpu_seconds(pid) - used > 1 for pid, used in before.items())


def test_messages_of_one_conversation_sent_at_once_are_handled_one_after_the_other(assistant):
    sender = "at-once"
    assistant.say(sender, "bonjour")
    messages = [f"question {number} : c'est quoi le mode expert ?" for number in range(8)]
    with ThreadPoolExecutor(len(messages)) as pool:
        answers = list(pool.map(lambda text: assistant.say(sender, text), messages))
    assert all(answers)
    events = assistant.tracker(sender)["events"]
    users = [i for i, e in enumerate(events) if e["event"] == "user"]
    assert len(users) == len(messages) + 1
    # A turn that ran beside another would put two user messages with no wait between them.
    for previous, current in itertools.pairwise(users):
        turn = events[previous + 1 : current]
        assert turn and turn[-1].get("name") == "action_listen", turn
        assert sum(e.get("name") == "action_listen" for e in turn) == 1, turn
    assert Path(assistant.lock_database).is_file()

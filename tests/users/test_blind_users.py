"""The simulated users written blind (tests/users/blind.py) against the real servers, with as many
Rasa workers as `make run` starts. At least 95 % must complete with every check; each user's
outcome and transcript go to results/blind-users/."""

from __future__ import annotations

import json

import pytest

from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import MAKE_RUN_WORKERS, running
from tests.conftest import activation_code_in, read_messages
from tests.users.blind import BlindUser, blind_users

pytestmark = pytest.mark.servers
TARGET = 0.95
# Measured 46/48 on 2026-12-06 (results/blind-users.json, docs/evaluation.md): the floor keeps
# what works working; the target is the issue's.
FLOOR = 46


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(
        tmp_path_factory.mktemp("blind-users"), captcha_enabled=True, workers=MAKE_RUN_WORKERS
    ) as servers:
        yield servers


@pytest.fixture(scope="module")
def outcomes(assistant) -> list:
    return run_all(assistant)


def run_all(assistant) -> list:
    def code_for(email: str) -> str:
        mails = [m for m in read_messages(assistant.outbox) if m["To"] == email]
        return activation_code_in(mails[-1])

    outcomes = []
    transcripts = PROJECT_ROOT / "results" / "blind-users"
    transcripts.mkdir(parents=True, exist_ok=True)
    for user in blind_users():
        person = BlindUser(user, assistant.say, assistant.captcha_answer, code_for, PASSWORD)
        outcome = person.run()
        (transcripts / f"{user['id']}.txt").write_text(
            (outcome.failure or "completed") + "\n\n" + person.transcript_text(last=None)
        )
        outcomes.append(outcome)
    report = {
        o.user["id"]: {"completed": o.completed, "turns": o.turns, "failure": o.failure}
        for o in outcomes
    }
    (PROJECT_ROOT / "results" / "blind-users.json").write_text(json.dumps(report, indent=1))
    return outcomes


def test_no_fewer_complete_than_measured_last(outcomes):
    """A floor under the figure measured last: what works keeps working while the target is
    not met (raise it with each improvement)."""
    completed = [o for o in outcomes if o.completed]
    failures = "\n".join(o.failure.split("\n")[0] for o in outcomes if not o.completed)
    print(f"blind users: {len(completed)}/{len(outcomes)} completed")
    assert len(completed) >= FLOOR, f"{len(completed)}/{len(outcomes)} completed:\n{failures}"


def test_the_blind_users_complete_with_what_they_meant(outcomes):
    completed = [o for o in outcomes if o.completed]
    rate = len(completed) / len(outcomes)
    failures = "\n\n".join(o.failure.split("\n")[0] for o in outcomes if not o.completed)
    assert rate >= TARGET, f"{len(completed)}/{len(outcomes)} completed:\n{failures}"

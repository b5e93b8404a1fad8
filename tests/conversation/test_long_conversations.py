"""A conversation continued in a new session at every pause (transcripts/sessions.py) goes on as
if nothing happened: rules that read the last question, the language, the registration."""

import asyncio
import re

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted

from account.settings import PROJECT_ROOT
from harness.dialogue import pre_register
from harness.servers import running, text_of
from tests.conftest import activation_code_in, read_messages
from transcripts.store import RedactingSQLTrackerStore

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    home = tmp_path_factory.mktemp("sessions")
    # A limit of one event: a new session starts each time the assistant waits outside a form.
    stores = (
        "tracker_store:\n  type: transcripts.store.RedactingSQLTrackerStore\n"
        f"  dialect: sqlite\n  db: {home / 'tracker.db'}\n  max_session_events: 1\n"
    )
    with running(home, stores=stores) as servers:
        yield servers


def test_a_registration_goes_on_across_new_sessions(assistant):
    sender = "sessions-en"
    say = lambda text: text_of(assistant.say(sender, text))  # noqa: E731
    assert "Hello" in say("Hello")
    assert "Do you really want to give up?" in say("cancel")
    assert "Fine, let's go on." in say("no")  # the rule reads the question of the session before

    summary = pre_register(
        assistant,
        sender,
        "long.talk@example.co.uk",
        "I want to set up a professional account",
        "SMITH Ann, +44 20 7946 0958, 3 Baker Street, London",
        "skip",
        "SW1A 1AA",
        "United Kingdom",
        '/choose_trust_question{"trust_question": "partner_first_name"}',
        "Max",
    )
    assert "Summary of your registration" in text_of(summary)
    confirmed = say("yes")  # read as a yes to the summary shown in the session before
    assert "The activation code has just been sent to long.talk@example.co.uk" in confirmed
    assert "Do you really want to give up?" in say("cancel")

    code = activation_code_in(
        [m for m in read_messages(assistant.outbox) if m["To"] == "long.talk@example.co.uk"][-1]
    )
    assert "Fine, let's go on." in say("no")
    assert "Enter the activation code" in say("I have my activation code")
    captcha = assistant.say(sender, code)
    assert "login email" in say(assistant.captcha_answer(captcha))
    done = say("long.talk@example.co.uk")
    assert re.search(r"under the number \d{14}", done)

    history = assistant.tracker(sender)  # every session, every event
    assert sum(e["event"] == "session_started" for e in history["events"]) >= 5
    assert history["slots"]["language"] == "en"
    store = RedactingSQLTrackerStore(
        Domain.load(PROJECT_ROOT / "domain.yml"),
        dialect="sqlite",
        db=str(assistant.home / "tracker.db"),
    )
    current = asyncio.run(store.retrieve(sender))
    assert isinstance(current.events[1], SessionStarted) and len(current.events) < 60

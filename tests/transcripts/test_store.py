"""The tracker store writes no password nor activation code (transcripts/store.py)."""

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from account.settings import PROJECT_ROOT
from transcripts.store import REDACTED, RedactingSQLTrackerStore, redacted_events

SECRET = "SuperSecretPassword2023xx"


def said(text, intent="inform"):
    return UserUttered(
        text,
        {"name": intent, "confidence": 1.0},
        parse_data={"text": text, "intent": {"name": intent}},
    )


def asked(slot):
    return [SlotSet("requested_slot", slot), ActionExecuted("action_listen")]


@pytest.mark.parametrize(
    "slot, redacted",
    [
        ("password", True),
        ("password_confirmation", True),
        ("activation_code", True),
        ("surname", False),
        ("captcha_answer", False),
        (None, False),
    ],
)
def test_which_answers_are_redacted(slot, redacted):
    events = list(redacted_events([*asked(slot), said(SECRET)]))
    assert (events[-1].text == REDACTED) is redacted
    assert (events[-1].parse_data["text"] == REDACTED) is redacted


def test_saved_trackers_hold_no_secret_and_keep_the_rest(tmp_path):
    domain = Domain.load(PROJECT_ROOT / "domain.yml")
    store = RedactingSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    tracker = DialogueStateTracker.from_events(
        "s",
        [
            ActionExecuted("action_listen"),
            said("bonjour", "greet"),
            *asked("password"),
            said(SECRET),
        ],
        slots=domain.slots,
    )
    asyncio.run(store.save(tracker))
    for event in (*asked("surname"), said("Dupont")):
        tracker.update(event)
    asyncio.run(store.save(tracker))  # saved again: only new events are added
    texts = [e.text for e in asyncio.run(store.retrieve("s")).events if isinstance(e, UserUttered)]
    assert texts == ["bonjour", REDACTED, "Dupont"]
    assert SECRET.encode() not in (tmp_path / "t.db").read_bytes()


def test_a_secret_typed_in_the_wrong_place_is_redacted_too():
    from account.credentials import hash_password

    events = [
        *asked("password"),
        said(SECRET),
        SlotSet("password", hash_password(SECRET)),
        *asked("phone"),
        said(SECRET),  # the password again, at another question
        said("mHPstewGkBYj"),  # an activation code, anywhere
        said("0123456789"),
        said("Dupont"),
        said("Villeurbanne"),
        said("lila.rosemonde2023@orange.fr"),
        said("AnotherLongPassword2024xx"),
    ]  # not the password: kept
    texts = [e.text for e in redacted_events(events) if isinstance(e, UserUttered)]
    assert texts == [
        REDACTED,
        REDACTED,
        REDACTED,
        "0123456789",
        "Dupont",
        "Villeurbanne",
        "lila.rosemonde2023@orange.fr",
        "AnotherLongPassword2024xx",
    ]


def test_the_rasa_methods_the_store_replaces_are_the_ones_it_was_written_for(monkeypatch):
    from transcripts import store

    assert store.changed_rasa_methods() == []
    monkeypatch.setitem(store.RASA_METHODS, "save", "0" * 64)
    assert store.changed_rasa_methods() == ["save"]
    with pytest.raises(RuntimeError, match="changed save"):
        store.RedactingSQLTrackerStore(dialect="sqlite", db=":memory:")


def test_what_was_read_of_a_secret_goes_with_it():
    """The Rasa server writes no reading at a secret question; a secret typed elsewhere (an
    activation code at the city question) loses the reading written with it."""
    message = UserUttered(
        "Ab3dEf7hJk9m",
        {"name": "inform", "confidence": 1.0},
        parse_data={"text": "Ab3dEf7hJk9m", "reading": {"text": "Ab3dEf7hJk9m", "read": {}}},
    )
    event = list(redacted_events([*asked("city"), message]))[-1]
    assert event.text == REDACTED and "reading" not in event.parse_data

"""A conversation's tracker is handed out again from memory when this process saved it last, and
read from the store whenever another process wrote since (transcripts/recent.py, store.py)."""

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from account.settings import PROJECT_ROOT
from tests.transcripts.test_store import SECRET, asked, said
from transcripts.store import REDACTED, RedactingSQLTrackerStore


@pytest.fixture(scope="module")
def domain():
    return Domain.load(PROJECT_ROOT / "domain.yml")


@pytest.fixture
def open_store(domain, tmp_path):
    """A store on the test's database: each one stands for another worker or instance."""

    def open_(**options) -> RedactingSQLTrackerStore:
        return RedactingSQLTrackerStore(
            domain, dialect="sqlite", db=str(tmp_path / "tracker.db"), **options
        )

    return open_


@pytest.fixture
def rebuilt(monkeypatch):
    """How many trackers were rebuilt from stored events."""
    counts = {"trackers": 0}
    original = DialogueStateTracker.from_dict.__func__

    def counting(cls, *args, **kwargs):
        counts["trackers"] += 1
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(DialogueStateTracker, "from_dict", classmethod(counting))
    return counts


def run(coroutine):
    return asyncio.run(coroutine)


def new_conversation(domain, sender="s") -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        sender,
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
        slots=domain.slots,
    )


def turn(tracker, *events) -> None:
    for event in events:
        tracker.update(event)


def as_stored(tracker) -> list[dict]:
    return [event.as_dict() for event in tracker.events]


def test_the_tracker_saved_last_is_handed_out_again_without_reading_the_events(
    domain, open_store, rebuilt
):
    store = open_store()
    tracker = new_conversation(domain)
    turn(tracker, said("bonjour", "greet"), *asked("surname"))
    run(store.save(tracker))
    again = run(store.retrieve("s"))
    assert again is tracker and rebuilt["trackers"] == 0
    turn(again, said("Dupont"), SlotSet("surname", "Dupont"), ActionExecuted("action_listen"))
    run(store.save(again))
    # What a process without the cache reads is the same conversation, event for event.
    from_the_store = run(open_store(cached_conversations=0).retrieve("s"))
    assert rebuilt["trackers"] == 1
    assert as_stored(from_the_store)[-4:] == as_stored(run(store.retrieve("s")))[-4:]
    assert from_the_store.get_slot("surname") == "Dupont"


def test_the_tracker_in_memory_holds_the_redacted_secret_as_the_store_does(domain, open_store):
    store = open_store()
    tracker = new_conversation(domain)
    turn(tracker, *asked("password"), said(SECRET))
    run(store.save(tracker))
    cached = run(store.retrieve("s"))
    assert cached is tracker
    assert cached.latest_message.text == REDACTED
    assert SECRET not in str(as_stored(cached))
    assert cached.events[-1].parse_data["text"] == REDACTED


def test_a_message_handled_by_another_worker_is_read_from_the_store(domain, open_store, rebuilt):
    first, second = open_store(), open_store()
    tracker = new_conversation(domain)
    turn(tracker, said("bonjour", "greet"), ActionExecuted("action_listen"))
    run(first.save(tracker))
    # The next message goes to the other worker, which reads the store and writes more.
    elsewhere = run(second.retrieve("s"))
    turn(elsewhere, said("Martin"), SlotSet("surname", "Martin"), ActionExecuted("action_listen"))
    run(second.save(elsewhere))
    # The first worker's tracker is out of date: it is not handed out.
    back = run(first.retrieve("s"))
    assert back is not tracker and back.get_slot("surname") == "Martin"
    assert rebuilt["trackers"] == 2
    # Each worker saves only what is new to the store.
    turn(back, said("merci", "thank"), ActionExecuted("action_listen"))
    run(first.save(back))
    assert len(run(open_store(cached_conversations=0).retrieve("s")).events) == len(back.events)


def test_a_tracker_is_handed_out_once_until_it_is_saved(domain, open_store):
    store = open_store()
    tracker = new_conversation(domain)
    run(store.save(tracker))
    taken = run(store.retrieve("s"))
    taken.update(said("never saved: the turn failed"))
    again = run(store.retrieve("s"))
    assert again is not taken
    assert not any(getattr(e, "text", None) == "never saved: the turn failed" for e in again.events)


def test_a_tracker_gone_into_a_new_session_is_read_again(domain, open_store, rebuilt):
    store = open_store(max_session_events=8)
    tracker = new_conversation(domain)
    for number in range(4):
        turn(tracker, said(f"question {number}", "faq"), ActionExecuted("action_listen"))
    run(store.save(tracker))  # past 8 events and waiting: a new session is started
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 2
    current = run(store.retrieve("s"))
    assert current is not tracker and rebuilt["trackers"] == 1
    assert sum(isinstance(e, SessionStarted) for e in current.events) == 1
    assert run(store.retrieve("s")) is not current  # taken, not saved


def test_the_least_recently_saved_conversations_are_dropped(domain, open_store, rebuilt):
    store = open_store(cached_conversations=2)
    trackers = [new_conversation(domain, sender) for sender in ("a", "b", "c")]
    for tracker in trackers:
        run(store.save(tracker))
    assert len(store.recent) == 2
    assert run(store.retrieve("a")) is not trackers[0]
    assert run(store.retrieve("c")) is trackers[2]

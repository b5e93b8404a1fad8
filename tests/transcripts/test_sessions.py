"""A long session is continued in a new one carrying its state (transcripts/sessions.py)."""

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from account.settings import PROJECT_ROOT
from transcripts import sessions
from transcripts.store import RedactingSQLTrackerStore

DOMAIN = Domain.load(PROJECT_ROOT / "domain.yml")


def said(text, intent):
    return UserUttered(
        text,
        {"name": intent, "confidence": 1.0},
        parse_data={"text": text, "intent": {"name": intent}},
    )


def turn(text, intent, action):
    return [said(text, intent), ActionExecuted(action), ActionExecuted("action_listen")]


def questions(count):
    return [event for n in range(count) for event in turn(f"question {n}", "faq", "utter_faq")]


def summary_shown():
    """A registration's answers, then the summary: the next "yes" confirms it (a rule)."""
    return [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        said("Hello", "greet"),
        SlotSet("language", "en"),
        ActionExecuted("utter_greet"),
        ActionExecuted("action_listen"),
        *questions(10),
        said("Dupont", "inform"),
        SlotSet("surname", "DUPONT"),
        SlotSet("city", "Lyon"),
        ActionExecuted("action_show_summary"),
        ActionExecuted("action_listen"),
    ]


def tracker_of(events):
    return DialogueStateTracker.from_events("s", events, slots=DOMAIN.slots)


def test_a_new_session_starts_only_when_waiting_outside_forms_past_the_limit():
    events = summary_shown()
    assert sessions.should_start_session(tracker_of(events), max_events=len(events) - 1)
    assert not sessions.should_start_session(tracker_of(events), max_events=len(events))
    mid_turn = events[:-1]  # the summary shown, not yet waiting for the user
    assert not sessions.should_start_session(tracker_of(mid_turn), max_events=1)
    in_form = [*events[:-1], ActiveLoop("registration_form"), ActionExecuted("action_listen")]
    assert not sessions.should_start_session(tracker_of(in_form), max_events=1)


def test_the_new_session_carries_every_slot_and_the_last_action():
    before = tracker_of(summary_shown())
    after = tracker_of(sessions.carried_over_session(before))
    assert after.current_slot_values() == before.current_slot_values()
    assert after.get_slot("surname") == "DUPONT" and after.get_slot("language") == "en"
    assert [e.action_name for e in after.events if isinstance(e, ActionExecuted)] == [
        "action_session_start",
        "action_show_summary",
        "action_listen",
    ]
    assert (
        sessions.last_user_message_time(after) == before.get_last_event_for(UserUttered).timestamp
    )


def test_the_new_session_carries_the_question_pending():
    """The offer to activate now was said by the last action: the new session keeps it, so
    that "yes" is read against it (actions/pending.py)."""
    events = [
        *summary_shown()[:-2],
        ActionExecuted("action_pre_register"),
        BotUttered("recorded", metadata={"utter_action": "utter_pre_registered"}),
        BotUttered("now?", metadata={"utter_action": "utter_offer_activation"}),
        ActionExecuted("action_listen"),
    ]
    after = tracker_of(sessions.carried_over_session(tracker_of(events)))
    carried = [e for e in after.events if isinstance(e, BotUttered)]
    assert [e.metadata["utter_action"] for e in carried] == [
        "utter_pre_registered",
        "utter_offer_activation",
    ]
    assert all(e.metadata["carried_over"] for e in carried)


def test_the_store_saves_a_new_session_and_keeps_the_whole_history(tmp_path):
    store = RedactingSQLTrackerStore(
        DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"), max_session_events=30
    )
    tracker = tracker_of(summary_shown())
    asyncio.run(store.save(tracker))
    current = asyncio.run(store.retrieve("s"))
    assert len(current.events) < 30 and current.get_slot("surname") == "DUPONT"
    assert current.latest_action_name == "action_listen"

    for event in turn("yes", "affirm", "action_pre_register"):  # the next message is stored too
        current.update(event)
    asyncio.run(store.save(current))
    history = asyncio.run(store.retrieve_full_tracker("s"))
    texts = [e.text for e in history.events if isinstance(e, UserUttered)]
    assert texts == ["Hello", *(f"question {n}" for n in range(10)), "Dupont", "yes"]  # each once
    assert sum(isinstance(e, SessionStarted) for e in history.events) == 2
    assert history.get_slot("surname") == "DUPONT"


# The expiry of a carried-over session is a patch of Rasa: tests/rasa_patches/test_session_expiry.py.

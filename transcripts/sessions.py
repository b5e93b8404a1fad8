"""Long conversations are cut into sessions, so that a reply costs the same at turn 200 as at turn 20.

Rasa reads the whole current session back from the store on every message and replays it
several times to predict the next actions, so a turn's cost grows with the session
(RasaHQ/rasa#11828; measured here: 58 ms over turns 1-25, 300 ms by turn 200). Once a session
holds more than `max_events` events and the assistant is waiting for the user outside any form,
the tracker store starts a new session that carries what the dialogue needs: every slot, as
Rasa's own session start does with `carry_over_slots_to_new_session`, and the last action before
the wait, which rules read ("yes" after the summary confirms it), with what the assistant said
then (marked `carried_over`), which tells the actions the question being answered
(actions/pending.py). Every event stays stored; the conversation's full history still reads
across sessions.

A session also expires after `session_expiration_time` minutes without a user message, and then
forgets everything. A session started here holds no user message yet, so the time of the last
one is recorded on its SessionStarted event, and Rasa's expiry check, as patched by
rasa_patches/session_expiry.py (installed by `python -m rasa_patches`), reads it.
"""

from __future__ import annotations

import time

from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

LAST_USER_MESSAGE_AT = "last_user_message_at"


def is_waiting_outside_forms(tracker: DialogueStateTracker) -> bool:
    """The turn is over (the last event is the wait for the user) and no form is active."""
    events = tracker.events
    return (
        bool(events)
        and isinstance(events[-1], ActionExecuted)
        and events[-1].action_name == ACTION_LISTEN_NAME
        and not tracker.active_loop_name
    )


def should_start_session(tracker: DialogueStateTracker, max_events: int) -> bool:
    return len(tracker.events) > max_events and is_waiting_outside_forms(tracker)


def last_action_before_wait(tracker: DialogueStateTracker) -> ActionExecuted | None:
    listened = False
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted):
            if listened and event.action_name != ACTION_SESSION_START_NAME:
                return event
            listened = True
    return None


def said_before_wait(tracker: DialogueStateTracker) -> list[BotUttered]:
    """What the assistant said after its last action before the wait (its pending question)."""
    said: list[BotUttered] = []
    listened = False
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted):
            if listened:
                break
            listened = True
        elif isinstance(event, BotUttered) and listened:
            said.insert(0, event)
    return said


def carried_over_session(tracker: DialogueStateTracker) -> list[Event]:
    """The events that start a new session in the state `tracker` is in."""
    now = time.time()
    last_message = tracker.get_last_event_for(UserUttered)
    metadata = {LAST_USER_MESSAGE_AT: last_message.timestamp} if last_message else None
    events: list[Event] = [
        ActionExecuted(ACTION_SESSION_START_NAME, timestamp=now),
        SessionStarted(timestamp=now, metadata=metadata),
    ]
    events += [
        SlotSet(slot.name, slot.value, timestamp=now)
        for slot in tracker.slots.values()
        if slot.value != slot.initial_value
    ]
    last_action = last_action_before_wait(tracker)
    if last_action is not None:
        events.append(
            ActionExecuted(
                last_action.action_name,
                policy=last_action.policy,
                confidence=last_action.confidence,
                timestamp=now,
                hide_rule_turn=last_action.hide_rule_turn,
            )
        )
        events += [
            BotUttered(
                said.text, said.data, {**(said.metadata or {}), "carried_over": True}, timestamp=now
            )
            for said in said_before_wait(tracker)
        ]
    events.append(ActionExecuted(ACTION_LISTEN_NAME, timestamp=now))
    return events


def last_user_message_time(tracker: DialogueStateTracker) -> float | None:
    """When the user last wrote in this session, or before a session started here."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return event.timestamp
        if isinstance(event, SessionStarted):
            return (event.metadata or {}).get(LAST_USER_MESSAGE_AT)
    return None

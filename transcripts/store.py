"""A SQL tracker store that never writes a password or an activation code.

Rasa stores every user message. The messages that answer the password, its confirmation or the
activation code are written with their text replaced; the slots already hold only a hash or a
marker, so nothing the dialogue needs is lost. Rasa reads the tracker back from the store on
each message, so the redacted text is also all that later turns see.
"""
from __future__ import annotations

import itertools
from typing import Any, Iterable, Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet, UserUttered

# Slots whose answers are typed secrets (the slots themselves keep a hash or a marker).
SECRET_SLOTS = frozenset({"password", "password_confirmation", "activation_code"})
REDACTED = "[masqué / redacted]"


def redacted_events(events: Iterable[Event]) -> Iterator[Event]:
    """The events with every answer to a secret question replaced."""
    requested = None
    for event in events:
        if isinstance(event, SlotSet) and event.key == "requested_slot":
            requested = event.value
        if isinstance(event, UserUttered) and requested in SECRET_SLOTS and event.text != REDACTED:
            data: dict[str, Any] = event.as_dict()
            data["text"] = REDACTED
            data["parse_data"] = {**data.get("parse_data", {}), "text": REDACTED, "entities": []}
            event = Event.from_parameters(data)
        yield event


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session, tracker) -> Iterator[Event]:
        already_stored = self._event_query(
            session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
        return itertools.islice(redacted_events(tracker.events), already_stored, None)

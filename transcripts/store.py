"""A SQL tracker store that never writes a password or an activation code.

Rasa stores every user message. The messages that answer the password, its confirmation or the
activation code are written with their text replaced, and so is a code-shaped word or the
password typed at another question; the slots already hold only a hash or a
marker, so nothing the dialogue needs is lost. Rasa reads the tracker back from the store on
each message, so the redacted text is also all that later turns see.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Iterable, Iterator

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.credentials import (
    is_password_hash,
    looks_like_activation_code,
    looks_like_secret,
    password_matches,
)
from bot.fields import FIELDS
from rasa_patches import session_expiry
from transcripts import sessions

# Slots whose answers are typed secrets (the slots themselves keep a hash or a marker).
SECRET_SLOTS = FIELDS.secret_fields  # bot/fields.py
REDACTED = "[masqué / redacted]"
# About 20 questions and answers outside a form; a carried-over session starts with ~30 events.
DEFAULT_MAX_SESSION_EVENTS = 150

logger = logging.getLogger(__name__)


def is_secret(text: str, requested: str | None, password_hash: str | None) -> bool:
    """An answer to a secret question; or, anywhere, a code-shaped word or the password itself
    typed in the wrong place (checked against the hash, only for password-like words)."""
    if requested in SECRET_SLOTS:
        return True
    if not looks_like_secret(text):
        return False
    word = text.strip()
    return looks_like_activation_code(word) or bool(
        password_hash and is_password_hash(password_hash) and password_matches(password_hash, word)
    )


def redacted_events(events: Iterable[Event], start: int = 0) -> Iterator[Event]:
    """The events from index `start` on, with every typed secret replaced. The earlier events
    are read only for the state (question asked, password hash): they are stored already, and
    checking them again would cost an argon2 verification per old message on every save."""
    requested = password_hash = None
    for index, event in enumerate(events):
        if isinstance(event, SlotSet) and event.key == "requested_slot":
            requested = event.value
        if isinstance(event, SlotSet) and event.key == "password":
            password_hash = event.value
        if index < start:
            continue
        if (
            isinstance(event, UserUttered)
            and event.text
            and event.text != REDACTED
            and is_secret(event.text, requested, password_hash)
        ):
            data: dict[str, Any] = event.as_dict()
            data["text"] = REDACTED
            data["parse_data"] = {**data.get("parse_data", {}), "text": REDACTED, "entities": []}
            event = Event.from_parameters(data)
        yield event


class RedactingSQLTrackerStore(SQLTrackerStore):
    """Also starts a new session, carrying everything over, when a session has grown past
    `max_session_events` events (transcripts/sessions.py): a long conversation stays fast."""

    def __init__(
        self, *args: Any, max_session_events: int = DEFAULT_MAX_SESSION_EVENTS, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.max_session_events = int(max_session_events)
        if not session_expiry.PATCH.installed():
            # Carried-over sessions would never expire: Rasa was not started as `make run` does.
            logger.warning("Rasa runs without rasa_patches: start it with `python -m rasa_patches`")
        if self.engine.dialect.name == "sqlite":
            use_write_ahead_log(self.engine)

    async def save(self, tracker) -> None:
        if sessions.should_start_session(tracker, self.max_session_events):
            for event in sessions.carried_over_session(tracker):
                tracker.update(event)
        await super().save(tracker)

    def _additional_events(self, session, tracker) -> Iterator[Event]:
        # Counted in SQL: Rasa's Query.count() selects every row of the session, JSON included.
        already_stored = (
            self._event_query(session, tracker.sender_id, False)
            .order_by(None)
            .with_entities(sa.func.count(self.SQLEvent.id))
            .scalar()
        )
        return redacted_events(tracker.events, start=already_stored)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        """Rasa's, reading the events' JSON alone instead of building an ORM object per row
        (10% of the server's time with 10 users)."""
        with self.session_scope() as session:
            rows = (
                self._event_query(session, sender_id, fetch_events_from_all_sessions)
                .with_entities(self.SQLEvent.data)
                .all()
            )
        if not (self.domain and rows):
            return None
        return DialogueStateTracker.from_dict(
            sender_id, [json.loads(data) for (data,) in rows], self.domain.slots
        )


def use_write_ahead_log(engine) -> None:
    """SQLite's write-ahead log: a commit writes and syncs the log once, instead of the rollback
    journal and the database (7% of the server's time with 10 users); every commit is still
    synced (`synchronous` stays FULL). The mode is kept in the database file."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")

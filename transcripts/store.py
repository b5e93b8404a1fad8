"""A SQL tracker store that never writes a password or an activation code.

Rasa stores every user message. The messages that answer the password, its confirmation or the
activation code are written with their text replaced, and so is a code-shaped word or the
password typed at another question; the slots already hold only a hash or a
marker, so nothing the dialogue needs is lost. Rasa reads the tracker back from the store on
each message, so the redacted text is also all that later turns see.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from typing import Any, Iterable, Iterator

import sqlalchemy as sa
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker

from account.credentials import (
    is_password_hash,
    looks_like_activation_code,
    looks_like_secret,
    password_matches,
)
from account.fields import FIELDS
from reading.message_reading import READING_KEY
from transcripts import sessions
from transcripts.recent import DEFAULT_CACHED_CONVERSATIONS, RecentTrackers

# Slots whose answers are typed secrets (the slots themselves keep a hash or a marker).
SECRET_SLOTS = FIELDS.secret_fields  # account/fields.py
REDACTED = "[masqué / redacted]"
# About 20 questions and answers outside a form; a carried-over session starts with ~30 events.
DEFAULT_MAX_SESSION_EVENTS = 150
# The id of a conversation's last stored event (Rasa's `events` table; the index on sender_id).
LAST_EVENT_ID = sa.text("SELECT max(id) FROM events WHERE sender_id = :sender_id")
# How many of a tracker's events are in the store (set when this store hands it out or saves it).
STORED_EVENTS = "_stored_events"

logger = logging.getLogger(__name__)


def _patched(function) -> bool:
    """Replaced by one of rasa_patches (which marks its replacements), without importing it:
    rasa_patches imports this package."""
    return getattr(function, "rasa_patch", None) is not None


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
            data["parse_data"].pop(READING_KEY, None)  # what was read of it goes too
            event = Event.from_parameters(data)
        yield event


# The methods of Rasa's SQLTrackerStore this store replaces or relies on, by the sha256 of their
# source in Rasa 3.6.21, as rasa_patches records the functions it replaces: if Rasa changes one,
# the store refuses to start (read the new source, adapt this module, record the new value).
RASA_METHODS = {
    "retrieve": "0d99846daced97d3dee3fae5eecfef6179c7afaeb872b68bbe064bbd65223641",
    "save": "57165e46eab3de0866e77f03df0bf7fd5eac2c1de617ed431b934c9a4edfeef6",
    "_retrieve": "c8adbf6f4b61ddd1124690944ebdf2ebc82d0723bd07c6704caab0b80120a0ef",
    "_event_query": "cd44f7901b860bfd598a813bde17d0d5b0d7bab129feaf76bb2dca87d628625b",
}


def changed_rasa_methods() -> list[str]:
    """The methods of RASA_METHODS whose source is no longer the one this store was written for."""
    return [
        name
        for name, expected in RASA_METHODS.items()
        if hashlib.sha256(
            inspect.getsource(inspect.getattr_static(SQLTrackerStore, name)).encode()
        ).hexdigest()
        != expected
    ]


class RedactingSQLTrackerStore(SQLTrackerStore):
    """Also starts a new session, carrying everything over, when a session has grown past
    `max_session_events` events (transcripts/sessions.py): a long conversation stays fast; and
    hands a conversation's tracker out again from memory when this process saved it last
    (transcripts/recent.py; `cached_conversations` of them, 0 for none)."""

    def __init__(
        self,
        *args: Any,
        max_session_events: int = DEFAULT_MAX_SESSION_EVENTS,
        cached_conversations: int = DEFAULT_CACHED_CONVERSATIONS,
        **kwargs: Any,
    ) -> None:
        changed = changed_rasa_methods()
        if changed:
            raise RuntimeError(
                f"transcripts/store.py was written for Rasa 3.6.21's SQLTrackerStore; the "
                f"installed Rasa changed {', '.join(changed)}: adapt the store, then record the "
                "new fingerprints in RASA_METHODS"
            )
        super().__init__(*args, **kwargs)
        self.max_session_events = int(max_session_events)
        self.recent = RecentTrackers(int(cached_conversations))
        if not _patched(MessageProcessor._has_session_expired):
            # Carried-over sessions would never expire: Rasa was not started as `make run` does.
            logger.warning("Rasa runs without rasa_patches: start it with `python -m rasa_patches`")
        if self.engine.dialect.name == "sqlite":
            self._keep_connections_open()
            use_write_ahead_log(self.engine)

    def _keep_connections_open(self) -> None:
        """SQLAlchemy 1.4 opens and closes a SQLite connection for every use (three per
        message, with their set-up); a pool keeps them, as SQLAlchemy 2.0 does by default."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False}
        )
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        saved = self.recent.take(sender_id)
        if saved is not None and saved.last_event_id == self._last_event_id(sender_id):
            return saved.tracker
        tracker = await self._retrieve(sender_id, fetch_events_from_all_sessions=False)
        if tracker is not None:
            setattr(tracker, STORED_EVENTS, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's, storing the events the tracker got since it was read, with every typed secret
        redacted, in the store and in the tracker itself (as a later read would give it), in one
        INSERT of all the rows (the ORM inserted them one by one: 5% of the server's time)."""
        if sessions.should_start_session(tracker, self.max_session_events):
            for event in sessions.carried_over_session(tracker):
                tracker.update(event)
        await self.stream_events(tracker)
        stored = getattr(tracker, STORED_EVENTS, None)
        if stored is None:  # a tracker this store did not hand out
            with self.session_scope() as session:
                stored = self._count_stored(session, tracker.sender_id)
        rows = [self._row(tracker.sender_id, event) for event in redact(tracker, stored)]
        with self.engine.begin() as connection:
            if rows:
                connection.execute(self.SQLEvent.__table__.insert(), rows)
            last_event_id = connection.execute(
                LAST_EVENT_ID, {"sender_id": tracker.sender_id}
            ).scalar()
        setattr(tracker, STORED_EVENTS, len(tracker.events))
        if last_event_id is not None:
            self.recent.put(tracker, last_event_id)

    @staticmethod
    def _row(sender_id: str, event: Event) -> dict[str, Any]:
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _count_stored(self, session, sender_id: str) -> int:
        # Counted in SQL: Rasa's Query.count() selects every row of the session, JSON included.
        return (
            self._event_query(session, sender_id, False)
            .order_by(None)
            .with_entities(sa.func.count(self.SQLEvent.id))
            .scalar()
        )

    def _last_event_id(self, sender_id: str) -> int | None:
        with self.engine.connect() as connection:
            return connection.execute(LAST_EVENT_ID, {"sender_id": sender_id}).scalar()

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


def redact(tracker: DialogueStateTracker, start: int) -> list[Event]:
    """The tracker's events from index `start` on, each typed secret replaced in the tracker too
    (its latest message included), so that the tracker kept in memory is the one the store would
    give back."""
    new_events = list(redacted_events(tracker.events, start))
    for index, event in enumerate(new_events, start):
        original = tracker.events[index]
        if event is not original:
            tracker.events[index] = event
            if tracker.latest_message is original:
                tracker.latest_message = event
    return new_events


def use_write_ahead_log(engine) -> None:
    """SQLite's write-ahead log: a commit writes and syncs the log once, instead of the rollback
    journal and the database (7% of the server's time with 10 users); every commit is still
    synced (`synchronous` stays FULL). The mode is kept in the database file."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")

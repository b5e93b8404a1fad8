"""Conversations kept only as long as they are needed (CONVERSATION_RETENTION_DAYS).

A conversation whose last event is older than the retention period is deleted from the tracker
store, every event of it, after its journey (steps, counts, times, language: no personal data,
transcripts/journeys.py) has been recorded in `conversation_journeys` for the team's report.

Safe beside the running servers and beside another purge: each conversation is deleted in its own
transaction by a statement that deletes nothing if the conversation received an event after the
cutoff meanwhile (it is live again), and its journey is recorded under a digest of its id at most
once (a second purge of the same conversation records and deletes nothing). Done in batches, so
that the servers' writes wait for a short transaction at a time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from transcripts.database import EVENTS, JOURNEYS, events_of
from transcripts.journeys import read_journey

BATCH = 100
logger = logging.getLogger(__name__)


@dataclass
class Purged:
    conversations: int = 0
    events: int = 0


def conversation_hash(sender_id: str) -> str:
    return hashlib.sha256(sender_id.encode()).hexdigest()


def has_conversations(engine: Engine) -> bool:
    return sa.inspect(engine).has_table(EVENTS.name)


def idle_conversations(engine: Engine, cutoff: float, limit: int) -> list[str]:
    """Conversations whose last event is older than `cutoff` (epoch seconds)."""
    with engine.connect() as connection:
        return list(
            connection.scalars(
                sa.select(EVENTS.c.sender_id)
                .group_by(EVENTS.c.sender_id)
                .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
                .order_by(EVENTS.c.sender_id)
                .limit(limit)
            )
        )


def delete_conversation(connection: sa.engine.Connection, sender_id: str, cutoff: float) -> int:
    """Every event of the conversation, unless one is newer than `cutoff` (checked in the same
    statement). Returns how many were deleted."""
    newer = sa.select(EVENTS.c.id).where(
        EVENTS.c.sender_id == sender_id, EVENTS.c.timestamp >= cutoff
    )
    return connection.execute(
        EVENTS.delete().where(EVENTS.c.sender_id == sender_id, ~sa.exists(newer))
    ).rowcount


def record_journey(connection: sa.engine.Connection, sender_id: str) -> None:
    """The conversation's journey, once per conversation."""
    journey, _ = read_journey(events_of(connection, sender_id))
    key = conversation_hash(sender_id)
    known = connection.scalar(
        sa.select(JOURNEYS.c.conversation_hash).where(JOURNEYS.c.conversation_hash == key)
    )
    if known is None and journey.started_at is not None:
        connection.execute(
            JOURNEYS.insert().values(
                conversation_hash=key,
                started_at=journey.started_at,
                journey=json.dumps(journey.to_dict()),
            )
        )


def purge_one(engine: Engine, sender_id: str, cutoff: float) -> int:
    """One conversation: its journey recorded and its events deleted in one transaction, or
    nothing if it is live again or another purge took it."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            record_journey(connection, sender_id)
            deleted = delete_conversation(connection, sender_id, cutoff)
        except (sa.exc.IntegrityError, sa.exc.OperationalError):
            transaction.rollback()  # another purge recorded it first, or the store was busy
            return 0
        if deleted:
            transaction.commit()
        else:
            transaction.rollback()
        return deleted


def purge_conversations(engine: Engine, retention_days: int, now: float | None = None) -> Purged:
    """Deletes the conversations idle for longer than `retention_days`, their journeys kept."""
    purged = Purged()
    if not has_conversations(engine):
        return purged
    cutoff = (now if now is not None else time.time()) - retention_days * 86400
    seen: set[str] = set()
    while True:
        batch = [s for s in idle_conversations(engine, cutoff, BATCH) if s not in seen]
        if not batch:
            return purged
        for sender_id in batch:
            seen.add(sender_id)
            deleted = purge_one(engine, sender_id, cutoff)
            if deleted:
                purged.conversations += 1
                purged.events += deleted
        logger.info("purge: %d conversation(s) so far", purged.conversations)

"""The conversations in which a login e-mail address was given, for a person's rights: found,
exported (messages and fields, no secret) and deleted, in the tracker store."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from account.fields import FIELDS
from transcripts.database import EVENTS, events_of
from transcripts.retention import has_conversations

# Never exported: typed secrets (the store already holds them redacted or hashed) and CAPTCHAs.
SECRET_SLOTS = FIELDS.secret_fields | {"captcha_answer", "activation_captcha"}
# Slots that are the assistant's own settings or state, not something the person gave.
STATE_SLOTS = frozenset(
    {
        "requested_slot",
        "captcha_id",
        "answer_meaning",
        "activation_ttl_hours",
        "password_min_length",
        "hotline",
        "unanswered",
        "session_started_metadata",
    }
)


def conversations_of(engine: Engine, email: str) -> list[str]:
    """Conversations with an event that holds the address (a message, a slot), case ignored."""
    if not has_conversations(engine):
        return []
    wanted = f"%{email.lower()}%"
    with engine.connect() as connection:
        return list(
            connection.scalars(
                sa.select(EVENTS.c.sender_id)
                .where(sa.func.lower(EVENTS.c.data).like(wanted))
                .distinct()
                .order_by(EVENTS.c.sender_id)
            )
        )


def export_conversations(engine: Engine, sender_ids: list[str]) -> list[dict]:
    """Each conversation's messages (both sides) and the fields it holds, no secret."""
    exported = []
    with engine.connect() as connection:
        for sender_id in sender_ids:
            messages, fields = [], {}
            for event in events_of(connection, sender_id):
                kind = event.get("event")
                if kind in ("user", "bot") and event.get("text"):
                    messages.append(
                        {"from": kind, "at": event.get("timestamp"), "text": event["text"]}
                    )
                name = event.get("name")
                if kind == "slot" and name not in SECRET_SLOTS | STATE_SLOTS:
                    if event.get("value") is not None:
                        fields[name] = event["value"]
            exported.append({"conversation": sender_id, "messages": messages, "fields": fields})
    return exported


def delete_conversations(engine: Engine, sender_ids: list[str]) -> int:
    """Every event of these conversations; returns how many were deleted."""
    if not sender_ids:
        return 0
    with engine.begin() as connection:
        return connection.execute(
            EVENTS.delete().where(EVENTS.c.sender_id.in_(sender_ids))
        ).rowcount

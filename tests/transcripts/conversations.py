"""Conversations written into a real tracker database as Rasa writes them (its own `events`
table; each row's `data` the event as JSON), for the tests of what is read back from it."""

from __future__ import annotations

import json

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.engine import Engine

from transcripts.database import EVENTS

DAY = 86400.0


def create_events_table(engine: Engine) -> None:
    """Rasa's own table definition (with its id sequence on PostgreSQL)."""
    SQLTrackerStore.SQLEvent.__table__.create(engine, checkfirst=True)


def user(text: str, intent: str = "inform") -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def slot(name: str, value) -> dict:
    return {"event": "slot", "name": name, "value": value}


def action(name: str) -> dict:
    return {"event": "action", "name": name}


def bot(response: str, text: str = "…") -> dict:
    return {"event": "bot", "text": text, "metadata": {"utter_action": response}}


def write(engine: Engine, sender_id: str, events: list[dict], start: float) -> None:
    """The events, one second apart from `start` (epoch seconds)."""
    with engine.begin() as connection:
        for index, event in enumerate(events):
            event = {**event, "timestamp": start + index}
            connection.execute(
                EVENTS.insert().values(
                    sender_id=sender_id,
                    type_name=event["event"],
                    timestamp=event["timestamp"],
                    action_name=event.get("name"),
                    data=json.dumps(event),
                )
            )


def senders(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.scalars(sa.select(EVENTS.c.sender_id).distinct()))


def registration_until_password(email: str) -> list[dict]:
    return [
        user("je veux créer mon espace", "start_registration"),
        slot("requested_slot", "terms_accepted"),
        user("oui", "affirm"),
        slot("terms_accepted", True),
        slot("requested_slot", "login_email"),
        user(email),
        slot("login_email", email),
        slot("requested_slot", "login_email_confirmation"),
        user(email),
        slot("requested_slot", "password"),
    ]

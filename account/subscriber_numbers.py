"""Subscriber numbers: 14 digits, year + day of the year + a 7-digit sequence of that day.

The seeds show 20232330000101 for an account created on 21 August 2023 (day 233).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from account.storage import SubscriberSequence

SEQUENCE_DIGITS = 7


def day_key(day: date) -> str:
    return f"{day.year:04d}{day.timetuple().tm_yday:03d}"


def format_subscriber_number(day: date, sequence: int) -> str:
    if not 1 <= sequence < 10**SEQUENCE_DIGITS:
        raise OverflowError(f"no subscriber number left for {day.isoformat()}")
    return f"{day_key(day)}{sequence:0{SEQUENCE_DIGITS}d}"


def _increment(session: Session, key: str) -> int:
    return session.execute(
        update(SubscriberSequence)
        .where(SubscriberSequence.day == key)
        .values(last_value=SubscriberSequence.last_value + 1)
    ).rowcount


def next_subscriber_number(session: Session, day: date) -> str:
    """Take the next number of `day` inside the caller's transaction.

    The UPDATE locks the day's row until commit (PostgreSQL) or the whole database is held
    (SQLite, BEGIN IMMEDIATE), so two activations never read the same value; the unique
    constraint on accounts is the last guard.
    """
    key = day_key(day)
    if not _increment(session, key):
        try:
            with session.begin_nested():
                session.add(SubscriberSequence(day=key, last_value=1))
        except IntegrityError:  # another activation created the day's row first
            _increment(session, key)
    sequence = session.scalar(
        select(SubscriberSequence.last_value).where(SubscriberSequence.day == key)
    )
    return format_subscriber_number(day, sequence)

"""Registrations past their deadline expire; closed ones keep only what answers a late code."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from account.registration_form import FORM_FIELDS
from account.storage import (
    EXPIRED,
    PENDING,
    ActivationThrottle,
    PreRegistrationRecord,
    Registration,
)

# How long a closed registration keeps its code's hash, to answer "expired" or "already used".
CLOSED_REGISTRATION_DAYS = 30
HOUR = timedelta(hours=1)
# What a closed registration forgets: everything personal.
PERSONAL = (*FORM_FIELDS, "email", "password_hash")


def close(registration: Registration, status: str, now: datetime) -> None:
    """Keep only what answers a late code (address key, code hash, dates); purge the rest."""
    registration.status, registration.closed_at = status, now
    for name in PERSONAL:
        setattr(registration, name, None)


def expire_due(session: Session, now: datetime) -> int:
    """Expire the pending registrations past their deadline (their personal data purged), drop
    what is no longer needed; returns how many expired now."""
    expired = session.execute(
        update(Registration)
        .where(Registration.status == PENDING, Registration.expires_at <= now)
        .values(status=EXPIRED, closed_at=now, **{name: None for name in PERSONAL})
        .execution_options(synchronize_session=False)
    ).rowcount
    session.execute(
        delete(Registration).where(
            Registration.status != PENDING,
            Registration.closed_at <= now - timedelta(days=CLOSED_REGISTRATION_DAYS),
        )
    )
    session.execute(
        delete(ActivationThrottle).where(ActivationThrottle.locked_until <= now - timedelta(days=1))
    )
    session.execute(
        delete(PreRegistrationRecord).where(PreRegistrationRecord.created_at <= now - HOUR)
    )  # no longer counted
    return expired

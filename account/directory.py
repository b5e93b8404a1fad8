"""What support staff may look up: registrations and accounts, without any secret.

Rows are turned into plain records here, field by field, so that a password hash or an
activation code's hash can never reach a screen by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import or_, select
from sqlalchemy.orm import sessionmaker

from account import rules
from account.fields import FIELDS, FieldRegistry
from account.storage import Account, Registration


def personal_fields(fields: FieldRegistry = FIELDS) -> tuple[str, ...]:
    """The personal fields both kinds of rows have (never password_hash nor code_hash)."""
    return (*fields.personal_columns, "language")


PERSONAL_FIELDS = personal_fields()


@dataclass(frozen=True)
class RegistrationRecord:
    id: int
    status: str
    created_at: datetime
    expires_at: datetime
    closed_at: Optional[datetime]
    details: dict[str, str]  # empty once activated or expired: the data are purged then

    @classmethod
    def from_row(cls, row: Registration) -> "RegistrationRecord":
        return cls(
            row.id,
            row.status,
            row.created_at,
            row.expires_at,
            row.closed_at,
            {name: getattr(row, name) for name in PERSONAL_FIELDS if getattr(row, name)},
        )


@dataclass(frozen=True)
class AccountRecord:
    subscriber_number: str
    registered_at: datetime
    details: dict[str, str]

    @classmethod
    def from_row(cls, row: Account, fields: FieldRegistry = FIELDS) -> "AccountRecord":
        return cls(
            row.subscriber_number,
            row.registered_at,
            {name: getattr(row, name) for name in personal_fields(fields) if getattr(row, name)},
        )


class Directory:
    def __init__(self, sessions: sessionmaker):
        self._sessions = sessions

    def registrations(
        self, status: Optional[str] = None, email: Optional[str] = None, limit: int = 100
    ) -> list[RegistrationRecord]:
        """The most recent first."""
        query = select(Registration).order_by(Registration.created_at.desc()).limit(limit)
        if status:
            query = query.where(Registration.status == status)
        if email:
            query = query.where(Registration.email_key == rules.email_key(email))
        with self._sessions() as session:
            return [RegistrationRecord.from_row(row) for row in session.scalars(query)]

    def accounts(self, limit: int = 100) -> list[AccountRecord]:
        query = select(Account).order_by(Account.registered_at.desc()).limit(limit)
        with self._sessions() as session:
            return [AccountRecord.from_row(row) for row in session.scalars(query)]

    def account(self, number_or_email: str) -> Optional[AccountRecord]:
        wanted = number_or_email.strip()
        query = select(Account).where(
            or_(Account.subscriber_number == wanted, Account.email_key == rules.email_key(wanted))
        )
        with self._sessions() as session:
            row = session.scalar(query)
            return AccountRecord.from_row(row) if row else None

"""Tables of the account service (SQLAlchemy 1.4 with the 2.0-style API).

Nothing here opens a database at import time: `account.migrations.open_database(url)` does, when
asked.
Secrets are stored only as hashes: `password_hash` (argon2id) and `code_hash` (SHA-256).
"""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import declarative_base

from account.fields import FIELDS, FieldRegistry
from languages import DEFAULT_LANGUAGE

Base = declarative_base()

PENDING, ACTIVATED, EXPIRED = "pending", "activated", "expired"


class UTCDateTime(TypeDecorator):
    """Aware datetimes in Python, UTC in the database (SQLite keeps no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


def personal_columns(fields: FieldRegistry = FIELDS) -> dict[str, Column]:
    """The columns of the registration form, shared by a pending registration and an account:
    one per stored field (phone in E.164, country as ISO 3166 alpha-2), in the form's order."""
    return {
        **{f.stored_as: Column(String(f.size)) for f in fields.stored},
        "password_hash": Column(Text),
        "language": Column(String(2), nullable=False, default=DEFAULT_LANGUAGE),
    }


PersonalDetails = type("PersonalDetails", (), personal_columns())


class Registration(PersonalDetails, Base):
    """A pre-registration. Once activated or expired its personal data are purged; the row
    stays with the code's hash so that a late code gets "already used" or "expired"."""

    __tablename__ = "registrations"
    id = Column(Integer, primary_key=True)
    email_key = Column(String(100), nullable=False, index=True)
    status = Column(String(10), nullable=False, default=PENDING)
    code_hash = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    expires_at = Column(UTCDateTime, nullable=False)
    closed_at = Column(UTCDateTime)  # when it was activated or expired

    __table_args__ = (
        # At most one pending registration per address, even under racing requests.
        Index(
            "one_pending_registration_per_email",
            "email_key",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
    )


class Account(PersonalDetails, Base):
    """An activated professional account."""

    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    subscriber_number = Column(String(14), nullable=False, unique=True)
    email_key = Column(String(100), nullable=False, unique=True)
    registered_at = Column(UTCDateTime, nullable=False)


class SubscriberSequence(Base):
    """Last sequence number given on one day (subscriber numbers are year, day, sequence)."""

    __tablename__ = "subscriber_sequences"
    day = Column(String(7), primary_key=True)  # "2023233"
    last_value = Column(Integer, nullable=False)


class ActivationThrottle(Base):
    """Wrong activation codes for one address, and until when attempts are refused."""

    __tablename__ = "activation_throttles"
    email_key = Column(String(100), primary_key=True)
    failures = Column(Integer, nullable=False, default=0)
    locked_until = Column(UTCDateTime)


class CaptchaChallenge(Base):
    """A CAPTCHA challenge. The answer is no secret of the user's: an operator may read it."""

    __tablename__ = "captcha_challenges"
    id = Column(String(43), primary_key=True)  # unguessable token
    answer = Column(String(6), nullable=False)
    created_at = Column(UTCDateTime, nullable=False)
    expires_at = Column(UTCDateTime, nullable=False)
    used_at = Column(UTCDateTime)


class PreRegistrationRecord(Base):
    """When a conversation pre-registered (a hash of its id, nothing personal): the limit of
    pre-registrations per conversation and per hour is counted on these rows."""

    __tablename__ = "pre_registration_records"
    id = Column(Integer, primary_key=True)
    conversation_hash = Column(String(64), nullable=False, index=True)
    created_at = Column(UTCDateTime, nullable=False, index=True)


class SummaryLink(Base):
    """A summary PDF download link of the web chat: hashes of its token and of the conversation
    it was issued to (see account/summary_links.py)."""

    __tablename__ = "summary_links"
    token_hash = Column(String(64), primary_key=True)
    conversation_hash = Column(String(64), nullable=False)
    subscriber_number = Column(String(14), nullable=False)
    language = Column(String(2), nullable=False)
    expires_at = Column(UTCDateTime, nullable=False, index=True)


class CertificateAccount(Base):
    """A legacy account accessed with a certificate (necessarily invalid now)."""

    __tablename__ = "certificate_accounts"
    id = Column(Integer, primary_key=True)
    email_key = Column(String(100), nullable=False, index=True)
    holder = Column(String(120), nullable=False)
    __table_args__ = (UniqueConstraint("email_key", "holder"),)


def _prepare_sqlite(engine: Engine) -> None:
    """Let pysqlite leave transactions to us and start each one with BEGIN IMMEDIATE, so that
    concurrent writers queue on the lock instead of failing with "database is locked"."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted rows are overwritten, not left readable in free pages (a person's erasure).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def database_engine(url: str) -> Engine:
    """The engine of the accounts database (SQLite: its folder made, transactions as above)."""
    parsed = make_url(url)
    options = {"future": True, "pool_pre_ping": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        options["connect_args"] = {"timeout": 30, "check_same_thread": False}
    engine = create_engine(url, **options)
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite(engine)
    return engine

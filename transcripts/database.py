"""The tracker store's database, as endpoints.yml names it, for the commands that read or delete
conversations while the servers run (`python -m account purge | forget | export | report`).

Rasa's SQL tracker store keeps every event of every conversation in one table, `events`
(id, sender_id, type_name, timestamp, intent_name, action_name, data: the event as JSON). Our own
table beside it, `conversation_journeys`, keeps what a purged conversation taught, without
personal data (transcripts/retention.py).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import URL, Engine

METADATA = sa.MetaData()
EVENTS = sa.Table(
    "events",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
JOURNEYS = sa.Table(
    "conversation_journeys",
    METADATA,
    # A digest of the conversation id: two purges running at once record it once.
    sa.Column("conversation_hash", sa.String(64), primary_key=True),
    sa.Column("started_at", sa.Float, index=True),
    sa.Column("journey", sa.Text, nullable=False),  # transcripts.journeys.Journey as JSON
)
ENVIRONMENT_VARIABLE = re.compile(r"\$\{([^}]+)\}")


def _with_environment(value):
    """`${NAME}` replaced from the environment, as Rasa reads endpoints.yml."""
    if isinstance(value, str):
        return ENVIRONMENT_VARIABLE.sub(lambda match: os.environ.get(match.group(1), ""), value)
    return value


def tracker_url(endpoints: str | os.PathLike = "endpoints.yml") -> URL:
    """The SQLAlchemy URL of the tracker store of `endpoints` (its `tracker_store` section)."""
    config = yaml.safe_load(Path(endpoints).read_text()) or {}
    store = {k: _with_environment(v) for k, v in (config.get("tracker_store") or {}).items()}
    dialect = store.get("dialect", "sqlite")
    if dialect == "sqlite":
        return URL.create("sqlite", database=str(store.get("db", "rasa.db")))
    port = store.get("port")
    return URL.create(
        "postgresql+psycopg2" if dialect == "postgresql" else dialect,
        username=store.get("username") or None,
        password=store.get("password") or None,
        host=store.get("url") or None,
        port=int(port) if port else None,
        database=store.get("db") or "rasa",
        query={k: str(_with_environment(v)) for k, v in (store.get("query") or {}).items()},
    )


def tracker_engine(endpoints: str | os.PathLike = "endpoints.yml") -> Engine:
    """An engine on the tracker database, with our journeys table created if missing."""
    url = tracker_url(endpoints)
    options: dict = {"future": True}
    if url.get_backend_name() == "sqlite":
        # Beside the Rasa servers: wait for their write lock rather than fail.
        options["connect_args"] = {"timeout": 30}
        if url.database:  # before the servers ever ran (a fresh machine): its folder
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, **options)
    if url.get_backend_name() == "sqlite":
        _write_transactions_take_the_lock_first(engine)
    METADATA.create_all(engine, tables=[JOURNEYS])
    return engine


def _write_transactions_take_the_lock_first(engine: Engine) -> None:
    """SQLite: each transaction starts with the write lock (BEGIN IMMEDIATE), so that what a
    purge reads cannot change before it deletes (the servers wait for it, a short while)."""

    @sa.event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        # What a purge or an erasure deletes is overwritten, not left in free pages.
        dbapi_connection.execute("PRAGMA secure_delete=ON")

    @sa.event.listens_for(engine, "begin")
    def _begin_immediate(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def events_of(connection: sa.engine.Connection, sender_id: str) -> Iterator[dict]:
    """A conversation's events, as Rasa stored them, in order."""
    rows = connection.execute(
        sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == sender_id).order_by(EVENTS.c.id)
    )
    for (data,) in rows:
        yield json.loads(data)


def flush_deleted(engine: Engine) -> None:
    """SQLite: the write-ahead log copied into the database and emptied, so that the pages
    holding deleted rows are nowhere on disk any more (PostgreSQL reclaims them by VACUUM)."""
    if engine.url.get_backend_name() == "sqlite":
        raw = engine.raw_connection()  # outside any transaction, as the checkpoint must be
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()

"""The retention purge on real databases (SQLite, and PostgreSQL in `make test`): idle
conversations deleted with their journeys kept once, recent ones untouched, safe beside writes
and beside another purge."""

from __future__ import annotations

import json
import threading
import time

import pytest
import sqlalchemy as sa

from tests.transcripts.conversations import (
    DAY,
    create_events_table,
    registration_until_password,
    senders,
    user,
    write,
)
from transcripts.database import JOURNEYS, METADATA
from transcripts.retention import delete_conversation, purge_conversations

NOW = time.time()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.servers)])
def engine(request, tmp_path):
    if request.param == "sqlite":
        from transcripts.database import _write_transactions_take_the_lock_first

        engine = sa.create_engine(
            f"sqlite:///{tmp_path / 'tracker.db'}", future=True, connect_args={"timeout": 30}
        )
        _write_transactions_take_the_lock_first(engine)
    else:
        url = request.getfixturevalue("postgres_server").new_database(f"retention_{id(request)}")
        engine = sa.create_engine(url, future=True)
    create_events_table(engine)
    METADATA.create_all(engine, tables=[JOURNEYS])
    yield engine
    engine.dispose()


def journeys(engine) -> list[dict]:
    with engine.connect() as connection:
        return [json.loads(row) for row in connection.scalars(sa.select(JOURNEYS.c.journey))]


def test_idle_conversations_go_recent_ones_stay_and_the_journeys_remain(engine):
    write(engine, "old", registration_until_password("old@exemple.fr"), NOW - 40 * DAY)
    write(engine, "recent", registration_until_password("new@exemple.fr"), NOW - 2 * DAY)
    purged = purge_conversations(engine, retention_days=30, now=NOW)
    assert purged.conversations == 1 and purged.events == 10
    assert senders(engine) == {"recent"}
    [kept] = journeys(engine)
    assert kept["stopped_at"] == "password" and "old@exemple.fr" not in json.dumps(kept)
    assert purge_conversations(engine, retention_days=30, now=NOW).conversations == 0


def test_a_conversation_with_a_new_message_is_not_deleted(engine):
    write(engine, "back", registration_until_password("back@exemple.fr"), NOW - 40 * DAY)
    write(engine, "back", [user("me revoici")], NOW - 60)
    with engine.begin() as connection:
        assert delete_conversation(connection, "back", NOW - 30 * DAY) == 0
    assert purge_conversations(engine, retention_days=30, now=NOW).conversations == 0
    assert senders(engine) == {"back"}


def test_two_purges_beside_live_writes_record_each_journey_once(engine):
    for number in range(40):
        write(engine, f"old-{number}", registration_until_password("x@exemple.fr"), NOW - 50 * DAY)
    results, errors = [], []

    def purge():
        try:
            results.append(purge_conversations(engine, retention_days=30, now=NOW))
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)

    def live():  # a conversation going on meanwhile
        for number in range(40):
            write(engine, "live", [user(f"message {number}")], NOW - 100 + number)

    threads = [threading.Thread(target=target) for target in (purge, purge, live)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(result.conversations for result in results) == 40
    assert senders(engine) == {"live"} and len(journeys(engine)) == 40
    with engine.connect() as connection:
        live_events = connection.scalar(sa.text("select count(*) from events"))
    assert live_events == 40

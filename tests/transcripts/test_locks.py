"""Several Rasa processes share one conversation's lock (transcripts/locks.py): in SQLite, the
workers of one machine; in Redis, servers on several machines. Each process is a process of its
own here, as in production (the Redis cases use a throw-away Redis server)."""

from __future__ import annotations

import asyncio
import multiprocessing
import uuid
from pathlib import Path

import pytest

from transcripts.locks import AtomicRedisLockStore, SQLiteLockStore

PROCESSES = 4


def open_store(where: str):
    """A process's own lock store: `redis:PORT` or the path of a SQLite file."""
    if where.startswith("redis:"):
        return AtomicRedisLockStore(host="127.0.0.1", port=int(where.split(":")[1]))
    return SQLiteLockStore(db=where)


def take_tickets(where: str, conversations: list[str], tickets, start) -> None:
    """One process taking a ticket for each conversation, at the same moment as the others."""
    store = open_store(where)
    for conversation in conversations:
        start.wait()
        tickets.put((conversation, store.issue_ticket(conversation)))


def handle_messages(where: str, counter: str, conversation: str, messages: int, start) -> None:
    """One process handling messages of one conversation: each turn reads and rewrites a counter
    file that only the conversation's lock protects (as a turn reads and extends the tracker)."""
    store = open_store(where)
    counter_file = Path(counter)

    async def turn() -> None:
        async with store.lock(conversation, lock_lifetime=10, wait_time_in_seconds=0.005):
            seen = int(counter_file.read_text() or 0)
            await asyncio.sleep(0.002)
            counter_file.write_text(str(seen + 1))

    start.wait()
    for _ in range(messages):
        asyncio.run(turn())


def run_processes(target, *args) -> None:
    start = multiprocessing.Barrier(PROCESSES)
    processes = [
        multiprocessing.Process(target=target, args=(*args, start)) for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0


@pytest.fixture(
    params=["sqlite", pytest.param("redis", marks=pytest.mark.servers)],
)
def lock_store_location(request, tmp_path) -> str:
    if request.param == "redis":
        return f"redis:{request.getfixturevalue('redis_server').port}"
    return str(tmp_path / "locks.db")


def test_processes_taking_tickets_at_once_get_different_ones(lock_store_location):
    conversations = [f"tickets-{uuid.uuid4().hex}" for _ in range(50)]
    tickets = multiprocessing.Queue()  # a few kilobytes: the processes can end before it is read
    run_processes(take_tickets, lock_store_location, conversations, tickets)
    issued: dict[str, list[int]] = {}
    for _ in range(PROCESSES * len(conversations)):
        conversation, ticket = tickets.get(timeout=10)
        issued.setdefault(conversation, []).append(ticket)
    # Rasa's own RedisLockStore gives most of these rounds the same ticket twice.
    assert all(sorted(numbers) == list(range(PROCESSES)) for numbers in issued.values())


def test_one_conversation_is_handled_by_one_process_at_a_time(lock_store_location, tmp_path):
    conversation, messages = f"turns-{uuid.uuid4().hex}", 15
    counter = tmp_path / "turns"
    counter.write_text("0")
    run_processes(handle_messages, lock_store_location, str(counter), conversation, messages)
    assert int(counter.read_text()) == PROCESSES * messages  # no turn lost
    assert open_store(lock_store_location).get_lock(conversation) is None  # the last one deleted it


def test_sqlite_lock_store_is_built_from_endpoints_yml(tmp_path):
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import read_endpoint_config

    endpoints = tmp_path / "endpoints.yml"
    database = tmp_path / "var" / "locks.db"
    endpoints.write_text(
        f"lock_store:\n  type: transcripts.locks.SQLiteLockStore\n  db: {database}\n"
    )
    store = LockStore.create(read_endpoint_config(str(endpoints), "lock_store"))
    assert isinstance(store, SQLiteLockStore)
    assert store.issue_ticket("someone") == 0 and database.is_file()


def test_expired_tickets_do_not_block_the_next_message(tmp_path):
    """A worker killed in the middle of a turn leaves its ticket; it expires after its lifetime."""
    store = SQLiteLockStore(db=str(tmp_path / "locks.db"))
    store.issue_ticket("crashed", lock_lifetime=0.05)

    async def next_message() -> None:
        async with store.lock("crashed", lock_lifetime=10, wait_time_in_seconds=0.02):
            pass

    asyncio.run(asyncio.wait_for(next_message(), timeout=5))
    assert store.get_lock("crashed") is None

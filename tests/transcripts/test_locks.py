"""Several Rasa servers share one conversation's lock in Redis (transcripts/locks.py): each
server is a process of its own here, as in production, on a throw-away Redis."""

from __future__ import annotations

import asyncio
import multiprocessing
import uuid

import pytest
import redis

from transcripts.locks import AtomicRedisLockStore

pytestmark = pytest.mark.servers  # a throw-away Redis

SERVERS = 4


def take_tickets(port: int, conversations: list[str], tickets, start) -> None:
    """One server taking a ticket for each conversation, at the same moment as the others."""
    store = AtomicRedisLockStore(host="127.0.0.1", port=port)
    for conversation in conversations:
        start.wait()
        tickets.put((conversation, store.issue_ticket(conversation)))


def handle_messages(port: int, conversation: str, messages: int, start) -> None:
    """One server handling messages of one conversation: each turn reads and rewrites a counter
    that only the conversation's lock protects (as a turn reads and extends the tracker)."""
    store = AtomicRedisLockStore(host="127.0.0.1", port=port)
    counter = redis.Redis(host="127.0.0.1", port=port, db=1)

    async def turn() -> None:
        async with store.lock(conversation, lock_lifetime=10, wait_time_in_seconds=0.005):
            seen = int(counter.get(f"turns:{conversation}") or 0)
            await asyncio.sleep(0.002)
            counter.set(f"turns:{conversation}", seen + 1)

    start.wait()
    for _ in range(messages):
        asyncio.run(turn())


def run_servers(target, *args) -> None:
    start = multiprocessing.Barrier(SERVERS)
    servers = [multiprocessing.Process(target=target, args=(*args, start)) for _ in range(SERVERS)]
    for server in servers:
        server.start()
    for server in servers:
        server.join(timeout=120)
        assert server.exitcode == 0


def test_servers_taking_tickets_at_once_get_different_ones(redis_server):
    conversations = [f"tickets-{uuid.uuid4().hex}" for _ in range(50)]
    tickets = multiprocessing.Queue()  # a few kilobytes: the processes can end before it is read
    run_servers(take_tickets, redis_server.port, conversations, tickets)
    issued: dict[str, list[int]] = {}
    for _ in range(SERVERS * len(conversations)):
        conversation, ticket = tickets.get(timeout=10)
        issued.setdefault(conversation, []).append(ticket)
    # Rasa's own RedisLockStore gives most of these rounds the same ticket twice.
    assert all(sorted(numbers) == list(range(SERVERS)) for numbers in issued.values())


def test_one_conversation_is_handled_by_one_server_at_a_time(redis_server):
    conversation, messages = f"turns-{uuid.uuid4().hex}", 15
    run_servers(handle_messages, redis_server.port, conversation, messages)
    admin = redis_server.client(db=1)  # the lock store's database (Rasa's default)
    assert int(admin.get(f"turns:{conversation}")) == SERVERS * messages  # no turn lost
    assert admin.get(f"lock:{conversation}") is None  # the last turn deleted the lock

"""Conversation locks safe for several Rasa processes: in SQLite for the workers of one machine,
in Redis for several machines.

Rasa takes a ticket for each message of a conversation and handles the message when its ticket
is first in line. Rasa 3.6's lock stores read the ticket list, change it in Python and write it
back in separate steps: two processes taking a ticket at the same moment read the same list and
get the same ticket, and handle the conversation at once (its turns interleave in the tracker
store); a process ending its turn can also delete a ticket another one just took. Here each
change of a conversation's lock is one atomic step, read, changed and written under the store's
own transaction (`_change`). (Rasa Pro's ConcurrentRedisLockStore answers the same problem for
Redis; Rasa Open Source has none, and no lock store for several workers without a server.)
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Callable, Optional

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# A change of the stored lock: gets it (None: there is none), returns the lock to store (None:
# delete it) and what the caller gets.
Change = Callable[[Optional[TicketLock]], "tuple[Optional[TicketLock], Any]"]


class AtomicTickets:
    """Rasa's ticket operations, each made of one `_change` of the stored lock."""

    def _change(self, conversation_id: str, change: Change) -> Any:
        raise NotImplementedError

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]):
            lock = lock if lock is not None else LockStore.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take)
        except Exception as error:  # the store is unreachable or broken: Rasa's own error
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: Optional[TicketLock]):
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Give the ticket back, and delete the lock if no other ticket is left, in one step."""

        def give_back(lock: Optional[TicketLock]):
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return (lock if lock is not None and lock.is_someone_waiting() else None), None

        self._change(conversation_id, give_back)


class AtomicRedisLockStore(AtomicTickets, RedisLockStore):
    """`lock_store: {type: transcripts.locks.AtomicRedisLockStore, url: HOST, port, db,
    username, password, ...}`: the keys of Rasa's `redis` lock store. Each change is one
    optimistic Redis transaction (WATCH, MULTI, EXEC), retried when another server changed the
    lock in between."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **options) -> None:
        # Rasa builds a lock store of a custom type from its endpoint configuration alone.
        if endpoint_config is not None:
            options = {
                "host": endpoint_config.url or "localhost",
                **endpoint_config.kwargs,
                **options,
            }
        super().__init__(**options)

    def _change(self, conversation_id: str, change: Change) -> Any:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as transaction:
            while True:
                try:
                    transaction.watch(key)
                    stored = transaction.get(key)
                    lock, result = change(
                        TicketLock.from_dict(json.loads(stored)) if stored else None
                    )
                    transaction.multi()
                    if lock is None:
                        transaction.delete(key)
                    else:
                        transaction.set(key, lock.dumps())
                    transaction.execute()
                    return result
                except redis.WatchError:
                    continue  # another server changed this lock meanwhile


DEFAULT_LOCK_DATABASE = "var/locks.db"
# How long a process waits for another one's change of a lock (a change takes microseconds).
BUSY_TIMEOUT_SECONDS = 30


class SQLiteLockStore(AtomicTickets, LockStore):
    """`lock_store: {type: transcripts.locks.SQLiteLockStore, db: var/locks.db}`: the Sanic
    workers of one machine (`SANIC_WORKERS`) share a SQLite file; no server to run. Each change
    is one `BEGIN IMMEDIATE` transaction, which SQLite gives one process at a time. The file
    holds only the locks of the messages being handled: nothing to back up.

    Python's sqlite3 module on one open connection, not SQLAlchemy: the table is one key and one
    value, and SQLAlchemy's statement building cost 4 ms per message here (8% of a worker)."""

    def __init__(
        self, endpoint_config: Optional[EndpointConfig] = None, db: str = DEFAULT_LOCK_DATABASE
    ) -> None:
        if endpoint_config is not None:
            db = endpoint_config.kwargs.get("db", db)
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions begin where `_change` says, as BEGIN IMMEDIATE.
        self.connection = sqlite3.connect(
            db, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        self.connection.execute("PRAGMA journal_mode=WAL")
        # No commit waits for the disk: the locks need not survive a crash of the machine, only
        # be exclusive while it runs.
        self.connection.execute("PRAGMA synchronous=OFF")
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS ticket_locks "
            "(conversation_id TEXT PRIMARY KEY, lock TEXT NOT NULL)"  # Rasa's TicketLock, JSON
        )
        super().__init__()

    def _stored(self, conversation_id: str) -> Optional[str]:
        row = self.connection.execute(
            "SELECT lock FROM ticket_locks WHERE conversation_id = ?", (conversation_id,)
        ).fetchone()
        return row[0] if row else None

    def _change(self, conversation_id: str, change: Change) -> Any:
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            stored = self._stored(conversation_id)
            lock, result = change(TicketLock.from_dict(json.loads(stored)) if stored else None)
            if lock is None:
                if stored is not None:
                    self.connection.execute(
                        "DELETE FROM ticket_locks WHERE conversation_id = ?", (conversation_id,)
                    )
            else:
                self.connection.execute(
                    "INSERT OR REPLACE INTO ticket_locks (conversation_id, lock) VALUES (?, ?)",
                    (conversation_id, lock.dumps()),
                )
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")
        return result

    def get_lock(self, conversation_id: str) -> Optional[TicketLock]:
        stored = self._stored(conversation_id)
        return TicketLock.from_dict(json.loads(stored)) if stored else None

    def save_lock(self, lock: TicketLock) -> None:
        self._change(lock.conversation_id, lambda _: (lock, None))

    def delete_lock(self, conversation_id: str) -> None:
        self._change(conversation_id, lambda _: (None, None))
